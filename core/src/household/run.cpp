// The checks Household::run() makes for every command (run.hpp), once.
#include "run.hpp"

#ifdef PRIVACY_CHECK_INVARIANTS
#include <cstdio>
#include <cstdlib>
#endif

namespace privacy::detail {

Admission admit(Household::Impl& h, const CommandInfo& info, const Actor& actor, Instant now,
                const std::string* profile_id, std::optional<ProfileKind> new_profile, bool answers_after_removal) {
  Admission a;
  auto refuse = [&](Error e) {
    a.refusal = std::move(e);
    return std::move(a);
  };
  if (info.needs_household && !h.exists)
    return refuse({code::not_found, "", "no household yet: createHousehold or importState first"});
  const bool needs_actor =
      info.subject != Subject::none && (info.subject != Subject::optional_profile || profile_id);
  a.acting.id = actor.id;
  if (needs_actor) {
    if (actor.id.empty())
      return refuse({code::invalid_input, "actor",
                     "is required: every command on household data names who acts (R-INT-5)"});
    if (!json::valid_id(actor.id))
      return refuse({code::invalid_input, "actor", "must be an id: a non-empty string of at most " +
                                                       std::to_string(kMaxIdBytes) + " bytes"});
    if (actor.on_behalf_of && !starts_with(actor.id, kSupportPrefix))
      return refuse({code::invalid_input, "onBehalfOf", "only a support agent acts on someone's behalf"});
    a.acting = h.resolve(actor);
    Target target = Target::household;
    std::string_view target_id;
    if (info.subject == Subject::profile || info.subject == Subject::optional_profile) {
      if (!h.exists) return refuse({code::not_found, "profileId", "no household yet: no profiles"});
      const Profile* p = h.profile(*profile_id);
      if (!p && answers_after_removal && h.removed_profile(*profile_id)) {
        a.repeat = true;
        return a;
      }
      if (!p) return refuse({code::not_found, "profileId", "no profile '" + *profile_id + "' in this household"});
      target = target_of(*p);
      target_id = p->id;
    } else if (new_profile) {
      target = *new_profile == ProfileKind::child  ? Target::child
               : *new_profile == ProfileKind::teen ? Target::teen
                                                   : Target::adult;
    }
    // An import into an empty engine is judged against the state coming in.
    const bool judged_later = info.subject == Subject::incoming_state && !h.exists;
    if (!judged_later && !allowed(info.access, target, a.acting, target_id))
      return refuse(forbidden(info.name, target, a.acting));
  }
  if (info.changes && h.exists)
    if (const AuditEntry* last = h.last_entry(); last && now < last->at)
      return refuse({code::out_of_order, "now",
                     "is before the audit log's last entry (" + format_iso8601(last->at) +
                         "): audit time never runs backwards (R-INT-3)"});
  return a;
}

#ifdef PRIVACY_CHECK_INVARIANTS
namespace {
[[noreturn]] void broken(std::string_view command, const std::string& what) {
  std::fprintf(stderr, "family-privacy: %.*s broke an invariant: %s\n", static_cast<int>(command.size()),
               command.data(), what.c_str());
  std::abort();
}
}  // namespace

Before before(Household::Impl& h) { return {h.exists ? h.digest() : std::string(), h.s.audit_log.size()}; }

void verify_after(Household& household, Household::Impl& h, const CommandInfo& info, const Before& b, bool ok,
                  const Effects& fx) {
  if (!ok && (h.s.audit_log.size() != b.entries || (h.exists && h.digest() != b.digest)))
    broken(info.name, "a failed command changed the state");
  if (!info.changes && fx.changed) broken(info.name, "a read changed the state");
  if (fx.changed)
    if (Errors problems = household.check(); !problems.empty())
      broken(info.name, problems.front().path + ": " + problems.front().message);
}
#endif

}  // namespace privacy::detail
