// R-CON-6: one table decides every acting command; here every row is tried
// with every kind of actor through the engine (the JS suite does the same
// through the package).
#include <doctest/doctest.h>

#include <map>

#include "fixtures.hpp"
#include "privacy/authorization.hpp"

using namespace fixtures;
using privacy::ActorKind;

namespace {

json who(ActorKind kind) {
  switch (kind) {
    case ActorKind::verified_guardian: return {{"actor", "g1"}};
    case ActorKind::unverified_guardian: return {{"actor", "g2"}};
    case ActorKind::other_household: return {{"actor", "g-elsewhere"}};
    case ActorKind::child: return {{"actor", "c1"}};
    case ActorKind::adult: return {{"actor", "a1"}};
    case ActorKind::support_with_request: return {{"actor", "support:s1"}, {"onBehalfOf", "g1"}};
    case ActorKind::support_without_request: return {{"actor", "support:s1"}};
    case ActorKind::system: return {{"actor", "system"}};
    case ActorKind::operator_: return {{"actor", "operator"}};
  }
  return {};
}

// A valid command for a row (so an allowed actor succeeds), after any set-up.
json command_for(Engine& e, const std::string& command, privacy::Target target) {
  std::string profile = target == privacy::Target::adult ? "a1" : "c1";
  json c = {{"command", command}, {"now", kStart}};
  auto with_profile = [&](json extra) {
    c["profileId"] = profile;
    if (extra.is_object()) c.update(extra);
    return c;
  };
  if (command == "createHousehold") return {{"command", command}, {"now", kStart}, {"id", "h2"}, {"name", "N"}, {"retentionPolicy", policy()}};
  if (command == "setRetentionPolicy") { c["retentionPolicy"] = policy(6); return c; }
  if (command == "setPrivacyNotice") { c["privacyNotice"] = {{"version", 2}, {"collects", {"audio"}}, {"thirdParties", json::array()}}; return c; }
  if (command == "addGuardian") { c["guardian"] = {{"id", "g-new"}, {"name", "N"}, {"verified", false}}; return c; }
  if (command == "addDevice") { c["device"] = {{"id", "d-new"}, {"name", "N"}}; return c; }
  if (command == "addProfile") { c["profile"] = {{"id", "p-new"}, {"name", "N"}, {"kind", target == privacy::Target::adult ? "adult" : "child"}}; return c; }
  if (command == "addRecording") { c["recording"] = recording("r-new", profile, "d1", kStart); return c; }
  if (command == "sweep" || command == "sweepProfiles") return c;
  if (command == "setRetention") return with_profile({{"setting", "3_months"}});
  if (command == "setVoiceDeletion") return with_profile({{"enabled", true}});
  if (command == "deleteRecordings" || command == "previewDeletion") return with_profile({{"requestId", "q"}, {"kind", "all"}});
  if (command == "exportProfileData") return with_profile({});
  if (command == "renameProfile") return with_profile({{"name", "R"}});
  if (command == "removeProfile") return with_profile({{"requestId", "rm"}});
  if (command == "requestConsent") return with_profile({{"method", "video_call"}});
  if (command == "recordConsent" || command == "cancelConsent") {
    ok(e, {{"command", "requestConsent"}, {"actor", "g1"}, {"now", kStart}, {"profileId", profile}, {"method", "video_call"}});
    if (command == "cancelConsent") return with_profile({});
    return with_profile({{"method", "video_call"}, {"reference", "call"}, {"verifiedBy", "staff"}});
  }
  if (command == "revokeConsent") return with_profile({{"deleteData", false}});
  if (command == "setDisclosureConsent") return with_profile({{"enabled", true}});
  if (command == "enableProfile") return with_profile({{"enabled", false}});
  if (command == "keepProfile") return with_profile({});
  if (command == "resolveAgeReview") {
    json state = ok(e, {{"command", "exportState"}});
    for (auto& p : state["profiles"])
      if (p["id"] == profile) p["ageReviewFlaggedAt"] = kStart;
    ok(e, {{"command", "importState"}, {"state", state}});
    return with_profile({{"convertToAdult", false}});
  }
  FAIL("no command built for " << command);
  return c;
}

}  // namespace

TEST_CASE("every acting command, with every kind of actor, is allowed or denied by the table") {  // covers R-CON-6
  int allowed = 0, denied = 0;
  for (const auto& row : privacy::authorization_table()) {
    if (row.command == "voiceRequest") continue;  // the speaker is the actor; see below
    for (const auto& [kind, decision] : row.decisions) {
      CAPTURE(row.command);
      CAPTURE(privacy::to_string(row.target));
      CAPTURE(privacy::to_string(kind));
      Engine e;
      if (row.command != "createHousehold") {
        build_household(e);
        add_recording(e, recording("r1", "c1", "d1", kStart));
        add_recording(e, recording("r2", "a1", "d1", kStart));
      }
      json c = command_for(e, row.command, row.target);
      c.update(who(kind));
      std::string target_id = row.target == privacy::Target::adult ? "a1" : "c1";
      bool expect = decision == privacy::Decision::allow ||
                    (decision == privacy::Decision::self_only && who(kind)["actor"] == target_id);
      if (expect) {
        ok(e, c);
        ++allowed;
      } else {
        if (row.command == "createHousehold") {
          json out = e.execute(c);
          CHECK(out["type"] == "failure");
          CHECK(has_error(out["errors"], "forbidden", "actor"));
        } else {
          fails(e, c, "forbidden", "actor");
        }
        ++denied;
      }
    }
  }
  CHECK(allowed > 40);
  CHECK(denied > 200);
}

TEST_CASE("the table's shape: parents manage children, adults themselves, the system sweeps") {  // covers R-CON-6
  using privacy::Target;
  CHECK(privacy::authorize("setRetention", Target::child, ActorKind::verified_guardian, "g1", "c1"));
  CHECK_FALSE(privacy::authorize("setRetention", Target::child, ActorKind::unverified_guardian, "g2", "c1"));
  CHECK_FALSE(privacy::authorize("setRetention", Target::child, ActorKind::child, "c1", "c1"));
  CHECK(privacy::authorize("setRetention", Target::adult, ActorKind::adult, "a1", "a1"));
  CHECK_FALSE(privacy::authorize("setRetention", Target::adult, ActorKind::adult, "a2", "a1"));
  CHECK_FALSE(privacy::authorize("setRetention", Target::adult, ActorKind::verified_guardian, "g1", "a1"));
  CHECK(privacy::authorize("voiceRequest", Target::child, ActorKind::child, "c1", "c1"));
  CHECK_FALSE(privacy::authorize("voiceRequest", Target::child, ActorKind::child, "c2", "c1"));
  CHECK(privacy::authorize("sweep", Target::household, ActorKind::system, "system", ""));
  CHECK_FALSE(privacy::authorize("sweep", Target::household, ActorKind::operator_, "operator", ""));
  CHECK_FALSE(privacy::authorize("noSuchCommand", Target::household, ActorKind::operator_, "operator", ""));
  CHECK(privacy::all_actor_kinds().size() == 9);
}

TEST_CASE("a support agent's request is audited with the parent it came from") {  // covers R-CON-6
  Engine e;
  build_household(e);
  ok(e, {{"command", "setRetention"}, {"actor", "support:s1"}, {"onBehalfOf", "g1"}, {"now", kStart},
         {"profileId", "c1"}, {"setting", "dont_save"}});
  json last = audit_entries(e).back();
  CHECK(last["actor"] == "support:s1");
  CHECK(last["details"]["onBehalfOf"] == "g1");
  fails(e, {{"command", "setRetention"}, {"actor", "g1"}, {"onBehalfOf", "g1"}, {"now", kStart},
            {"profileId", "c1"}, {"setting", "dont_save"}},
        "invalid_input", "onBehalfOf");
  // Ids that would pass for reserved actors cannot be taken.
  fails(e, {{"command", "addGuardian"}, {"actor", "operator"}, {"now", kStart},
            {"guardian", {{"id", "support:x"}, {"name", "X"}, {"verified", true}}}},
        "conflict", "guardian.id");
}
