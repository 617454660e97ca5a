// Deletion requests (R-DEL-1..6): by id, several ids, range, device, all,
// "what I just said", "today"; every artifact gone, tombstones, receipts,
// idempotency, scope, and who may ask.
#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace fixtures;

namespace {

const Instant kNow = at("2026-03-12T00:00:00Z");

json request(const std::string& actor, const std::string& request_id, const std::string& profile,
             const std::string& kind, json extra = json::object(), Instant now = kNow) {
  json r = {{"command", "deleteRecordings"}, {"actor", actor},     {"now", now},
            {"requestId", request_id},       {"profileId", profile}, {"kind", kind}};
  r.update(extra);
  return r;
}

json ids(std::initializer_list<const char*> list) {
  json out = json::array();
  for (const char* id : list) out.push_back(id);
  return out;
}

std::vector<std::string> v(std::initializer_list<std::string> items) { return items; }

// c1 on d1: r1 (03-10 09:00), r2 (03-10 12:00), r3 (03-11 08:00); c1 on d2: r4
// (03-10 10:00); c2 on d1: r5 (03-10 12:00); a1 on d1: r6; a2 on d2: r7.
struct DeletionFixture {
  Engine e;
  DeletionFixture() {
    build_household(e);
    add_recording(e, recording("r1", "c1", "d1", at("2026-03-10T09:00:00Z")));
    add_recording(e, recording("r2", "c1", "d1", at("2026-03-10T12:00:00Z")));
    add_recording(e, recording("r3", "c1", "d1", at("2026-03-11T08:00:00Z")));
    add_recording(e, recording("r4", "c1", "d2", at("2026-03-10T10:00:00Z")));
    add_recording(e, recording("r5", "c2", "d1", at("2026-03-10T12:00:00Z")));
    add_recording(e, recording("r6", "a1", "d1", at("2026-03-10T12:00:00Z")));
    add_recording(e, recording("r7", "a2", "d2", at("2026-03-10T12:00:00Z")));
  }
};

}  // namespace

TEST_CASE_FIXTURE(DeletionFixture, "a parent deletes one recording by id") {  // covers R-DEL-1, R-DEL-3, R-DEL-5
  json receipt = ok(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r1"})}}));
  CHECK(receipt == json{{"requestId", "req-1"},
                        {"kind", "ids"},
                        {"actor", "g1"},
                        {"onBehalfOf", nullptr},
                        {"profileId", "c1"},
                        {"requestedAt", kNow},
                        {"scope", {{"kind", "ids"}, {"profileId", "c1"}, {"ids", ids({"r1"})}}},
                        {"status", "deleted"},
                        {"reason", nullptr},
                        {"recordingIds", ids({"r1"})},
                        {"counts", full_counts(1)}});
  CHECK(live_ids(e) == v({"r2", "r3", "r4", "r5", "r6", "r7"}));
}

TEST_CASE_FIXTURE(DeletionFixture, "several ids at once; duplicates count once") {  // covers R-DEL-1, R-DEL-5
  json receipt = ok(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r3", "r1", "r3", "r1", "r4"})}}));
  CHECK(receipt["status"] == "deleted");
  CHECK(receipt["recordingIds"] == ids({"r1", "r3", "r4"}));
  CHECK(receipt["counts"] == full_counts(3));
  CHECK(receipt["scope"]["ids"] == ids({"r3", "r1", "r4"}));
  CHECK(live_ids(e) == v({"r2", "r5", "r6", "r7"}));
  CHECK(tombstones(e).size() == 3);
}

TEST_CASE_FIXTURE(DeletionFixture, "ids already deleted: a receipt that deleted nothing") {  // covers R-DEL-1, R-DEL-5
  ok(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r1"})}}));
  json receipt = ok(e, request("g1", "req-2", "c1", "ids", {{"ids", ids({"r1"})}}));
  CHECK(receipt["status"] == "nothing_to_delete");
  CHECK(receipt["reason"] == "already_deleted");
  CHECK(receipt["counts"] == counts(0, 0, 0, 0, 0, 0));
  // A mix of deleted and live ids deletes the live ones.
  receipt = ok(e, request("g1", "req-3", "c1", "ids", {{"ids", ids({"r1", "r2"})}}));
  CHECK(receipt["status"] == "deleted");
  CHECK(receipt["recordingIds"] == ids({"r2"}));
  CHECK(receipt["reason"].is_null());
}

TEST_CASE_FIXTURE(DeletionFixture, "a list of ids is checked whole before anything is deleted") {  // covers R-DEL-1, R-DEL-6
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r1", "nope"})}}), "not_found", "ids[1]");
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", json::array()}}), "invalid_input", "ids");
  fails(e, request("g1", "req-1", "c1", "ids"), "invalid_input", "ids");
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", "r1"}}), "invalid_input", "ids");
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", json{"r1", 7}}}), "invalid_input", "ids[1]");
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", json{"r1", ""}}}), "invalid_input", "ids[1]");
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", json{std::string(129, 'r')}}}), "invalid_input",
        "ids[0]");
  CHECK(live_ids(e).size() == 7);
}

TEST_CASE_FIXTURE(DeletionFixture, "a range is half-open [from, to) on captured_at") {  // covers R-DEL-1, R-DEL-6
  // From r1's instant exactly to r2's instant exactly: r1 in, r2 out; r4 (d2) in.
  json receipt = ok(e, request("g1", "req-1", "c1", "range",
                               {{"from", "2026-03-10T09:00:00Z"}, {"to", "2026-03-10T13:00:00+01:00"}}));
  CHECK(receipt["recordingIds"] == ids({"r1", "r4"}));
  CHECK(receipt["counts"] == full_counts(2));
  CHECK(receipt["scope"] == json{{"kind", "range"}, {"profileId", "c1"},
                                 {"from", at("2026-03-10T09:00:00Z")}, {"to", at("2026-03-10T12:00:00Z")}});
  // r5 (c2), r6 (a1) and r7 (a2) are in the same hours but other profiles.
  CHECK(live_ids(e) == v({"r2", "r3", "r5", "r6", "r7"}));
  // One millisecond past r2: now it is in.
  receipt = ok(e, request("g1", "req-2", "c1", "range",
                          {{"from", at("2026-03-10T12:00:00Z")}, {"to", at("2026-03-10T12:00:00Z") + 1}}));
  CHECK(receipt["recordingIds"] == ids({"r2"}));
  // Nothing in range: a receipt that deleted nothing.
  receipt = ok(e, request("g1", "req-3", "c1", "range",
                          {{"from", at("2025-01-01T00:00:00Z")}, {"to", at("2025-02-01T00:00:00Z")}}));
  CHECK(receipt["status"] == "nothing_to_delete");
  CHECK(receipt["reason"] == "no_match");
}

TEST_CASE_FIXTURE(DeletionFixture, "a range with from >= to is invalid_input, not an empty deletion") {  // covers R-DEL-1
  const Instant t = at("2026-03-10T09:00:00Z");
  fails(e, request("g1", "req-1", "c1", "range", {{"from", t}, {"to", t}}), "invalid_input", "to");
  fails(e, request("g1", "req-1", "c1", "range", {{"from", t + 1}, {"to", t}}), "invalid_input", "to");
  fails(e, request("g1", "req-1", "c1", "range", {{"to", t}}), "invalid_input", "from");
  fails(e, request("g1", "req-1", "c1", "range", {{"from", t}}), "invalid_input", "to");
  fails(e, request("g1", "req-1", "c1", "range", {{"from", "2026-03-10T09:00:00"}, {"to", t + 1}}),
        "invalid_input", "from");
  // No receipt was stored: the same request id is free for a valid request.
  CHECK(ok(e, request("g1", "req-1", "c1", "range", {{"from", t}, {"to", t + 1}}))["recordingIds"] ==
        ids({"r1"}));
}

TEST_CASE_FIXTURE(DeletionFixture, "by device: only that profile's recordings on that device") {  // covers R-DEL-1, R-DEL-6
  json receipt = ok(e, request("g1", "req-1", "c1", "device", {{"deviceId", "d2"}}));
  CHECK(receipt["recordingIds"] == ids({"r4"}));
  CHECK(receipt["scope"] == json{{"kind", "device"}, {"profileId", "c1"}, {"deviceId", "d2"}});
  // r7 is on d2 too, but a2's.
  CHECK(live_ids(e) == v({"r1", "r2", "r3", "r5", "r6", "r7"}));
  fails(e, request("g1", "req-2", "c1", "device", {{"deviceId", "d9"}}), "not_found", "deviceId");
  fails(e, request("g1", "req-2", "c1", "device"), "invalid_input", "deviceId");
}

TEST_CASE_FIXTURE(DeletionFixture, "all: every recording of the profile, nothing else") {  // covers R-DEL-1, R-DEL-3, R-DEL-6
  json receipt = ok(e, request("g1", "req-1", "c1", "all"));
  CHECK(receipt["recordingIds"] == ids({"r1", "r2", "r3", "r4"}));
  CHECK(receipt["counts"] == full_counts(4));
  CHECK(receipt["scope"] == json{{"kind", "all"}, {"profileId", "c1"}});
  CHECK(live_ids(e) == v({"r5", "r6", "r7"}));
  receipt = ok(e, request("g1", "req-2", "c1", "all"));
  CHECK(receipt["status"] == "nothing_to_delete");
  CHECK(receipt["reason"] == "no_match");
}

TEST_CASE_FIXTURE(DeletionFixture, "an adult deletes their own recordings the same ways") {  // covers R-DEL-1
  CHECK(ok(e, request("a1", "a-1", "a1", "ids", {{"ids", ids({"r6"})}}))["recordingIds"] == ids({"r6"}));
  CHECK(ok(e, request("a2", "a-2", "a2", "all"))["recordingIds"] == ids({"r7"}));
  CHECK(live_ids(e) == v({"r1", "r2", "r3", "r4", "r5"}));
}

TEST_CASE_FIXTURE(DeletionFixture, "a field the kind does not use is refused, and sweep is not a request kind") {  // covers R-DEL-1
  fails(e, request("g1", "req-1", "c1", "all", {{"ids", ids({"r1"})}}), "invalid_input", "ids");
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r1"})}, {"deviceId", "d1"}}), "invalid_input",
        "deviceId");
  fails(e, request("g1", "req-1", "c1", "device", {{"deviceId", "d1"}, {"from", 0}}), "invalid_input", "from");
  fails(e, request("g1", "req-1", "c1", "just_said", {{"deviceId", "d1"}, {"utcOffsetMinutes", 0}}),
        "invalid_input", "utcOffsetMinutes");
  fails(e, request("g1", "req-1", "c1", "sweep"), "invalid_input", "kind");
  fails(e, request("g1", "req-1", "c1", "everything"), "invalid_input", "kind");
  fails(e, request("g1", "req-1", "c1", "all", {{"reason", "because"}}), "invalid_input", "reason");
}

TEST_CASE_FIXTURE(DeletionFixture, "every artifact of a deleted recording is counted and gone") {  // covers R-DEL-3
  // A recording with two training copies and no audio: counted kind by kind.
  json rec = {{"id", "rx"}, {"profileId", "c1"}, {"deviceId", "d1"}, {"capturedAt", at("2026-03-11T09:00:00Z")},
              {"transcript", "my secret words"},
              {"derived", json::array({{{"id", "rx-i"}, {"kind", "intent"}},
                                       {{"id", "rx-t1"}, {"kind", "training_copy"}},
                                       {{"id", "rx-t2"}, {"kind", "training_copy"}}})}};
  add_recording(e, rec);
  json receipt = ok(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"rx", "r1"})}}));
  CHECK(receipt["counts"] == counts(2, 1, 2, 2, 1, 3));
  // Nothing of either stays anywhere in the household's state: not the audio
  // reference, the transcript, or any derived item.
  std::string state = exported(e);
  for (const char* trace : {"blob/r1", "words of r1", "r1-intent", "r1-note", "r1-train",
                            "my secret words", "rx-i", "rx-t1", "rx-t2"}) {
    INFO(trace);
    CHECK(state.find(trace) == std::string::npos);
  }
  // The other recordings keep theirs.
  CHECK(state.find("words of r2") != std::string::npos);
  json list = ok(e, {{"command", "listRecordings"}, {"actor", "g1"}, {"profileId", "c1"}});
  CHECK(list["total"] == 3);
}

TEST_CASE_FIXTURE(DeletionFixture, "a deleted recording leaves a tombstone and may never be used again") {  // covers R-DEL-4
  const char* purposes[] = {"service", "playback", "review", "training", "analytics", "disclosure", "sale"};
  // Before: a (consented) child's recording serves the household and its own
  // training, but is not disclosed without the separate consent, and never
  // sold; an adult's may train too.
  CHECK(may_use(e, "r1", "service") == json{{"allowed", true}, {"reason", "allowed"}});
  CHECK(may_use(e, "r1", "training") == json{{"allowed", true}, {"reason", "allowed"}});
  CHECK(may_use(e, "r1", "disclosure") == json{{"allowed", false}, {"reason", "disclosure_consent_required"}});
  CHECK(may_use(e, "r1", "sale") == json{{"allowed", false}, {"reason", "never_sold"}});
  CHECK(may_use(e, "r6", "training") == json{{"allowed", true}, {"reason", "allowed"}});

  ok(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r1"})}}));
  ok(e, request("a1", "req-2", "a1", "all"));
  json stones = tombstones(e);
  CHECK(stones == json::array({{{"recordingId", "r1"}, {"profileId", "c1"}, {"deletedAt", kNow}, {"requestId", "req-1"}},
                                   {{"recordingId", "r6"}, {"profileId", "a1"}, {"deletedAt", kNow}, {"requestId", "req-2"}}}));
  for (const char* purpose : purposes) {
    INFO(purpose);
    CHECK(may_use(e, "r1", purpose) == json{{"allowed", false}, {"reason", "deleted"}});
    CHECK(may_use(e, "r6", purpose) == json{{"allowed", false}, {"reason", "deleted"}});
    // From then on, whatever the time.
    CHECK(ok(e, {{"command", "mayUse"}, {"actor", "system"}, {"recordingId", "r6"}, {"purpose", purpose},
                 {"now", at("2099-01-01T00:00:00Z")}})["allowed"] == false);
  }
  // And still after the state is exported and imported elsewhere.
  Engine copy;
  import_state(copy, state_of(e));
  for (const char* purpose : purposes) CHECK(may_use(copy, "r6", purpose)["reason"] == "deleted");
  fails(copy, {{"command", "mayUse"}, {"actor", "system"}, {"recordingId", "zz"}, {"purpose", "training"}}, "not_found",
        "recordingId");
  fails(copy, {{"command", "mayUse"}, {"actor", "system"}, {"recordingId", "r6"}, {"purpose", "resale"}},
        "invalid_input", "purpose");
  // Who asks is named and decided by the table (R-INT-5).
  fails(copy, {{"command", "mayUse"}, {"recordingId", "r6"}, {"purpose", "training"}}, "invalid_input", "actor");
  fails(copy, {{"command", "mayUse"}, {"actor", "c1"}, {"recordingId", "r6"}, {"purpose", "training"}}, "forbidden",
        "actor");
}

TEST_CASE_FIXTURE(DeletionFixture, "the same request again deletes nothing and says so") {  // covers R-DEL-5
  json first = ok(e, request("g1", "req-1", "c1", "all"));
  CHECK(first["status"] == "deleted");
  // A new recording arrives; the same request id again must not delete it.
  add_recording(e, recording("r8", "c1", "d1", at("2026-03-11T23:00:00Z")));
  std::string before = exported(e);
  json again = ok(e, request("g1", "req-1", "c1", "all", json::object(), kNow + 60'000));
  CHECK(again["status"] == "already_done");
  CHECK(again["reason"] == "already_done");
  CHECK(again["requestId"] == "req-1");
  CHECK(again["recordingIds"].empty());
  CHECK(again["counts"] == counts(0, 0, 0, 0, 0, 0));
  CHECK(again["scope"] == first["scope"]);
  CHECK(exported(e) == before);  // nothing deleted, stored or logged
  CHECK(is_live(e, "r8"));
  // Duplicates and order of instants normalised: the same ids request again.
  ok(e, request("g1", "req-2", "c2", "ids", {{"ids", ids({"r5", "r5"})}}));
  CHECK(ok(e, request("g1", "req-2", "c2", "ids", {{"ids", ids({"r5"})}}))["status"] == "already_done");
  const Instant from = at("2026-03-10T00:00:00Z");
  ok(e, request("a1", "req-3", "a1", "range", {{"from", from}, {"to", from + 86'400'000}}));
  CHECK(ok(e, request("a1", "req-3", "a1", "range",
                      {{"from", "2026-03-10T01:00:00+01:00"}, {"to", "2026-03-11T00:00:00Z"}}))["status"] ==
        "already_done");
}

TEST_CASE_FIXTURE(DeletionFixture, "a request id used for a different request is a conflict") {  // covers R-DEL-5
  ok(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r1"})}}));
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r2"})}}), "conflict", "requestId");
  fails(e, request("g1", "req-1", "c1", "all"), "conflict", "requestId");
  fails(e, request("g1", "req-1", "c2", "ids", {{"ids", ids({"r5"})}}), "conflict", "requestId");
  fails(e, request("a1", "req-1", "a1", "all"), "conflict", "requestId");
  // The same scope asked by someone else is not the same request either.
  ok(e, {{"command", "addGuardian"}, {"actor", "operator"}, {"now", kNow},
         {"guardian", {{"id", "g3"}, {"name", "Cleo"}, {"verified", true}}}});
  fails(e, request("g3", "req-1", "c1", "ids", {{"ids", ids({"r1"})}}), "conflict", "requestId");
  CHECK(live_ids(e) == v({"r2", "r3", "r4", "r5", "r6", "r7"}));
}

TEST_CASE_FIXTURE(DeletionFixture, "every request is receipted and audited with actor and time") {  // covers R-DEL-5
  std::size_t before = audit_entries(e).size();
  json r1 = ok(e, request("g1", "req-1", "c1", "device", {{"deviceId", "d2"}}));
  json r2 = ok(e, request("g1", "req-2", "c2", "range",
                          {{"from", at("2020-01-01T00:00:00Z")}, {"to", at("2020-01-02T00:00:00Z")}}));
  json state = state_of(e);
  CHECK(state["receipts"] == json::array({r1, r2}));
  json entries = audit_entries(e);
  REQUIRE(entries.size() == before + 2);
  CHECK(entries[before]["action"] == "recordings_deleted");
  CHECK(entries[before]["actor"] == "g1");
  CHECK(entries[before]["at"] == kNow);
  CHECK(entries[before]["onBehalfOf"].is_null());
  CHECK(entries[before]["details"] == json{{"requestId", "req-1"}, {"kind", "device"}, {"profileId", "c1"},
                                           {"status", "deleted"}, {"counts", full_counts(1)}});
  // A request that found nothing is receipted and audited too.
  CHECK(entries[before + 1]["details"]["status"] == "nothing_to_delete");
}

TEST_CASE_FIXTURE(DeletionFixture, "a request never reaches another profile's recordings") {  // covers R-DEL-6
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r1", "r5"})}}), "forbidden", "ids[1]");
  fails(e, request("g1", "req-1", "c1", "ids", {{"ids", ids({"r6"})}}), "forbidden", "ids[0]");
  // Even once deleted, another profile's recording is not this profile's to name.
  ok(e, request("g1", "req-2", "c2", "all"));
  fails(e, request("g1", "req-3", "c1", "ids", {{"ids", ids({"r5"})}}), "forbidden", "ids[0]");
  CHECK(live_ids(e) == v({"r1", "r2", "r3", "r4", "r6", "r7"}));
}

TEST_CASE("a request never reaches another household") {  // covers R-DEL-6
  Engine home, other;
  build_household(home);
  build_household(other, {.id = "h2"});
  add_recording(home, recording("r1", "c1", "d1", at("2026-03-10T09:00:00Z")));
  add_recording(other, recording("r1", "c1", "d1", at("2026-03-10T09:00:00Z")));
  add_recording(other, recording("theirs", "c1", "d1", at("2026-03-10T09:30:00Z")));
  std::string other_before = exported(other);
  fails(home, request("g1", "req-1", "c1", "ids", {{"ids", ids({"theirs"})}}), "not_found", "ids[0]");
  CHECK(ok(home, request("g1", "req-1", "c1", "all"))["recordingIds"] == ids({"r1"}));
  // The other household, with the same ids for its people and a recording of
  // the same id, is untouched.
  CHECK(exported(other) == other_before);
  CHECK(live_ids(other) == v({"r1", "theirs"}));
  CHECK(may_use(other, "r1", "service")["allowed"] == true);
}

TEST_CASE_FIXTURE(DeletionFixture, "only a verified guardian deletes a child's recordings, only the adult their own") {  // covers R-DEL-1, R-CON-6
  auto all = [](const std::string& actor, const std::string& profile) {
    return request(actor, "req-" + actor, profile, "all");
  };
  fails(e, all("g2", "c1"), "forbidden", "actor");        // guardian, not verified
  fails(e, all("c1", "c1"), "forbidden", "actor");        // the child
  fails(e, all("c2", "c1"), "forbidden", "actor");        // a sibling
  fails(e, all("a1", "c1"), "forbidden", "actor");        // an adult profile
  fails(e, all("operator", "c1"), "forbidden", "actor");  // the operator
  fails(e, all("system", "c1"), "forbidden", "actor");
  fails(e, all("g1", "a1"), "forbidden", "actor");        // a guardian, for an adult
  fails(e, all("a2", "a1"), "forbidden", "actor");        // another adult
  fails(e, all("stranger", "c1"), "forbidden", "actor");  // not of this household
  fails(e, all("support:s1", "c1"), "forbidden", "actor");  // support without a parent's request
  fails(e, all("device:d1", "c1"), "forbidden", "actor");   // a device records, it does not delete
  fails(e, all("g1", "nobody"), "not_found", "profileId");
  json none = all("g1", "c1");
  none.erase("actor");
  fails(e, none, "invalid_input", "actor");  // R-INT-5: nobody acts unnamed
  none["actor"] = nullptr;
  fails(e, none, "invalid_input", "actor");
  CHECK(live_ids(e).size() == 7);
}

TEST_CASE_FIXTURE(DeletionFixture, "a request needs an id, a time and a profile") {  // covers R-DEL-5
  json r = request("g1", "req-1", "c1", "all");
  r.erase("requestId");
  fails(e, r, "invalid_input", "requestId");
  fails(e, request("g1", std::string(129, 'q'), "c1", "all"), "invalid_input", "requestId");
  fails(e, request("g1", "", "c1", "all"), "invalid_input", "requestId");
  r = request("g1", "req-1", "c1", "all");
  r.erase("now");
  fails(e, r, "invalid_input", "now");
  r = request("g1", "req-1", "c1", "all");
  r.erase("profileId");
  fails(e, r, "invalid_input", "profileId");
  r = request("g1", "req-1", "c1", "all");
  r.erase("kind");
  fails(e, r, "invalid_input", "kind");
}

TEST_CASE_FIXTURE(DeletionFixture, "previewDeletion selects the same as the request, deleting nothing") {  // covers R-DEL-1
  json r = request("g1", "req-1", "c1", "range", {{"from", at("2026-03-10T00:00:00Z")}, {"to", at("2026-03-11T00:00:00Z")}});
  json p = r;
  p["command"] = "previewDeletion";
  p.erase("requestId");  // a preview needs no request id
  std::string before = exported(e);
  json preview = ok(e, p);
  CHECK(preview["recordingIds"] == ids({"r1", "r2", "r4"}));
  CHECK(preview["counts"] == full_counts(3));
  CHECK(preview["reason"].is_null());
  CHECK(exported(e) == before);
  CHECK(ok(e, r)["recordingIds"] == preview["recordingIds"]);
  p["requestId"] = "req-2";
  fails(e, p, "invalid_input", "requestId");
  json nothing = p;
  nothing.erase("requestId");
  CHECK(ok(e, nothing)["reason"] == "no_match");
  // A preview is a read, judged by the same table.
  p.erase("requestId");
  p["actor"] = "g2";
  fails(e, p, "forbidden", "actor");
}

// ---- "what I just said" ----

namespace {
constexpr Instant kMinute = 60'000;
const Instant kSaid = at("2026-03-10T18:00:00Z");

json just_said(const std::string& request_id, const std::string& device = "d1", Instant now = kSaid) {
  return request("g1", request_id, "c1", "just_said", {{"deviceId", device}}, now);
}
}  // namespace

TEST_CASE("just_said deletes the most recent recording in (now - 10 min, now]") {  // covers R-DEL-2, R-DEL-6
  Engine e;
  build_household(e);
  add_recording(e, recording("edge", "c1", "d1", kSaid - 10 * kMinute), kSaid);  // exactly 10 min: out
  add_recording(e, recording("inside", "c1", "d1", kSaid - 10 * kMinute + 1), kSaid);
  add_recording(e, recording("recent", "c1", "d1", kSaid - 3 * kMinute), kSaid);
  add_recording(e, recording("other-device", "c1", "d2", kSaid - 1 * kMinute), kSaid);
  add_recording(e, recording("sibling", "c2", "d1", kSaid - 30'000), kSaid);
  json receipt = ok(e, just_said("j-1"));
  CHECK(receipt["kind"] == "just_said");
  CHECK(receipt["recordingIds"] == ids({"recent"}));
  CHECK(receipt["counts"] == full_counts(1));
  CHECK(receipt["scope"] == json{{"kind", "just_said"}, {"profileId", "c1"}, {"deviceId", "d1"}});
  CHECK(ok(e, just_said("j-2"))["recordingIds"] == ids({"inside"}));
  json none = ok(e, just_said("j-3"));
  CHECK(none["status"] == "nothing_to_delete");
  CHECK(none["reason"] == "nothing_recent");
  CHECK(none["recordingIds"].empty());
  CHECK(live_ids(e) == v({"edge", "other-device", "sibling"}));
}

TEST_CASE("just_said includes a recording captured at now exactly; earlier nows are out of order") {  // covers R-DEL-2, R-INT-3
  Engine e;
  build_household(e);
  add_recording(e, recording("before", "c1", "d1", kSaid - kMinute), kSaid);
  add_recording(e, recording("now", "c1", "d1", kSaid), kSaid);
  CHECK(ok(e, just_said("j-1"))["recordingIds"] == ids({"now"}));
  CHECK(ok(e, just_said("j-2"))["recordingIds"] == ids({"before"}));
  // A request dated before the last audit entry is refused: audit time never runs backwards.
  fails(e, just_said("j-3", "d1", kSaid - 1), "out_of_order", "now");
}

TEST_CASE("the just-said window is the policy's") {  // covers R-DEL-2
  Engine e;
  build_household(e, {.just_said_window_minutes = 1});
  add_recording(e, recording("two-minutes", "c1", "d1", kSaid - 2 * kMinute), kSaid);
  CHECK(ok(e, just_said("j-1"))["reason"] == "nothing_recent");
  ok(e, {{"command", "setRetentionPolicy"}, {"actor", "operator"}, {"now", kSaid},
         {"retentionPolicy", policy(18, std::nullopt, 5)}});
  CHECK(ok(e, just_said("j-2"))["recordingIds"] == ids({"two-minutes"}));
}

// ---- "everything I said today" ----

TEST_CASE("today runs from the speaker's local midnight to now, on that device") {  // covers R-DEL-2, R-DEL-6
  // now = 03:00 UTC on 10 March: 22:00 on 9 March at UTC-5, 17:00 on 10 March at UTC+14.
  const Instant now = at("2026-03-10T03:00:00Z");
  Engine e;
  build_household(e);
  auto add = [&](const char* id, const char* device, const char* when) {
    add_recording(e, recording(id, "c1", device, at(when)), now);
  };
  add("t1", "d1", "2026-03-09T04:59:59.999Z");
  add("t2", "d1", "2026-03-09T05:00:00Z");  // local midnight at UTC-5
  add("t3", "d1", "2026-03-09T10:00:00Z");  // local midnight at UTC+14
  add("t4", "d1", "2026-03-10T00:00:00Z");  // UTC midnight
  add("t5", "d1", "2026-03-10T02:59:00Z");
  add("t6", "d2", "2026-03-10T01:00:00Z");  // another device
  add_recording(e, recording("t7", "c2", "d1", at("2026-03-10T01:00:00Z")), now);  // another profile
  auto today = [&](int offset) {
    return request("g1", "today-" + std::to_string(offset), "c1", "today",
                   {{"deviceId", "d1"}, {"utcOffsetMinutes", offset}}, now);
  };
  json expected;
  int offset = 0;
  SUBCASE("UTC") { offset = 0; expected = ids({"t4", "t5"}); }
  SUBCASE("UTC-5") { offset = -300; expected = ids({"t2", "t3", "t4", "t5"}); }
  SUBCASE("UTC+14") { offset = 840; expected = ids({"t3", "t4", "t5"}); }
  SUBCASE("UTC-12") { offset = -720; expected = ids({"t4", "t5"}); }  // midnight: 9 March 12:00Z
  SUBCASE("UTC-1") { offset = -60; expected = ids({"t5"}); }          // midnight: 10 March 01:00Z
  json receipt = ok(e, today(offset));
  CHECK(receipt["kind"] == "today");
  CHECK(receipt["recordingIds"] == expected);
  CHECK(receipt["scope"]["utcOffsetMinutes"] == offset);
  CHECK(is_live(e, "t1"));
  CHECK(is_live(e, "t6"));
  CHECK(is_live(e, "t7"));
}

TEST_CASE("today needs an offset of -720..840 minutes") {  // covers R-DEL-2
  Engine e;
  build_household(e);
  auto today = [](json offset) {
    json r = request("g1", "t-1", "c1", "today", {{"deviceId", "d1"}});
    if (!offset.is_null()) r["utcOffsetMinutes"] = offset;
    return r;
  };
  fails(e, today(nullptr), "invalid_input", "utcOffsetMinutes");
  fails(e, today(-721), "invalid_input", "utcOffsetMinutes");
  fails(e, today(841), "invalid_input", "utcOffsetMinutes");
  fails(e, today(60.5), "invalid_input", "utcOffsetMinutes");
  fails(e, today("+01:00"), "invalid_input", "utcOffsetMinutes");
  ok(e, today(-720));
  ok(e, request("g1", "t-2", "c1", "today", {{"deviceId", "d1"}, {"utcOffsetMinutes", 840}}));
}

// ---- deletion by voice ----

namespace {
json voice(const std::string& request_id, const std::string& profile, const std::string& device,
           const std::string& utterance, Instant now = kSaid, int offset = 0, std::string actor = "") {
  return {{"command", "voiceRequest"}, {"actor", actor.empty() ? profile : actor},
          {"requestId", request_id},   {"profileId", profile},
          {"deviceId", device},        {"utterance", utterance},
          {"utcOffsetMinutes", offset}, {"now", now}};
}
}  // namespace

TEST_CASE("deletion by voice only where it is turned on") {  // covers R-DEL-2
  Engine e;
  build_household(e);
  add_recording(e, recording("said", "c1", "d1", kSaid - kMinute), kSaid);
  add_recording(e, recording("adult", "a1", "d1", kSaid - kMinute), kSaid);
  fails(e, voice("v-1", "c1", "d1", "Alexa, delete what I just said"), "forbidden", "profileId");
  fails(e, voice("v-1", "a1", "d1", "Alexa, delete what I just said"), "forbidden", "profileId");
  // Only a verified guardian turns it on for a child; the adult for themself.
  fails(e, {{"command", "setVoiceDeletion"}, {"actor", "c1"}, {"now", kSaid}, {"profileId", "c1"}, {"enabled", true}},
        "forbidden", "actor");
  fails(e, {{"command", "setVoiceDeletion"}, {"actor", "g2"}, {"now", kSaid}, {"profileId", "c1"}, {"enabled", true}},
        "forbidden", "actor");
  enable_voice(e, "g1", "c1");
  enable_voice(e, "a1", "a1");
  json receipt = ok(e, voice("v-1", "c1", "d1", "Alexa, delete what I just said"));
  CHECK(receipt["actor"] == "c1");  // the speaker asked
  CHECK(receipt["kind"] == "just_said");
  CHECK(receipt["recordingIds"] == ids({"said"}));
  CHECK(ok(e, voice("v-2", "a1", "d1", "hey google, delete what I just said"))["recordingIds"] == ids({"adult"}));
  // Turned off again: refused again.
  ok(e, {{"command", "setVoiceDeletion"}, {"actor", "g1"}, {"now", kSaid}, {"profileId", "c1"}, {"enabled", false}});
  fails(e, voice("v-3", "c1", "d1", "delete what I just said"), "forbidden", "profileId");
}

TEST_CASE("a voice request names its speaker, or the parent typing it") {  // covers R-DEL-2, R-INT-5, R-CON-6
  Engine e;
  build_household(e);
  enable_voice(e, "g1", "c1");
  add_recording(e, recording("said", "c1", "d1", kSaid - kMinute), kSaid);
  add_recording(e, recording("more", "c1", "d1", kSaid - 2 * kMinute), kSaid);
  json none = voice("v-1", "c1", "d1", "delete what I just said");
  none.erase("actor");
  fails(e, none, "invalid_input", "actor");
  none["actor"] = nullptr;
  fails(e, none, "invalid_input", "actor");
  // Another child, an unverified guardian, an adult, the system: not theirs to say.
  for (const char* other : {"c2", "g2", "a1", "system", "device:d1"}) {
    INFO(other);
    fails(e, voice("v-1", "c1", "d1", "delete what I just said", kSaid, 0, other), "forbidden", "actor");
  }
  // A parent typing it for the child.
  json typed = ok(e, voice("v-1", "c1", "d1", "delete what I just said", kSaid, 0, "g1"));
  CHECK(typed["actor"] == "g1");
  CHECK(typed["recordingIds"] == ids({"said"}));
  // Support on the parent's request: the receipt carries the request.
  json support = voice("v-2", "c1", "d1", "delete what I just said", kSaid, 0, "support:s1");
  support["onBehalfOf"] = "g1";
  json helped = ok(e, support);
  CHECK(helped["actor"] == "support:s1");
  CHECK(helped["onBehalfOf"] == "g1");
  CHECK(helped["recordingIds"] == ids({"more"}));
}

TEST_CASE("a voice request deletes only the speaker's recordings on that device") {  // covers R-DEL-2, R-DEL-6
  const Instant now = at("2026-03-10T20:00:00Z");
  Engine e;
  build_household(e);
  enable_voice(e, "g1", "c1");
  add_recording(e, recording("yesterday", "c1", "d1", at("2026-03-09T20:00:00Z")), now);
  add_recording(e, recording("morning", "c1", "d1", at("2026-03-10T08:00:00Z")), now);
  add_recording(e, recording("kitchen", "c1", "d2", at("2026-03-10T09:00:00Z")), now);
  add_recording(e, recording("brother", "c2", "d1", at("2026-03-10T10:00:00Z")), now);
  add_recording(e, recording("evening", "c1", "d1", at("2026-03-10T19:59:00Z")), now);
  json receipt = ok(e, voice("v-1", "c1", "d1", "Alexa, delete everything I said today", now, 60));
  CHECK(receipt["kind"] == "today");
  CHECK(receipt["recordingIds"] == ids({"morning", "evening"}));
  CHECK(receipt["scope"]["utcOffsetMinutes"] == 60);
  CHECK(live_ids(e) == v({"brother", "kitchen", "yesterday"}));
  // Said again with the same request id: already done.
  CHECK(ok(e, voice("v-1", "c1", "d1", "Alexa, delete everything I said today", now, 60))["status"] == "already_done");
  // The same id for the other phrasing is a different request.
  fails(e, voice("v-1", "c1", "d1", "delete what I just said", now), "conflict", "requestId");
  // Nothing recent on that device.
  json none = ok(e, voice("v-2", "c1", "d1", "delete what I just said", now));
  CHECK(none["reason"] == "nothing_recent");
}

TEST_CASE("a voice request that is not understood, or malformed, changes nothing") {  // covers R-DEL-2
  Engine e;
  build_household(e);
  enable_voice(e, "g1", "c1");
  add_recording(e, recording("said", "c1", "d1", kSaid - kMinute), kSaid);
  fails(e, voice("v-1", "c1", "d1", "delete everything"), "not_understood", "utterance");
  fails(e, voice("v-1", "c1", "d1", "don't delete what I just said"), "not_understood", "utterance");
  fails(e, voice("v-1", "c1", "d1", std::string(1001, 'a')), "too_large", "utterance");
  fails(e, voice("v-1", "c1", "d9", "delete what I just said"), "not_found", "deviceId");
  fails(e, voice("v-1", "c9", "d1", "delete what I just said"), "not_found", "profileId");
  json no_offset = voice("v-1", "c1", "d1", "delete what I just said");
  no_offset.erase("utcOffsetMinutes");
  fails(e, no_offset, "invalid_input", "utcOffsetMinutes");
  CHECK(is_live(e, "said"));
  // Parsing alone changes nothing either, and needs no actor (no household data).
  CHECK(ok(e, {{"command", "parseVoiceRequest"}, {"utterance", "Alexa, delete what I just said"}}) ==
        json{{"kind", "just_said"}});
  fails(e, {{"command", "parseVoiceRequest"}, {"actor", "c1"}, {"utterance", "delete that"}}, "invalid_input", "actor");
}
