#pragma once
// The engine's command handlers and the pieces they share. Private to the
// core: engine.cpp dispatches, engine_household.cpp handles the household,
// profiles and consent, engine_recordings.cpp recordings, retention and
// deletion, engine_ads.cpp ad signals.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "json_reader.hpp"
#include "privacy/authorization.hpp"
#include "privacy/engine.hpp"
#include "privacy/retention.hpp"
#include "readers.hpp"

namespace privacy {

using nlohmann::json;
using Answer = Result<json>;

// Who is acting, resolved against the household (R-CON-6).
struct Acting {
  ActorKind kind = ActorKind::other_household;
  std::string id;
  std::optional<std::string> on_behalf_of;  // a support agent's verified guardian
};

json optional_instant(const std::optional<Instant>& t);
json to_json(const EffectiveRetention& e, const std::string& profile_id);

class Engine::Commands {
 public:
  // The opening every command on one profile by an actor shares: the
  // household exists, only known fields (`command`, `actor`, `now`,
  // `profileId` and the command's own), `now`, the actor, the profile, and
  // the authorization table's word. `ready` is false when nothing further
  // should be read; `errors` collects everything.
  struct OnProfile {
    Errors errors;
    detail::Reader in;
    bool ready = false;
    std::optional<Instant> at;
    std::optional<Acting> acting;
    const Profile* profile = nullptr;
    OnProfile(const Engine& e, const json& c, std::string_view command,
              std::initializer_list<std::string_view> fields);
    OnProfile(const OnProfile&) = delete;
    OnProfile& operator=(const OnProfile&) = delete;
  };

  using Handler = Answer (*)(Engine&, const json&);
  static const std::map<std::string, Handler, std::less<>>& table();

  // ---- shared (engine.cpp) ----
  static const Profile* profile(const Engine& e, const std::string& id);
  static Profile* profile(Engine& e, const std::string& id);
  static const Device* device(const Engine& e, const std::string& id);
  static const Guardian* guardian(const Engine& e, const std::string& id);
  // Reads `actor` (and a support agent's `onBehalfOf`); never fails on an
  // unknown id, which is simply someone from outside the household.
  static std::optional<Acting> actor(const Engine& e, detail::Reader& in);
  // The one authorization table decides; a denial is a `forbidden` error.
  static bool allowed(Errors& errors, std::string_view command, Target target, const Acting& a,
                      std::string_view profile_id = {});
  static Target target_of(const Profile& p) {
    return p.kind == ProfileKind::child ? Target::child : Target::adult;
  }
  // The command's `profileId`, authorized for `command` when an actor acts.
  static const Profile* managed_profile(const Engine& e, detail::Reader& in,
                                        const std::optional<Acting>& a, std::string_view command);
  static bool require_household(const Engine& e, Errors& errors);
  static EffectiveRetention effective(const Engine& e, const Profile& p);
  static std::unordered_map<std::string, EffectiveRetention> effective_by_profile(const Engine& e);
  static json recording_json(const Recording& r, const EffectiveRetention& eff);
  static void audit(Engine& e, Instant at, const Acting& a, const char* action, json details);
  static void audit(Engine& e, Instant at, const std::string& actor, const char* action,
                    json details);
  static std::optional<Instant> now(detail::Reader& in) { return in.instant("now"); }
  static std::vector<std::size_t> profile_recordings(const Engine& e, const std::string& profile_id);

  // ---- deletion (engine_recordings.cpp) ----
  struct Selection {
    std::vector<std::size_t> indexes;  // into recordings, ascending
    std::optional<std::string> reason;
  };
  static Selection select(const Engine& e, const DeletionRequest& r, Errors& errors);
  static ArtifactCounts count(const Engine& e, const std::vector<std::size_t>& indexes);
  static DeletionReceipt apply(Engine& e, DeletionReceipt receipt,
                               const std::vector<std::size_t>& indexes);
  static DeletionReceipt receipt_for(const DeletionRequest& r);
  static std::optional<Answer> repeated(const Engine& e, const DeletionRequest& r);
  static Answer run_deletion(Engine& e, const DeletionRequest& r);
  // Everything of one profile, as one request (revocation, removal, inactivity).
  static DeletionReceipt delete_all_of(Engine& e, const Profile& p, const std::string& request_id,
                                       const std::string& actor, Instant at);

  // ---- household, profiles, consent (engine_household.cpp) ----
  static Answer create_household(Engine&, const json&);
  static Answer set_retention_policy(Engine&, const json&);
  static Answer set_privacy_notice(Engine&, const json&);
  static Answer add_guardian(Engine&, const json&);
  static Answer add_device(Engine&, const json&);
  static Answer add_profile(Engine&, const json&);
  static Answer rename_profile(Engine&, const json&);
  static Answer remove_profile(Engine&, const json&);
  static Answer enable_profile(Engine&, const json&);
  static Answer keep_profile(Engine&, const json&);
  static Answer resolve_age_review(Engine&, const json&);
  static Answer sweep_profiles(Engine&, const json&);
  static Answer request_consent(Engine&, const json&);
  static Answer record_consent(Engine&, const json&);
  static Answer cancel_consent(Engine&, const json&);
  static Answer revoke_consent(Engine&, const json&);
  static Answer set_disclosure_consent(Engine&, const json&);
  static Answer privacy_disclosure_of(Engine&, const json&);
  static Answer authorization_table_of(Engine&, const json&);
  static Answer overview(Engine&, const json&);
  static Answer overview_command(Engine&, const json&);
  static Answer export_state(Engine&, const json&);
  static Answer export_profile_data(Engine&, const json&);
  static Answer import_state(Engine&, const json&);

  // ---- recordings, retention, deletion (engine_recordings.cpp) ----
  static Answer add_recording(Engine&, const json&);
  static Answer add_recordings(Engine&, const json&);
  static Answer set_retention(Engine&, const json&);
  static Answer set_voice_deletion(Engine&, const json&);
  static Answer effective_retention_of(Engine&, const json&);
  static Answer preview_retention(Engine&, const json&);
  static Answer list_recordings(Engine&, const json&);
  static Answer preview_sweep(Engine&, const json&);
  static Answer sweep(Engine&, const json&);
  static Answer preview_deletion(Engine&, const json&);
  static Answer delete_recordings(Engine&, const json&);
  static Answer parse_voice(Engine&, const json&);
  static Answer voice_request(Engine&, const json&);
  static Answer may_use(Engine&, const json&);
  static Answer tombstones(Engine&, const json&);
  static Answer audit_log(Engine&, const json&);
  static Answer verify_audit_log(Engine&, const json&);

 private:
  static std::optional<DeletionRequest> read_deletion(const Engine& e, detail::Reader& in,
                                                      std::optional<Acting>& acting,
                                                      std::string_view command);
  static void check_intake(const Engine& e, const Recording& r, Instant at, const std::string& path,
                           std::unordered_set<std::string>& batch_ids, Errors& errors);
  static void store(Engine& e, std::vector<Recording> batch);
  struct SweepPlan {
    std::vector<std::size_t> due;
    std::optional<Instant> next_due_at;
  };
  static SweepPlan plan_sweep(const Engine& e, Instant at);
  template <class T, class Read, class Exists>
  static Answer add_member(Engine& e, const json& c, const char* command, const char* key,
                           Read read, Exists exists, std::vector<T>& into, const char* action);
  static bool actor_id_used(const Engine& e, const std::string& id);
  static Answer consent_step(Engine& e, const json& c, const char* command, ConsentEvent event);
};

}  // namespace privacy
