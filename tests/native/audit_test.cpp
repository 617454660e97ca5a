// SHA-256 against the FIPS 180-4 test vectors, and the tamper-evident audit
// log: links, verify(), and an entry for every setting change and deletion.
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "fixtures.hpp"
#include "privacy/audit.hpp"
#include "privacy/sha256.hpp"

using namespace fixtures;
using privacy::AuditEntry;
using privacy::AuditHead;
using privacy::AuditLog;
using privacy::kGenesisHash;
using privacy::sha256_hex;

TEST_CASE("SHA-256 matches the NIST FIPS 180-4 test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 448 bits: the padding needs a second block.
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // 896 bits.
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  // One million 'a'.
  CHECK(sha256_hex(std::string(1'000'000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 around the padding boundaries and over every byte value") {
  const std::pair<std::size_t, const char*> cases[] = {
      {55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
      {56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
      {57, "ae14a2563ccf969d99aca69ce6bb74981f734bbf9f655f73b8f06db68cab5217"},
      {63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
      {64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
      {65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"},
      {119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
      {120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"},
      {128, "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464"},
  };
  for (const auto& [n, hex] : cases) {
    INFO(n << " bytes");
    CHECK(sha256_hex(std::string(n, 'x')) == hex);
  }
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes.push_back(static_cast<char>(i));
  CHECK(sha256_hex(all_bytes) == "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880");
}

TEST_CASE("SHA-256 fed in pieces equals SHA-256 in one go") {
  const std::string text(1'000'000, 'a');
  for (std::size_t piece : {1u, 3u, 55u, 63u, 64u, 65u, 1000u, 99'999u}) {
    INFO("pieces of " << piece);
    privacy::Sha256 hash;
    for (std::size_t i = 0; i < text.size(); i += piece)
      hash.update(std::string_view(text).substr(i, piece));
    auto digest = hash.finish();
    std::string hex;
    for (auto b : digest) {
      static constexpr char kHex[] = "0123456789abcdef";
      hex.push_back(kHex[b >> 4]);
      hex.push_back(kHex[b & 15]);
    }
    CHECK(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
}

namespace {

AuditLog five_entries() {
  AuditLog log;
  log.append(1000, "operator", "household_created", {{"householdId", "h1"}});
  log.append(2000, "g1", "retention_set", {{"profileId", "c1"}, {"from", "3_months"}, {"to", "dont_save"}});
  log.append(3000, "g1", "voice_deletion_set", {{"profileId", "c1"}, {"enabled", true}});
  log.append(4000, "c1", "recordings_deleted", {{"requestId", "v-1"}, {"counts", {{"recordings", 1}}}});
  log.append(5000, "system", "sweep", {{"requestId", "sweep-5000"}});
  return log;
}

// The log with its entries replaced (as an import would load them).
AuditLog tampered(const AuditLog& log, std::vector<AuditEntry> entries) {
  AuditLog out = log;
  out.assign(std::move(entries));
  return out;
}

void check_invalid(const AuditLog& log, std::size_t index, std::optional<std::int64_t> seq,
                   const char* reason, const std::optional<AuditHead>& head = std::nullopt) {
  auto v = log.verify(head);
  CHECK_FALSE(v.intact);
  REQUIRE(v.first_invalid.has_value());
  CHECK(v.first_invalid->index == index);
  CHECK(v.first_invalid->seq == seq);
  CHECK(v.first_invalid->reason == reason);
}

}  // namespace

TEST_CASE("appended entries are numbered and each commits to the one before") {
  AuditLog log = five_entries();
  const auto& entries = log.entries();
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].prev_hash == kGenesisHash);
  CHECK(kGenesisHash == std::string(64, '0'));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    INFO(i);
    CHECK(entries[i].seq == static_cast<std::int64_t>(i) + 1);
    CHECK(entries[i].hash.size() == 64);
    CHECK(entries[i].hash == privacy::audit_entry_hash(entries[i]));
    if (i > 0) CHECK(entries[i].prev_hash == entries[i - 1].hash);
  }
  CHECK(entries[1].actor == "g1");
  CHECK(entries[1].at == 2000);
  auto v = log.verify();
  CHECK(v.intact);
  CHECK(v.entries == 5);
  CHECK(v.head_hash == entries.back().hash);
  CHECK_FALSE(v.first_invalid.has_value());
  CHECK(log.verify(AuditHead{5, entries.back().hash}).intact);
  CHECK(log.verify(AuditHead{3, entries[2].hash}).intact);  // an older anchor still holds
}

TEST_CASE("an empty log is intact and its head is the genesis hash") {
  AuditLog log;
  auto v = log.verify();
  CHECK(v.intact);
  CHECK(v.entries == 0);
  CHECK(v.head_hash == kGenesisHash);
  check_invalid(log, 0, std::nullopt, "head", AuditHead{1, std::string(64, 'a')});
}

TEST_CASE("the entry hash covers every field but the hash itself") {
  AuditLog log = five_entries();
  const AuditEntry base = log.entries()[2];
  auto changed = [&](auto edit) {
    AuditEntry e = base;
    edit(e);
    return privacy::audit_entry_hash(e) != privacy::audit_entry_hash(base);
  };
  CHECK(changed([](AuditEntry& e) { e.seq = 4; }));
  CHECK(changed([](AuditEntry& e) { e.at += 1; }));
  CHECK(changed([](AuditEntry& e) { e.actor = "g2"; }));
  CHECK(changed([](AuditEntry& e) { e.action = "voice_deletion_cleared"; }));
  CHECK(changed([](AuditEntry& e) { e.details["enabled"] = false; }));
  CHECK(changed([](AuditEntry& e) { e.details["extra"] = 1; }));
  CHECK(changed([](AuditEntry& e) { e.prev_hash[0] = 'f'; }));
  CHECK_FALSE(changed([](AuditEntry& e) { e.hash = "anything"; }));
}

TEST_CASE("an edited entry is reported at its index as edited") {
  AuditLog log = five_entries();
  auto edit = [&](std::size_t i, auto change) {
    auto entries = log.entries();
    change(entries[i]);
    return tampered(log, entries);
  };
  check_invalid(edit(2, [](AuditEntry& e) { e.actor = "g2"; }), 2, 3, "edited");
  check_invalid(edit(3, [](AuditEntry& e) { e.details["counts"]["recordings"] = 0; }), 3, 4, "edited");
  check_invalid(edit(0, [](AuditEntry& e) { e.at = 999; }), 0, 1, "edited");
  check_invalid(edit(4, [](AuditEntry& e) { e.action = "nothing"; }), 4, 5, "edited");
  check_invalid(edit(1, [](AuditEntry& e) { e.hash[10] = e.hash[10] == 'a' ? 'b' : 'a'; }), 1, 2, "edited");
  // Edited and re-hashed, the next entry's link breaks instead.
  check_invalid(edit(1,
                     [](AuditEntry& e) {
                       e.details["to"] = "until_deleted";
                       e.hash = privacy::audit_entry_hash(e);
                     }),
                2, 3, "chain");
  // A broken link.
  check_invalid(edit(3, [](AuditEntry& e) { e.prev_hash = kGenesisHash; }), 3, 4, "chain");
}

TEST_CASE("a removed entry is reported where the numbering breaks") {
  AuditLog log = five_entries();
  for (std::size_t removed = 0; removed < 4; ++removed) {
    INFO("removed " << removed);
    auto entries = log.entries();
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(removed));
    check_invalid(tampered(log, entries), removed, static_cast<std::int64_t>(removed) + 2, "sequence");
  }
  // Removed and the rest renumbered: the link shows it.
  auto entries = log.entries();
  entries.erase(entries.begin() + 1);
  for (std::size_t i = 1; i < entries.size(); ++i) entries[i].seq = static_cast<std::int64_t>(i) + 1;
  check_invalid(tampered(log, entries), 1, 2, "chain");
}

TEST_CASE("two reordered entries are reported at the first of them") {
  AuditLog log = five_entries();
  auto entries = log.entries();
  std::swap(entries[1], entries[2]);
  check_invalid(tampered(log, entries), 1, 3, "sequence");
  // Swapped, with their numbers swapped back: the link shows it.
  std::swap(entries[1].seq, entries[2].seq);
  check_invalid(tampered(log, entries), 1, 2, "chain");
  // The last two.
  entries = log.entries();
  std::swap(entries[3], entries[4]);
  check_invalid(tampered(log, entries), 3, 5, "sequence");
}

TEST_CASE("an expected head catches a removed last entry") {
  AuditLog log = five_entries();
  const AuditHead head{5, log.entries().back().hash};
  auto entries = log.entries();
  entries.pop_back();
  AuditLog cut = tampered(log, entries);
  // Without an anchor the shorter log is a valid chain...
  CHECK(cut.verify().intact);
  // ...with one, the removal shows, at the index past the end.
  check_invalid(cut, 4, std::nullopt, "head", head);
  // A head whose hash is not the entry's at that seq.
  check_invalid(log, 4, 5, "head", AuditHead{5, std::string(64, 'f')});
  // Everything removed.
  check_invalid(tampered(log, {}), 0, std::nullopt, "head", head);
}

// ---- through the engine ----

TEST_CASE("every setting change and deletion writes an entry with actor and time") {  // covers R-DEL-5, R-CON-6
  Engine e;
  build_household(e);
  const Instant t1 = at("2026-02-01T10:00:00Z"), t2 = at("2026-02-02T10:00:00Z"),
                t3 = at("2026-02-03T10:00:00Z"), t4 = at("2026-02-04T10:00:00Z"),
                t6 = at("2026-02-06T10:00:00Z"),
                t7 = at("2026-09-01T00:00:00Z");
  json entries = audit_entries(e);
  // The set-up: household, guardians, devices, profiles (and children's consent).
  const std::size_t setup = entries.size();
  REQUIRE(setup >= 9);
  CHECK(entries[0]["action"] == "household_created");
  CHECK(entries[0]["actor"] == "operator");
  CHECK(entries[0]["at"] == kStart);
  CHECK(entries[0]["details"]["householdId"] == "h1");
  CHECK(entries[1]["action"] == "guardian_added");
  CHECK(entries[1]["details"]["id"] == "g1");
  int profiles_added = 0, devices_added = 0;
  for (const auto& entry : entries) {
    if (entry["action"] == "profile_added") ++profiles_added;
    if (entry["action"] == "device_added") ++devices_added;
  }
  CHECK(profiles_added == 4);
  CHECK(devices_added == 2);

  set_retention(e, "g1", "c1", "dont_save", t1);
  enable_voice(e, "a1", "a1");
  ok(e, {{"command", "setVoiceDeletion"}, {"actor", "g1"}, {"now", t2}, {"profileId", "c1"}, {"enabled", true}});
  ok(e, {{"command", "setRetentionPolicy"}, {"actor", "operator"}, {"now", t3}, {"retentionPolicy", policy(12)}});
  add_recording(e, recording("r1", "c2", "d1", t3), t3);
  add_recording(e, recording("r2", "c2", "d1", t3 + 1), t3 + 1);
  ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", t4}, {"requestId", "req-1"},
         {"profileId", "c2"}, {"kind", "ids"}, {"ids", {"r1"}}});
  add_recording(e, recording("r3", "c1", "d1", t6 - 1000), t6);
  json said = ok(e, {{"command", "voiceRequest"}, {"requestId", "v-1"}, {"profileId", "c1"}, {"deviceId", "d1"},
         {"utterance", "Alexa, delete what I just said"}, {"utcOffsetMinutes", 0}, {"now", t6}});
  CHECK(said["recordingIds"] == json{"r3"});
  ok(e, {{"command", "sweep"}, {"now", t7}});

  entries = audit_entries(e);
  REQUIRE(entries.size() == setup + 7);
  auto check_entry = [&](std::size_t k, const char* action, const char* actor, Instant when) {
    const std::size_t i = setup + k;
    INFO("entry " << i);
    CHECK(entries[i]["seq"] == i + 1);
    CHECK(entries[i]["action"] == action);
    CHECK(entries[i]["actor"] == actor);
    CHECK(entries[i]["at"] == when);
  };
  check_entry(0, "retention_set", "g1", t1);
  CHECK(entries[setup]["details"] == json{{"profileId", "c1"}, {"from", "3_months"}, {"to", "dont_save"}});
  check_entry(1, "voice_deletion_set", "a1", kStart);
  check_entry(2, "voice_deletion_set", "g1", t2);
  CHECK(entries[setup + 2]["details"] == json{{"profileId", "c1"}, {"enabled", true}});
  check_entry(3, "retention_policy_set", "operator", t3);
  CHECK(entries[setup + 3]["details"]["retentionPolicy"]["categories"][0]["childMaxMonths"] == 12);
  check_entry(4, "recordings_deleted", "g1", t4);
  CHECK(entries[setup + 4]["details"]["requestId"] == "req-1");
  check_entry(5, "recordings_deleted", "c1", t6);
  CHECK(entries[setup + 5]["details"]["kind"] == "just_said");
  check_entry(6, "sweep", "system", t7);
  CHECK(entries[setup + 6]["details"]["counts"]["recordings"] == 1);  // r2, due after 3 months

  json v = ok(e, {{"command", "verifyAuditLog"}});
  CHECK(v["intact"] == true);
  CHECK(v["entries"] == setup + 7);
  CHECK(v["headHash"] == entries.back()["hash"]);
  CHECK(v["firstInvalid"].is_null());
  CHECK(ok(e, {{"command", "verifyAuditLog"},
               {"expectedHead", {{"seq", setup + 7}, {"hash", entries.back()["hash"]}}}})["intact"] == true);
}

TEST_CASE("a failed command writes nothing to the log") {  // covers R-DEL-5
  Engine e;
  build_household(e);
  const std::size_t before = audit_entries(e).size();
  fails(e, {{"command", "setRetention"}, {"actor", "g2"}, {"now", kStart}, {"profileId", "c1"}, {"setting", "dont_save"}},
        "forbidden", "actor");
  fails(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", kStart}, {"requestId", "x"},
            {"profileId", "c1"}, {"kind", "range"}, {"from", 5}, {"to", 5}},
        "invalid_input", "to");
  CHECK(audit_entries(e).size() == before);
}

TEST_CASE("the log pages by offset and limit") {
  Engine e;
  build_household(e);
  json page = ok(e, {{"command", "auditLog"}, {"offset", 2}, {"limit", 3}});
  CHECK(page["total"] == audit_entries(e).size());
  REQUIRE(page["entries"].size() == 3);
  CHECK(page["entries"][0]["seq"] == 3);
  CHECK(ok(e, {{"command", "auditLog"}, {"offset", 100}})["entries"].empty());
  fails(e, {{"command", "auditLog"}, {"limit", 0}}, "invalid_input", "limit");
  fails(e, {{"command", "auditLog"}, {"offset", -1}}, "invalid_input", "offset");
}

TEST_CASE("a tampered log imported from a state is reported by verifyAuditLog") {  // covers R-DEL-5
  Engine e;
  build_household(e);
  set_retention(e, "g1", "c1", "dont_save");
  json state = json::parse(exported(e))["result"];
  const json head = {{"seq", state["auditLog"].size()}, {"hash", state["auditLog"].back()["hash"]}};
  auto verify_after = [&](json changed, const json& expected_head = nullptr) {
    Engine copy;
    ok(copy, {{"command", "importState"}, {"state", changed}});
    json cmd = {{"command", "verifyAuditLog"}};
    if (!expected_head.is_null()) cmd["expectedHead"] = expected_head;
    return ok(copy, cmd);
  };
  CHECK(verify_after(state, head)["intact"] == true);

  const std::size_t last = state["auditLog"].size() - 1;
  REQUIRE(state["auditLog"][last]["action"] == "retention_set");
  json edited = state;
  edited["auditLog"][last]["details"]["to"] = "until_deleted";  // hide what the parent chose
  CHECK(verify_after(edited)["firstInvalid"] == json{{"index", last}, {"seq", last + 1}, {"reason", "edited"}});

  json removed = state;
  removed["auditLog"].erase(4);
  CHECK(verify_after(removed)["firstInvalid"] == json{{"index", 4}, {"seq", 6}, {"reason", "sequence"}});

  json reordered = state;
  std::swap(reordered["auditLog"][6], reordered["auditLog"][7]);
  CHECK(verify_after(reordered)["firstInvalid"] == json{{"index", 6}, {"seq", 8}, {"reason", "sequence"}});

  json cut = state;
  cut["auditLog"].erase(cut["auditLog"].size() - 1);
  CHECK(verify_after(cut)["intact"] == true);
  json v = verify_after(cut, head);
  CHECK(v["intact"] == false);
  CHECK(v["firstInvalid"] == json{{"index", last}, {"seq", nullptr}, {"reason", "head"}});

  Engine copy;
  ok(copy, {{"command", "importState"}, {"state", state}});
  fails(copy, {{"command", "verifyAuditLog"}, {"expectedHead", {{"seq", "10"}, {"hash", "x"}}}}, "invalid_input",
        "expectedHead.seq");
  fails(copy, {{"command", "verifyAuditLog"}, {"expectedHead", {{"seq", 1}}}}, "invalid_input", "expectedHead.hash");
  fails(copy, {{"command", "verifyAuditLog"}, {"expectedHead", {{"seq", 1}, {"hash", "x"}, {"at", 1}}}},
        "invalid_input", "expectedHead.at");
}
