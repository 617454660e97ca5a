// SHA-256 against the FIPS 180-4 test vectors, and the audit log that vouches
// for the state (R-INT-3): links, hashes, the order of time, the state digest
// of every entry, an anchored head, and an entry for every change.
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "fixtures.hpp"
#include "household/audit.hpp"
#include "household/context.hpp"
#include "sha256.hpp"

using namespace fixtures;
using privacy::AuditAction;
using privacy::AuditEntry;
using privacy::AuditFault;
using privacy::AuditHead;
using privacy::entry_hash;
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
  CHECK(sha256_hex(std::string(1'000'000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
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
    for (std::size_t i = 0; i < text.size(); i += piece) hash.update(std::string_view(text).substr(i, piece));
    CHECK(privacy::to_hex(hash.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
}

// ---- the chain, entry by entry ----

namespace {

using Log = std::vector<AuditEntry>;

// Re-links and re-hashes entries from `from` on, as a forger would.
void rechain(Log& log, std::size_t from = 0) {
  for (std::size_t i = from; i < log.size(); ++i) {
    log[i].prev_hash = i == 0 ? kGenesisHash : log[i - 1].hash;
    log[i].hash = entry_hash(log[i]);
  }
}

Log five_entries() {
  Log log;
  auto add = [&](privacy::Instant at, const char* actor, AuditAction action, json details) {
    AuditEntry e;
    e.seq = static_cast<std::int64_t>(log.size()) + 1;
    e.at = at;
    e.actor = actor;
    e.action = action;
    e.details = std::move(details);
    e.state_digest = sha256_hex("state after " + std::to_string(e.seq));
    log.push_back(e);
    rechain(log, log.size() - 1);
  };
  add(1000, "operator", AuditAction::household_created, {{"householdId", "h1"}});
  add(2000, "g1", AuditAction::retention_set, {{"profileId", "c1"}, {"from", "3_months"}, {"to", "dont_save"}});
  add(3000, "g1", AuditAction::voice_deletion_set, {{"profileId", "c1"}, {"enabled", true}});
  add(4000, "c1", AuditAction::recordings_deleted, {{"requestId", "v-1"}, {"counts", {{"recordings", 1}}}});
  add(5000, "system", AuditAction::sweep, {{"requestId", "sweep-5000"}});
  return log;
}

void check_invalid(const std::optional<privacy::AuditProblem>& p, std::int64_t index, std::optional<std::int64_t> seq,
                   AuditFault reason) {
  REQUIRE(p.has_value());
  CHECK(p->index == index);
  CHECK(p->seq == seq);
  CHECK(privacy::word(p->reason) == privacy::word(reason));
  CHECK_FALSE(privacy::describe(*p).empty());
}

}  // namespace

TEST_CASE("appended entries are numbered and each commits to the one before") {  // covers R-INT-3
  Log log = five_entries();
  REQUIRE(log.size() == 5);
  CHECK(log[0].prev_hash == kGenesisHash);
  CHECK(kGenesisHash == std::string(64, '0'));
  for (std::size_t i = 0; i < log.size(); ++i) {
    INFO(i);
    CHECK(log[i].seq == static_cast<std::int64_t>(i) + 1);
    CHECK(log[i].hash.size() == 64);
    CHECK(log[i].hash == entry_hash(log[i]));
    if (i > 0) CHECK(log[i].prev_hash == log[i - 1].hash);
  }
  CHECK_FALSE(privacy::chain_problem(log));
  CHECK_FALSE(privacy::anchor_problem(log, AuditHead{5, log.back().hash}));
  CHECK_FALSE(privacy::anchor_problem(log, AuditHead{3, log[2].hash}));  // an older anchor still holds
  CHECK_FALSE(privacy::anchor_problem(log, AuditHead{0, kGenesisHash}));
  // The last entry must vouch for the state given.
  CHECK_FALSE(privacy::audit_problem(log, *log.back().state_digest, std::nullopt));
  check_invalid(privacy::audit_problem(log, sha256_hex("another state"), std::nullopt), 4, 5, AuditFault::digest);
}

TEST_CASE("an empty log vouches for nothing, and reaches no anchor") {  // covers R-INT-3
  Log log;
  CHECK_FALSE(privacy::chain_problem(log));
  check_invalid(privacy::audit_problem(log, sha256_hex("x"), std::nullopt), 0, std::nullopt, AuditFault::head);
  check_invalid(privacy::anchor_problem(log, AuditHead{1, std::string(64, 'a')}), 0, std::nullopt, AuditFault::head);
}

TEST_CASE("the entry hash covers every field but the hash itself") {  // covers R-INT-3
  Log log = five_entries();
  const AuditEntry base = log[2];
  auto changed = [&](auto edit) {
    AuditEntry e = base;
    edit(e);
    return entry_hash(e) != entry_hash(base);
  };
  CHECK(changed([](AuditEntry& e) { e.seq = 4; }));
  CHECK(changed([](AuditEntry& e) { e.at += 1; }));
  CHECK(changed([](AuditEntry& e) { e.actor = "g2"; }));
  CHECK(changed([](AuditEntry& e) { e.on_behalf_of = "g1"; }));
  CHECK(changed([](AuditEntry& e) { e.action = AuditAction::retention_set; }));
  CHECK(changed([](AuditEntry& e) { e.details["enabled"] = false; }));
  CHECK(changed([](AuditEntry& e) { e.details["extra"] = 1; }));
  CHECK(changed([](AuditEntry& e) { e.state_digest = sha256_hex("other"); }));
  CHECK(changed([](AuditEntry& e) { e.prev_hash[0] = 'f'; }));
  CHECK_FALSE(changed([](AuditEntry& e) { e.hash = std::string(64, 'e'); }));
}

TEST_CASE("an edited entry is reported at its index as edited; re-hashed, where the link breaks") {  // covers R-INT-3
  auto edit = [](std::size_t i, auto change) {
    Log log = five_entries();
    change(log[i]);
    return privacy::chain_problem(log);
  };
  check_invalid(edit(2, [](AuditEntry& e) { e.actor = "g2"; }), 2, 3, AuditFault::edited);
  check_invalid(edit(3, [](AuditEntry& e) { e.details["counts"]["recordings"] = 0; }), 3, 4, AuditFault::edited);
  check_invalid(edit(0, [](AuditEntry& e) { e.at = 999; }), 0, 1, AuditFault::edited);
  check_invalid(edit(4, [](AuditEntry& e) { e.action = AuditAction::profile_kept; }), 4, 5, AuditFault::edited);
  check_invalid(edit(1, [](AuditEntry& e) { e.hash[10] = e.hash[10] == 'a' ? 'b' : 'a'; }), 1, 2, AuditFault::edited);
  check_invalid(edit(1, [](AuditEntry& e) { e.state_digest = sha256_hex("forged"); }), 1, 2, AuditFault::edited);
  // Edited and re-hashed, the next entry's link breaks instead.
  check_invalid(edit(1,
                     [](AuditEntry& e) {
                       e.details["to"] = "until_deleted";
                       e.hash = entry_hash(e);
                     }),
                2, 3, AuditFault::chain);
  // A broken link.
  check_invalid(edit(3, [](AuditEntry& e) { e.prev_hash = kGenesisHash; }), 3, 4, AuditFault::chain);
}

TEST_CASE("a removed entry is reported where the numbering breaks") {  // covers R-INT-3
  for (std::size_t removed = 0; removed < 4; ++removed) {
    INFO("removed " << removed);
    Log log = five_entries();
    log.erase(log.begin() + static_cast<std::ptrdiff_t>(removed));
    check_invalid(privacy::chain_problem(log), static_cast<std::int64_t>(removed),
                  static_cast<std::int64_t>(removed) + 2, AuditFault::sequence);
  }
  // Removed and the rest renumbered: the link shows it.
  Log log = five_entries();
  log.erase(log.begin() + 1);
  for (std::size_t i = 1; i < log.size(); ++i) log[i].seq = static_cast<std::int64_t>(i) + 1;
  check_invalid(privacy::chain_problem(log), 1, 2, AuditFault::chain);
}

TEST_CASE("two reordered entries are reported at the first of them") {  // covers R-INT-3
  Log log = five_entries();
  std::swap(log[1], log[2]);
  check_invalid(privacy::chain_problem(log), 1, 3, AuditFault::sequence);
  // Swapped, with their numbers swapped back: the link shows it.
  std::swap(log[1].seq, log[2].seq);
  check_invalid(privacy::chain_problem(log), 1, 2, AuditFault::chain);
  // The last two.
  log = five_entries();
  std::swap(log[3], log[4]);
  check_invalid(privacy::chain_problem(log), 3, 5, AuditFault::sequence);
}

TEST_CASE("audit time never runs backwards, even in a chain re-hashed to hide it") {  // covers R-INT-3
  Log log = five_entries();
  log[3].at = 1500;  // "in the past", after entries at 2000 and 3000
  rechain(log, 3);
  check_invalid(privacy::chain_problem(log), 3, 4, AuditFault::time);
  // The same instant twice is not backwards.
  log = five_entries();
  log[3].at = log[2].at;
  rechain(log, 3);
  CHECK_FALSE(privacy::chain_problem(log));
}

TEST_CASE("entries kept from schema 1 and 2 come first, then the migration entry") {  // covers R-INT-3
  Log log = five_entries();
  // An old-format entry (no state digest) after a current one is an edit.
  log[2].state_digest.reset();
  rechain(log, 2);
  check_invalid(privacy::chain_problem(log), 2, 3, AuditFault::edited);
  // Old entries first, then anything but the migration entry: the chain is broken.
  log = five_entries();
  log[0].state_digest.reset();
  log[1].state_digest.reset();
  rechain(log);
  check_invalid(privacy::chain_problem(log), 2, 3, AuditFault::chain);
  log[2].action = AuditAction::state_migrated;
  rechain(log, 2);
  CHECK_FALSE(privacy::chain_problem(log));
  // An old entry never carried onBehalfOf: one that does was edited.
  log[1].on_behalf_of = "g1";
  rechain(log, 1);
  check_invalid(privacy::chain_problem(log), 1, 2, AuditFault::edited);
}

TEST_CASE("an expected head catches a removed last entry") {  // covers R-INT-3
  Log log = five_entries();
  const AuditHead head{5, log.back().hash};
  Log cut = log;
  cut.pop_back();
  // Without an anchor the shorter log is a valid chain...
  CHECK_FALSE(privacy::chain_problem(cut));
  // ...with one, the removal shows, at the index past the end.
  check_invalid(privacy::anchor_problem(cut, head), 4, std::nullopt, AuditFault::head);
  check_invalid(privacy::audit_problem(cut, *cut.back().state_digest, head), 4, std::nullopt, AuditFault::head);
  // A head whose hash is not the entry's at that seq.
  check_invalid(privacy::anchor_problem(log, AuditHead{5, std::string(64, 'f')}), 4, 5, AuditFault::head);
  // Everything removed.
  check_invalid(privacy::anchor_problem({}, head), 0, std::nullopt, AuditFault::head);
}

// ---- the state digest (digest.hpp), recomputed from the export alone ----

namespace {

using ordered = nlohmann::ordered_json;

// The recipe of core/src/household/digest.hpp, from an export's text.
std::string digest_of_export(const std::string& text) {
  ordered s = ordered::parse(text);
  auto bytes = [](const privacy::Digest& d) { return std::string(reinterpret_cast<const char*>(d.data()), d.size()); };
  auto root = [&](const ordered& items) {
    std::vector<privacy::Digest> level;
    for (std::size_t i = 0; i < items.size(); i += 32) {
      privacy::Sha256 h;
      for (std::size_t k = i; k < std::min(items.size(), i + 32); ++k) h.update(items[k].dump());
      level.push_back(h.finish());
    }
    while (level.size() > 1) {
      std::vector<privacy::Digest> up;
      for (std::size_t i = 0; i < level.size(); i += 32) {
        privacy::Sha256 h;
        for (std::size_t k = i; k < std::min(level.size(), i + 32); ++k) h.update(bytes(level[k]));
        up.push_back(h.finish());
      }
      level = up;
    }
    privacy::Sha256 r;
    r.update(std::to_string(items.size()) + ":");
    if (!level.empty()) r.update(bytes(level.front()));
    return privacy::to_hex(r.finish());
  };
  ordered header = ordered::object();
  for (const char* k : {"household", "retentionPolicy", "privacyNotice", "jurisdictionPolicy"}) header[k] = s[k];
  std::string text_to_hash = "family-privacy/state/3\n" + header.dump() + "\n";
  for (const char* k : {"guardians", "devices", "profiles", "recordings", "tombstones", "removedProfiles", "receipts"})
    text_to_hash += std::string(k) + ":" + std::to_string(s[k].size()) + ":" + root(s[k]) + "\n";
  return sha256_hex(text_to_hash);
}

}  // namespace

TEST_CASE("every entry's stateDigest is the digest of the export after it, computable from the export alone") {  // covers R-INT-3, R-INT-1
  Engine e;
  build_household(e);
  // Enough recordings for two levels of the digest tree (more than 32 x 32).
  json batch = json::array();
  const Instant t = at("2026-02-01T00:00:00Z");
  for (int i = 0; i < 1100; ++i) batch.push_back(recording("r" + std::to_string(i), i % 2 ? "c1" : "a1", "d1", t + i, i % 3 == 0));
  ok(e, {{"command", "addRecordings"}, {"actor", "system"}, {"now", t + 2000}, {"recordings", batch}});
  auto check_head = [&] {
    std::string text = exported(e);
    const std::string digest = digest_of_export(text);
    CHECK(digest == e.household().state_digest());
    CHECK(json::parse(text)["auditLog"].back()["stateDigest"] == digest);
  };
  check_head();
  // A deletion of a few (swapped in place) and of many (compacted) both keep it.
  ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", t + 3000}, {"requestId", "few"}, {"profileId", "c1"},
         {"kind", "ids"}, {"ids", {"r1", "r3", "r1001"}}});
  check_head();
  ok(e, {{"command", "deleteRecordings"}, {"actor", "a1"}, {"now", t + 4000}, {"requestId", "many"}, {"profileId", "a1"},
         {"kind", "range"}, {"from", t}, {"to", t + 700}});
  check_head();
  ok(e, {{"command", "renameProfile"}, {"actor", "g1"}, {"now", t + 5000}, {"profileId", "c2"}, {"name", "Léo"}});
  check_head();
  // And each step back: every entry commits to the state after it.
  Engine step;
  build_household(step);
  json entries = audit_entries(step);
  CHECK(entries.back()["stateDigest"] == digest_of_export(exported(step)));
  set_retention(step, "g1", "c1", "dont_save");
  CHECK(audit_entries(step).back()["stateDigest"] == digest_of_export(exported(step)));
  CHECK(audit_entries(step).back()["prevHash"] == entries.back()["hash"]);
}

// ---- through the engine ----

TEST_CASE("every change writes an entry with actor and time, intake included") {  // covers R-DEL-5, R-CON-6, R-INT-3
  Engine e;
  build_household(e);
  const Instant t1 = at("2026-02-01T10:00:00Z"), t2 = at("2026-02-02T10:00:00Z"), t3 = at("2026-02-03T10:00:00Z"),
                t4 = at("2026-02-04T10:00:00Z"), t6 = at("2026-02-06T10:00:00Z"), t7 = at("2026-09-01T00:00:00Z");
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
    CHECK(entry.size() == 9);  // seq, at, actor, onBehalfOf, action, details, stateDigest, prevHash, hash
  }
  CHECK(profiles_added == 4);
  CHECK(devices_added == 2);

  set_retention(e, "g1", "c1", "dont_save", t1);
  enable_voice(e, "a1", "a1");
  ok(e, {{"command", "setVoiceDeletion"}, {"actor", "g1"}, {"now", t2}, {"profileId", "c1"}, {"enabled", true}});
  ok(e, {{"command", "setRetentionPolicy"}, {"actor", "operator"}, {"now", t3}, {"retentionPolicy", policy(12)}});
  add_recording(e, recording("r1", "c2", "d1", t3), t3);
  ok(e, {{"command", "addRecordings"}, {"actor", "device:d1"}, {"now", t3 + 1},
         {"recordings", {recording("r2", "c2", "d1", t3 + 1)}}});
  ok(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", t4}, {"requestId", "req-1"}, {"profileId", "c2"},
         {"kind", "ids"}, {"ids", {"r1"}}});
  add_recording(e, recording("r3", "c1", "d1", t6 - 1000), t6);
  json said = ok(e, {{"command", "voiceRequest"}, {"actor", "c1"}, {"requestId", "v-1"}, {"profileId", "c1"},
                     {"deviceId", "d1"}, {"utterance", "Alexa, delete what I just said"}, {"utcOffsetMinutes", 0},
                     {"now", t6}});
  CHECK(said["recordingIds"] == json{"r3"});
  ok(e, {{"command", "sweep"}, {"actor", "system"}, {"now", t7}});

  entries = audit_entries(e);
  REQUIRE(entries.size() == setup + 10);
  auto check_entry = [&](std::size_t k, const char* action, const char* actor, Instant when) {
    const std::size_t i = setup + k;
    INFO("entry " << i);
    CHECK(entries[i]["seq"] == i + 1);
    CHECK(entries[i]["action"] == action);
    CHECK(entries[i]["actor"] == actor);
    CHECK(entries[i]["at"] == when);
    CHECK(entries[i]["prevHash"] == entries[i - 1]["hash"]);
  };
  check_entry(0, "retention_set", "g1", t1);
  CHECK(entries[setup]["details"] == json{{"profileId", "c1"}, {"from", "3_months"}, {"to", "dont_save"}});
  check_entry(1, "voice_deletion_set", "a1", t1);
  check_entry(2, "voice_deletion_set", "g1", t2);
  CHECK(entries[setup + 2]["details"] == json{{"profileId", "c1"}, {"enabled", true}});
  check_entry(3, "retention_policy_set", "operator", t3);
  CHECK(entries[setup + 3]["details"]["retentionPolicy"]["categories"][0]["childMaxMonths"] == 12);
  check_entry(4, "recordings_added", "system", t3);
  CHECK(entries[setup + 4]["details"] == json{{"added", 1}, {"recordingId", "r1"}, {"profileId", "c2"}});
  check_entry(5, "recordings_added", "device:d1", t3 + 1);
  CHECK(entries[setup + 5]["details"] == json{{"added", 1}});
  check_entry(6, "recordings_deleted", "g1", t4);
  CHECK(entries[setup + 6]["details"]["requestId"] == "req-1");
  check_entry(7, "recordings_added", "system", t6);
  check_entry(8, "recordings_deleted", "c1", t6);
  CHECK(entries[setup + 8]["details"]["kind"] == "just_said");
  check_entry(9, "sweep", "system", t7);
  CHECK(entries[setup + 9]["details"]["counts"]["recordings"] == 1);  // r2, due after 3 months

  json v = ok(e, {{"command", "verifyAuditLog"}, {"actor", "g1"}});
  CHECK(v["intact"] == true);
  CHECK(v["entries"] == setup + 10);
  CHECK(v["headHash"] == entries.back()["hash"]);
  CHECK(v["firstInvalid"].is_null());
  const json head = {{"seq", setup + 10}, {"hash", entries.back()["hash"]}};
  CHECK(ok(e, {{"command", "verifyAuditLog"}, {"actor", "g1"}, {"expectedHead", head}})["intact"] == true);
  CHECK(overview(e)["auditHead"] == head);
}

TEST_CASE("a failed command writes nothing to the log") {  // covers R-DEL-5
  Engine e;
  build_household(e);
  const std::size_t before = audit_entries(e).size();
  fails(e, {{"command", "setRetention"}, {"actor", "g2"}, {"now", kStart}, {"profileId", "c1"}, {"setting", "dont_save"}},
        "forbidden", "actor");
  fails(e, {{"command", "deleteRecordings"}, {"actor", "g1"}, {"now", kStart}, {"requestId", "x"}, {"profileId", "c1"},
            {"kind", "range"}, {"from", 5}, {"to", 5}},
        "invalid_input", "to");
  CHECK(audit_entries(e).size() == before);
}

TEST_CASE("a change dated before the last entry is out_of_order and changes nothing") {  // covers R-INT-3
  Engine e;
  build_household(e);
  const Instant t = at("2026-06-01T00:00:00Z");
  set_retention(e, "g1", "c1", "18_months", t);
  // Consent recorded "in 2001", after 2026 entries.
  fails(e, {{"command", "requestConsent"}, {"actor", "g1"}, {"now", at("2001-01-01T00:00:00Z")}, {"profileId", "c2"},
            {"method", "signed_form"}},
        "out_of_order", "now");
  fails(e, intake(recording("r1", "c1", "d1", t - 10), t - 1), "out_of_order", "now");
  fails(e, {{"command", "addGuardian"}, {"actor", "operator"}, {"now", t - 1},
            {"guardian", {{"id", "g3"}, {"name", "C"}, {"verified", true}}}},
        "out_of_order", "now");
  // The same instant is not backwards; reads may look at any time.
  set_retention(e, "g1", "c1", "3_months", t);
  CHECK(ok(e, {{"command", "previewSweep"}, {"actor", "system"}, {"now", at("2001-01-01T00:00:00Z")}})["dueCount"] == 0);
}

TEST_CASE("the log pages by offset and limit, for its custodians only") {  // covers R-INT-5
  Engine e;
  build_household(e);
  json page = ok(e, {{"command", "auditLog"}, {"actor", "g1"}, {"offset", 2}, {"limit", 3}});
  CHECK(page["total"] == audit_entries(e).size());
  REQUIRE(page["entries"].size() == 3);
  CHECK(page["entries"][0]["seq"] == 3);
  CHECK(ok(e, {{"command", "auditLog"}, {"actor", "system"}, {"offset", 100}})["entries"].empty());
  fails(e, {{"command", "auditLog"}, {"actor", "g1"}, {"limit", 0}}, "invalid_input", "limit");
  fails(e, {{"command", "auditLog"}, {"actor", "g1"}, {"offset", -1}}, "invalid_input", "offset");
  fails(e, {{"command", "auditLog"}}, "invalid_input", "actor");
  fails(e, {{"command", "auditLog"}, {"actor", nullptr}}, "invalid_input", "actor");
  for (const char* who : {"g2", "c1", "a1", "support:s1", "nobody", "device:d1"}) {
    INFO(who);
    fails(e, {{"command", "auditLog"}, {"actor", who}}, "forbidden", "actor");
    fails(e, {{"command", "verifyAuditLog"}, {"actor", who}}, "forbidden", "actor");
  }
}

TEST_CASE("verifyAuditLog's expected head is read strictly") {  // covers R-INT-3
  Engine e;
  build_household(e);
  auto verify = [](json head) { return json{{"command", "verifyAuditLog"}, {"actor", "g1"}, {"expectedHead", head}}; };
  fails(e, verify({{"seq", "10"}, {"hash", std::string(64, 'a')}}), "invalid_input", "expectedHead.seq");
  fails(e, verify({{"seq", 1}}), "invalid_input", "expectedHead.hash");
  fails(e, verify({{"seq", 1}, {"hash", "x"}}), "invalid_input", "expectedHead.hash");
  fails(e, verify({{"seq", 1}, {"hash", std::string(64, 'A')}}), "invalid_input", "expectedHead.hash");
  fails(e, verify({{"seq", 1}, {"hash", std::string(64, 'a')}, {"at", 1}}), "invalid_input", "expectedHead.at");
  // A head beyond the log, or not the entry at its seq.
  json far = ok(e, verify({{"seq", 1000}, {"hash", std::string(64, 'a')}}));
  CHECK(far["intact"] == false);
  CHECK(far["firstInvalid"]["reason"] == "head");
  json wrong = ok(e, verify({{"seq", 2}, {"hash", std::string(64, 'a')}}));
  CHECK(wrong["firstInvalid"] == json{{"index", 1}, {"seq", 2}, {"reason", "head"}});
}
