// The property test over random legal command sequences (issue 8, R-INT-1..5):
// seeded households of guardians, child/teen/adult profiles and devices, and
// every command that changes them, legal or not, with time moving on (and
// sometimes back). At every step:
//   - the checked core has already run the invariants (it aborts otherwise),
//     and a failed command changed nothing (it aborts otherwise; here the
//     export before and after is compared too);
//   - export -> import into a fresh engine -> export gives the same bytes;
//   - the audit log verifies;
//   - a restored backup never brings back a deleted recording (R-INT-2).
// PRIVACY_PROPERTY_SEQUENCES sets how many (default 10000); the count of
// sequences and steps is printed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/engine.hpp"
#include "privacy/time.hpp"

using nlohmann::json;

namespace {

json policy() {
  json categories = json::array();
  for (const char* c : {"audio", "transcript", "derived"})
    categories.push_back({{"category", c}, {"childMaxMonths", 18}, {"adultMaxMonths", nullptr},
                          {"purpose", "to answer"}, {"businessNeed", "to improve"}});
  return {{"categories", categories}, {"justSaidWindowMinutes", 10}, {"inactiveAfterMonths", 18},
          {"noticeWindowDays", 90}};
}

struct Model {
  std::vector<std::string> guardians{"g1", "g2"};
  std::vector<std::string> profiles;  // live
  std::vector<std::string> removed;
  std::vector<std::string> devices{"d1", "d2"};
  std::vector<std::string> recordings;  // ever added (live or not)
  std::vector<std::string> requests;    // ever used
  int notice_version = 1;
  int next = 0;
};

class Sequence {
 public:
  explicit Sequence(std::uint64_t seed) : rng_(seed) {}

  void run(int steps, std::size_t& total_steps, std::size_t& total_failures) {
    now_ = privacy::parse_iso8601("2026-01-01T00:00:00Z").value();
    step(command("createHousehold", "operator", {{"id", "h1"}, {"name", "Home"}, {"retentionPolicy", policy()}}));
    step(command("addGuardian", "operator", {{"guardian", {{"id", "g1"}, {"name", "Ana"}, {"verified", true}}}}));
    step(command("addGuardian", "operator", {{"guardian", {{"id", "g2"}, {"name", "Ben"}, {"verified", false}}}}));
    step(command("addDevice", "g1", {{"device", {{"id", "d1"}, {"name", "Kitchen"}}}}));
    step(command("addDevice", "g1", {{"device", {{"id", "d2"}, {"name", "Tablet"}}}}));
    step(command("addProfile", "g1", {{"profile", {{"id", "c1"}, {"name", "Maya"}, {"kind", "child"}, {"birthDate", "2018-05-01"}}}}));
    step(command("requestConsent", "g1", {{"profileId", "c1"}, {"method", "signed_form"}}));
    step(command("recordConsent", "g1", {{"profileId", "c1"}, {"method", "signed_form"}, {"reference", "f"}, {"verifiedBy", "v"}}));
    step(command("addProfile", "g1", {{"profile", {{"id", "t1"}, {"name", "Tom"}, {"kind", "teen"}}}}));
    step(command("addProfile", "g1", {{"profile", {{"id", "a1"}, {"name", "Sam"}, {"kind", "adult"}, {"voiceDeletion", true}}}}));
    for (int i = 0; i < steps; ++i) {
      advance();
      step(random_command());
      ++total_steps;
    }
    total_failures += failures_;
  }

 private:
  std::mt19937_64 rng_;
  privacy::Engine engine_;
  Model m_;
  privacy::Instant now_ = 0;
  std::vector<std::string> backups_;  // earlier exports
  std::size_t failures_ = 0;

  std::uint64_t pick(std::uint64_t n) { return n == 0 ? 0 : rng_() % n; }
  bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }
  template <class T> const T& one(const std::vector<T>& v) { return v[pick(v.size())]; }
  std::string fresh(const char* prefix) { return std::string(prefix) + std::to_string(++m_.next); }

  std::string profile_or_stranger() { return m_.profiles.empty() || chance(3) ? "nobody" : one(m_.profiles); }
  std::string actor() {
    int r = static_cast<int>(pick(100));
    if (r < 70) return "g1";
    if (r < 78) return one(m_.guardians);
    if (r < 84 && !m_.profiles.empty()) return one(m_.profiles);
    if (r < 88) return "operator";
    if (r < 92) return "system";
    if (r < 96) return "support:agent";
    return "stranger";
  }
  std::string request_id() {
    if (!m_.requests.empty() && chance(10)) return one(m_.requests);  // a repeat: same request or a conflict
    return fresh("q");
  }

  void advance() {
    int r = static_cast<int>(pick(100));
    if (r < 50) now_ += static_cast<privacy::Instant>(pick(60)) * privacy::kMillisPerMinute;
    else if (r < 85) now_ += static_cast<privacy::Instant>(pick(30)) * privacy::kMillisPerDay;
    else if (r < 97) now_ = privacy::add_months(now_, static_cast<int>(1 + pick(8)));
    else now_ -= privacy::kMillisPerDay;  // a clock that runs back: refused when it would log (R-INT-3)
  }

  json command(const char* name, const std::string& who, json fields = json::object()) {
    fields["command"] = name;
    fields["actor"] = who;
    fields["now"] = now_;
    if (who == "support:agent") fields["onBehalfOf"] = chance(80) ? "g1" : "g2";
    return fields;
  }

  json recording(const std::string& profile) {
    std::string id = !m_.recordings.empty() && chance(3) ? one(m_.recordings) : fresh("r");  // a used id is refused
    json r = {{"id", id}, {"profileId", profile}, {"deviceId", one(m_.devices)},
              {"capturedAt", now_ - static_cast<privacy::Instant>(pick(400)) * privacy::kMillisPerDay}};
    if (chance(80)) r["audio"] = {{"ref", "audio/" + id}, {"durationMs", 1000}};
    if (chance(80)) r["transcript"] = "said " + id;
    if (chance(50)) r["derived"] = json::array({{{"id", id + "-i"}, {"kind", "intent"}}, {{"id", id + "-t"}, {"kind", "training_copy"}}});
    return r;
  }

  json deletion(json c) {
    static const char* kinds[] = {"ids", "range", "device", "all", "just_said", "today"};
    std::string kind = kinds[pick(6)];
    c["kind"] = kind;
    c["profileId"] = profile_or_stranger();
    if (kind == "ids") {
      json ids = json::array();
      for (std::uint64_t i = 0, n = 1 + pick(3); i < n && !m_.recordings.empty(); ++i) ids.push_back(one(m_.recordings));
      if (ids.empty()) ids.push_back("none");
      c["ids"] = ids;
    } else if (kind == "range") {
      privacy::Instant from = now_ - static_cast<privacy::Instant>(pick(400)) * privacy::kMillisPerDay;
      c["from"] = from;
      c["to"] = chance(95) ? from + static_cast<privacy::Instant>(1 + pick(200)) * privacy::kMillisPerDay : from;
    } else if (kind != "all") {
      c["deviceId"] = one(m_.devices);
      if (kind == "today") c["utcOffsetMinutes"] = static_cast<int>(pick(1560)) - 720;
    }
    return c;
  }

  json random_command() {
    std::string who = actor();
    switch (pick(24)) {
      case 0: {
        std::string id = fresh("g");
        return command("addGuardian", chance(80) ? "operator" : who, {{"guardian", {{"id", id}, {"name", "G"}, {"verified", chance(50)}}}});
      }
      case 1: {
        std::string id = fresh("d");
        return command("addDevice", who, {{"device", {{"id", id}, {"name", "D"}}}});
      }
      case 2:
      case 3: {
        static const char* kinds[] = {"child", "teen", "adult"};
        std::string id = !m_.removed.empty() && chance(10) ? one(m_.removed) : fresh("p");  // id reuse is refused
        std::string kind = kinds[pick(3)];
        json profile = {{"id", id}, {"name", "P" + id}, {"kind", kind}};
        if (chance(60)) {
          int years = kind == "child" ? static_cast<int>(pick(13)) : kind == "teen" ? 13 + static_cast<int>(pick(5)) : 18 + static_cast<int>(pick(40));
          if (chance(10)) years = static_cast<int>(pick(60));  // may not fit the kind: refused
          privacy::Instant birth = privacy::add_months(now_, -12 * years - static_cast<int>(pick(11)));
          profile["birthDate"] = privacy::format_iso8601(birth).substr(0, 10);
        }
        if (chance(30)) profile["retention"] = one(std::vector<std::string>{"dont_save", "3_months", "18_months", "until_deleted"});
        return command("addProfile", chance(80) ? "g1" : who, {{"profile", profile}});
      }
      case 4: return command("renameProfile", who, {{"profileId", profile_or_stranger()}, {"name", chance(95) ? "Renamed" : "   "}});
      case 5: return command("requestConsent", who, {{"profileId", profile_or_stranger()}, {"method", chance(20) ? "email_plus" : "signed_form"}});
      case 6:
        return command("recordConsent", who, {{"profileId", profile_or_stranger()},
                                              {"method", one(std::vector<std::string>{"signed_form", "email_plus", "text_plus", "video_call"})},
                                              {"reference", "ref"}, {"verifiedBy", "verifier"}});
      case 7: return command("cancelConsent", who, {{"profileId", profile_or_stranger()}});
      case 8: {
        json c = command("revokeConsent", who, {{"profileId", profile_or_stranger()}});
        if (chance(50)) {
          c["deleteData"] = true;
          c["requestId"] = request_id();
        }
        return c;
      }
      case 9: return command("setDisclosureConsent", who, {{"profileId", profile_or_stranger()}, {"enabled", chance(70)}});
      case 10: {
        json notice = {{"version", chance(90) ? ++m_.notice_version : 1},
                       {"collects", chance(50) ? json::array({"voice recordings"}) : json::array({"voice recordings", "transcripts"})}};
        notice["thirdParties"] = chance(50) ? json::array({{{"name", "AdCo"}, {"category", "advertising"}, {"purpose", "ads"}}}) : json::array();
        return command("setPrivacyNotice", chance(85) ? "operator" : who, {{"privacyNotice", notice}});
      }
      case 11: return command("enableProfile", who, {{"profileId", profile_or_stranger()}, {"enabled", chance(60)}});
      case 12: {
        json c = command("setRetention", who, {{"profileId", profile_or_stranger()},
                                               {"setting", one(std::vector<std::string>{"dont_save", "3_months", "18_months", "until_deleted"})}});
        if (chance(30)) c["requestId"] = request_id();
        return c;
      }
      case 13: return command("setVoiceDeletion", who, {{"profileId", profile_or_stranger()}, {"enabled", chance(70)}});
      case 14:
      case 15: {
        std::string intake = chance(80) ? "system" : chance(50) ? "device:" + one(m_.devices) : who;
        if (chance(50)) return command("addRecording", intake, {{"recording", recording(profile_or_stranger())}});
        json batch = json::array();
        for (std::uint64_t i = 0, n = 1 + pick(5); i < n; ++i) batch.push_back(recording(profile_or_stranger()));
        return command("addRecordings", intake, {{"recordings", batch}});
      }
      case 16:
      case 17:
        if (chance(15)) return deletion(command("previewDeletion", who));
        return deletion(command("deleteRecordings", who, {{"requestId", request_id()}}));
      case 18:
        return command("voiceRequest", chance(50) ? profile_or_stranger() : who,
                       {{"requestId", request_id()}, {"profileId", profile_or_stranger()}, {"deviceId", one(m_.devices)},
                        {"utterance", chance(50) ? "delete what I just said" : "alexa delete everything I said today"},
                        {"utcOffsetMinutes", 60}});
      case 19: return command(chance(50) ? "sweep" : "sweepProfiles", chance(85) ? "system" : who);
      case 20: {
        if (chance(50)) return command("keepProfile", who, {{"profileId", profile_or_stranger()}});
        return command("resolveAgeReview", who, {{"profileId", profile_or_stranger()},
                                                 {"kind", one(std::vector<std::string>{"child", "teen", "adult"})}});
      }
      case 21: {
        std::string id = profile_or_stranger();
        return command("removeProfile", who, {{"profileId", id}, {"requestId", request_id()}});
      }
      case 22: {
        if (chance(30)) return command("recordGpc", chance(50) ? "system" : who, {{"profileId", profile_or_stranger()}});
        if (chance(30)) return command("recordDeviceGpc", chance(50) ? "system" : who, {{"deviceId", one(m_.devices)}});
        return command("storeConsentEvent", chance(80) ? "system" : who,
                       {{"profileId", profile_or_stranger()}, {"store", "apple"},
                        {"event", chance(50) ? "revoked" : "significant_change"}});
      }
      default: {
        // An earlier export restored (or the current one loaded again).
        if (backups_.empty()) return {{"command", "overview"}, {"actor", who}};
        json c = command(chance(20) ? "previewImport" : "importState", chance(80) ? "g1" : who);
        c["state"] = json::parse(one(backups_));
        return c;
      }
    }
  }

  std::string exported() { return engine_.household().exists() ? engine_.household().export_json() : ""; }
  // What a change would change: the state's digest (R-INT-3) and the log's length.
  std::string mark() {
    const auto& h = engine_.household();
    return h.exists() ? h.state_digest() + ":" + std::to_string(h.state().audit_log.size()) : "";
  }

  // What the household holds now, for the next commands to name.
  void refresh() {
    if (!engine_.household().exists()) return;
    const auto& s = engine_.household().state();
    m_.profiles.clear();
    for (const auto& p : s.profiles) m_.profiles.push_back(p.id);
    m_.removed.clear();
    for (const auto& r : s.removed_profiles) m_.removed.push_back(r.profile_id);
    m_.guardians.clear();
    for (const auto& g : s.guardians) m_.guardians.push_back(g.id);
    m_.devices.clear();
    for (const auto& d : s.devices) m_.devices.push_back(d.id);
    m_.recordings.clear();
    for (const auto& r : s.recordings) m_.recordings.push_back(r.id);
    for (const auto& t : s.tombstones) m_.recordings.push_back(t.recording_id);
    m_.requests.clear();
    for (const auto& r : s.receipts) m_.requests.push_back(r.request_id);
    m_.notice_version = s.privacy_notice.version;
    if (m_.devices.empty()) m_.devices.push_back("d1");
  }

  void step(const json& c) {
    const std::string text = c.dump();
    const std::string before = mark();
    const std::set<std::string> deleted_before = tombstoned();
    const std::set<std::string> withdrawn_before = withdrawn();
    const std::string answer = engine_.execute_json(text);
    json a = json::parse(answer);
    const std::string after = mark();
    INFO("command: " << text.substr(0, 300));
    INFO("answer: " << answer.substr(0, 300));
    REQUIRE(a.is_object());
    refresh();
    if (a["type"] != "success") {
      ++failures_;
      if (std::getenv("PRIVACY_PROPERTY_TRACE"))
        std::printf("%s %s %s\n", c["command"].get<std::string>().c_str(), a["errors"][0]["code"].get<std::string>().c_str(),
                    a["errors"][0]["message"].get<std::string>().substr(0, 60).c_str());
      REQUIRE(a["type"] == "failure");
      CHECK(after == before);  // a failed command changes nothing
      return;
    }
    if (!engine_.household().exists()) return;
    // R-INT-2: whatever this engine deleted stays deleted, imports included.
    for (const auto& r : engine_.household().state().recordings) CHECK(deleted_before.count(r.id) == 0);
    // An import gives back no consent, disclosure or GPC that was withdrawn here.
    if (c["command"] == "importState") {
      const auto now_withdrawn = withdrawn();
      const auto& st = engine_.household().state();
      for (const auto& w : withdrawn_before) {
        std::string id = w.substr(0, w.find(':'));
        bool still_there = std::any_of(st.profiles.begin(), st.profiles.end(), [&](const auto& p) { return p.id == id; }) ||
                           std::any_of(st.devices.begin(), st.devices.end(), [&](const auto& d) { return d.id == id; });
        if (still_there) CHECK(now_withdrawn.count(w) == 1);
      }
    }
    if (after != before) {
      CHECK(a["effects"]["changed"] == true);
      const std::string state = exported();
      round_trip(state);
      if (chance(20)) backups_.push_back(state);
    }
    json verify = json::parse(engine_.execute_json(json{{"command", "verifyAuditLog"}, {"actor", "operator"}}.dump()));
    CHECK(verify["result"]["intact"] == true);
  }

  // "<profile>:unconsented", "<profile>:no-disclosure", "<profile>:gpc" for what the household holds now.
  std::set<std::string> withdrawn() {
    std::set<std::string> out;
    if (!engine_.household().exists()) return out;
    for (const auto& p : engine_.household().state().profiles) {
      if (p.consent && p.consent->state != privacy::ConsentState::verified) out.insert(p.id + ":unconsented");
      if (p.consent && !p.consent->disclosure) out.insert(p.id + ":no-disclosure");
      if (p.gpc_at) out.insert(p.id + ":gpc");
    }
    for (const auto& d : engine_.household().state().devices)
      if (d.gpc_at) out.insert(d.id + ":gpc");
    return out;
  }

  std::set<std::string> tombstoned() {
    std::set<std::string> out;
    if (engine_.household().exists())
      for (const auto& t : engine_.household().state().tombstones) out.insert(t.recording_id);
    return out;
  }

  // R-INT-1: every reachable state imports back, byte for byte.
  void round_trip(const std::string& state) {
    privacy::Engine fresh;
    std::string answer = fresh.execute_json(json{{"command", "importState"}, {"actor", "operator"}, {"now", now_}}.dump(), state);
    INFO("import: " << answer.substr(0, 400));
    REQUIRE(answer.rfind("{\"type\":\"success\"", 0) == 0);
    CHECK(fresh.household().export_json() == state);
  }
};

}  // namespace

TEST_CASE("random legal command sequences keep every invariant and round-trip byte for byte") {  // covers R-INT-1, R-INT-2, R-INT-3, R-INT-5
  const char* env = std::getenv("PRIVACY_PROPERTY_SEQUENCES");
  const int sequences = env ? std::atoi(env) : 10000;
  std::size_t steps = 0, failures = 0;
  for (int i = 0; i < sequences; ++i) {
    Sequence s(0x5eed0000u + static_cast<std::uint64_t>(i));
    s.run(24 + i % 17, steps, failures);
  }
  std::printf("property: %d sequences, %zu random steps (%zu refused), every one checked\n", sequences, steps, failures);
  CHECK(sequences > 0);
}
