#pragma once
// Who may do what (R-CON-6): one table decides every command that names an
// actor. The README prints it (generated from authorization_table()).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privacy {

enum class ActorKind {
  verified_guardian,        // a guardian of this household, verified as a parent
  unverified_guardian,      // a guardian of this household, not (yet) verified
  other_household,          // anyone not of this household (another household's guardian)
  child,                    // a child profile of this household
  adult,                    // an adult profile of this household
  support_with_request,     // support agent acting on a verified guardian's request
  support_without_request,  // support agent acting on their own
  system,                   // the service's own jobs (intake, sweeps)
  operator_,                // the operator (policy, notices, household set-up)
};
std::string_view to_string(ActorKind kind);
const std::vector<ActorKind>& all_actor_kinds();

// What a command acts on decides who may act.
enum class Target { household, child, adult };
std::string_view to_string(Target target);

enum class Decision {
  allow,
  deny,
  self_only,  // allowed when the actor is the target profile itself
};

struct AuthorizationRow {
  std::string command;
  Target target = Target::household;
  std::vector<std::pair<ActorKind, Decision>> decisions;  // one per actor kind
};

// The whole table, in command order.
const std::vector<AuthorizationRow>& authorization_table();

// Whether `actor` (of `kind`, with id `actor_id`) may run `command` on
// `target` (the profile's id, for child and adult targets).
bool authorize(std::string_view command, Target target, ActorKind kind,
               std::string_view actor_id, std::string_view target_profile_id);

}  // namespace privacy
