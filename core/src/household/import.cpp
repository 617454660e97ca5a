// Import (R-INT-1..3): a state is read, migrated if it is older, and checked
// with the same invariants every command keeps; its audit log must vouch for
// it. Into an engine that holds the same household, every deletion the
// current state has stays (R-INT-2), and so does every withdrawal of
// consent, disclosure or GPC.
#include <algorithm>
#include <unordered_set>

#include "../json/codec.hpp"
#include "audit.hpp"
#include "context.hpp"
#include "migrate.hpp"

namespace privacy {

namespace {

// Schema 1 and 2 states are read through a tree; they come from the page's
// stores and backups of the last release, which this bounds.
constexpr std::size_t kMaxLegacyStateBytes = std::size_t{64} << 20;

void prefix(Errors& errors, std::string_view at) {
  for (auto& e : errors) e.path = e.path.empty() ? std::string(at) : std::string(at) + "." + e.path;
}

Result<int> schema_version(std::string_view text) {
  // What exportState writes starts so: no scan needed.
  constexpr std::string_view kCurrent = "{\"schemaVersion\":3,";
  static_assert(kSchemaVersion == 3);
  if (text.substr(0, kCurrent.size()) == kCurrent) return kSchemaVersion;
  Errors errors;
  json::Pull p(text, errors);
  std::optional<std::int64_t> version;
  if (p.enter_object())
    while (p.next_key()) {
      if (p.key() == "schemaVersion" && !version) version = p.integer(0, INT32_MAX);
      else p.skip();
    }
  p.finish();
  if (!errors.empty()) return errors;
  if (!version) return Error{code::invalid_input, "schemaVersion", "is required: a whole number (this engine reads 1, 2 and 3)"};
  if (*version < 1 || *version > kSchemaVersion)
    return Error{code::unsupported_version, "schemaVersion",
                 "schemaVersion " + std::to_string(*version) + " is not supported; this engine reads 1, 2 and 3"};
  return static_cast<int>(*version);
}

struct Incoming {
  Household::Impl h;
  std::optional<int> migrated_from;
  std::vector<std::string> repaired;
};

// The state as it comes, read and checked; errors are at `state...` paths.
Result<Incoming> read_incoming(std::string_view text, const std::optional<AuditHead>& expected) {
  Incoming in;
  auto version = schema_version(text);
  if (!version) {
    Errors errors = version.errors();
    prefix(errors, "state");
    return errors;
  }
  Errors errors;
  if (*version == kSchemaVersion) {
    json::read_text(text, in.h.s, errors);
  } else {
    if (text.size() > kMaxLegacyStateBytes)
      return Error{code::too_large, "state", "a schema " + std::to_string(*version) + " state is read up to " +
                                                 std::to_string(kMaxLegacyStateBytes >> 20) + " MiB"};
    auto tree = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    auto migrated = migrate(std::move(tree));
    if (!migrated) return migrated.errors();
    in.migrated_from = migrated->from;
    in.repaired = std::move(migrated->repaired);
    json::read_text(migrated->state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), in.h.s, errors);
  }
  if (!errors.empty()) {
    prefix(errors, "state");
    return errors;
  }
  in.h.exists = true;
  in.h.rebuild();
  Errors invalid = check_state(in.h, in.migrated_from.has_value());
  if (invalid.empty() && expected)
    if (auto problem = anchor_problem(in.h.s.audit_log, *expected))
      invalid.push_back({code::audit_invalid, "auditLog[" + std::to_string(problem->index) + "]", describe(*problem)});
  if (!invalid.empty()) {
    prefix(invalid, "state");
    return invalid;
  }
  return in;
}

struct Kept {
  std::int64_t deleted = 0;
  std::int64_t removed_profiles = 0;
  std::int64_t withdrawals = 0;
  bool changed = false;
};

// A withdrawal made here stays made: consent that is no longer verified, a
// disclosure turned off, GPC recorded (R-CON-4, R-CON-3, R-SIG-3). An import
// never gives back what a parent took away.
void keep_withdrawals(HouseholdState& into, const HouseholdState& current, Kept& kept) {
  for (Profile& p : into.profiles) {
    auto it = std::find_if(current.profiles.begin(), current.profiles.end(), [&](const Profile& c) { return c.id == p.id; });
    if (it == current.profiles.end() || it->kind != p.kind) continue;
    const Profile& now = *it;
    bool changed = false;
    if (now.gpc_at && !p.gpc_at) {
      p.gpc_at = now.gpc_at;
      changed = true;
    }
    if (p.consent && now.consent) {
      if (p.consent->state == ConsentState::verified && now.consent->state != ConsentState::verified) {
        p.consent = now.consent;
        p.enabled = now.enabled;
        changed = true;
      }
      if (p.consent->disclosure && !now.consent->disclosure) {
        p.consent->disclosure = false;
        changed = true;
      }
    }
    if (p.gpc_at && p.consent && p.consent->disclosure) {
      p.consent->disclosure = false;  // GPC gave way on it here (R-SIG-3)
      changed = true;
    }
    if (changed) {
      ++kept.withdrawals;
      kept.changed = true;
    }
  }
  for (Device& d : into.devices) {
    auto it = std::find_if(current.devices.begin(), current.devices.end(), [&](const Device& c) { return c.id == d.id; });
    if (it != current.devices.end() && it->gpc_at && !d.gpc_at) {
      d.gpc_at = it->gpc_at;
      ++kept.withdrawals;
      kept.changed = true;
    }
  }
}

// R-INT-2: what the current state deleted stays deleted in what comes in.
Kept keep_deletions(HouseholdState& into, const HouseholdState& current) {
  // The sets below view the ids in `into`, which then grows: no reallocation while they are read.
  into.tombstones.reserve(into.tombstones.size() + current.tombstones.size());
  into.removed_profiles.reserve(into.removed_profiles.size() + current.removed_profiles.size());
  into.receipts.reserve(into.receipts.size() + current.receipts.size());
  Kept kept;
  std::unordered_set<std::string_view> tombstoned, receipts, removed;
  for (const auto& t : into.tombstones) tombstoned.insert(t.recording_id);
  for (const auto& r : into.receipts) receipts.insert(r.request_id);
  for (const auto& r : into.removed_profiles) removed.insert(r.profile_id);
  std::unordered_set<std::string_view> gone, gone_profiles;
  for (const auto& t : current.tombstones)
    if (!tombstoned.count(t.recording_id)) gone.insert(t.recording_id);
  for (const auto& r : current.removed_profiles)
    if (!removed.count(r.profile_id)) gone_profiles.insert(r.profile_id);
  if (gone.empty() && gone_profiles.empty()) return kept;
  kept.changed = true;
  std::erase_if(into.recordings, [&](const Recording& r) {
    bool drop = gone.count(r.id) > 0;
    kept.deleted += drop ? 1 : 0;
    return drop;
  });
  std::erase_if(into.profiles, [&](const Profile& p) {
    bool drop = gone_profiles.count(p.id) > 0;
    kept.removed_profiles += drop ? 1 : 0;
    return drop;
  });
  for (const auto& t : current.tombstones)
    if (gone.count(t.recording_id)) into.tombstones.push_back(t);
  for (const auto& r : current.removed_profiles)
    if (gone_profiles.count(r.profile_id)) into.removed_profiles.push_back(r);
  for (const auto& r : current.receipts)
    if (!receipts.count(r.request_id)) into.receipts.push_back(r);
  return kept;
}

// `ahead`: the current log has entries the incoming one lacks (a restore).
// Only then can a difference be a withdrawal made here; in an update the
// incoming log holds everything done here, and consent or disclosure it has
// that ours lacks was given after, not taken away.
Kept keep_what_went(HouseholdState& into, const HouseholdState& current, bool ahead) {
  Kept kept = keep_deletions(into, current);
  if (ahead) keep_withdrawals(into, current, kept);
  return kept;
}

// What an import does; `commit` false answers the same without doing it.
Result<ImportAnswer> import(Ctx& ctx, std::string_view text, const std::optional<AuditHead>& expected, bool commit) {
  auto read = read_incoming(text, expected);
  if (!read) return read.errors();
  Incoming& in = *read;
  Household::Impl& current = ctx.h;
  Acting acting = ctx.actor;
  if (!current.exists) {
    // Nobody held it here: the state coming in says who may load it.
    acting = in.h.resolve(ctx.asked);
    if (!allowed(cmd::ImportState::info.access, Target::household, acting, {}))
      return forbidden(cmd::ImportState::info.name, Target::household, acting);
  } else if (in.h.s.household.id != current.s.household.id) {
    return Error{code::conflict, "state.household.id",
                 "this engine holds household '" + current.s.household.id + "'; '" + in.h.s.household.id +
                     "' is another household: load it into a new engine"};
  }
  ImportAnswer answer;
  answer.household_id = in.h.s.household.id;
  answer.migrated_from = in.migrated_from;
  std::optional<AuditAction> action;
  nlohmann::json details = {{"householdId", answer.household_id}};
  if (in.migrated_from) {
    details["migratedFrom"] = *in.migrated_from;
    details["repaired"] = in.repaired;
  }
  if (!current.exists) {
    answer.outcome = ImportOutcome::loaded;
    if (in.migrated_from) action = AuditAction::state_migrated;
  } else {
    const auto& theirs = in.h.s.audit_log;
    const auto& ours = current.s.audit_log;
    std::size_t k = 0;
    while (k < theirs.size() && k < ours.size() && theirs[k].hash == ours[k].hash) ++k;
    if (k < theirs.size() && k < ours.size())
      return Error{code::conflict, "state.auditLog[" + std::to_string(k) + "]",
                   "this state's history differs from the household's at entry " + std::to_string(k + 1) +
                       ": it is neither an earlier nor a later state of it (R-INT-2, R-INT-3)"};
    Kept kept = keep_what_went(in.h.s, current.s, k < ours.size());
    answer.kept_deleted = kept.deleted;
    answer.kept_removed_profiles = kept.removed_profiles;
    answer.kept_withdrawals = kept.withdrawals;
    details["keptDeleted"] = kept.deleted;
    details["keptRemovedProfiles"] = kept.removed_profiles;
    details["keptWithdrawals"] = kept.withdrawals;
    if (k == theirs.size() && k == ours.size() && !in.migrated_from && !kept.changed) {
      answer.outcome = ImportOutcome::unchanged;  // the same state: nothing to do
      answer.recordings = static_cast<std::int64_t>(current.s.recordings.size());
      answer.audit_entries = static_cast<std::int64_t>(current.s.audit_log.size());
      return answer;
    } else if (k == theirs.size() && k < ours.size()) {
      // An earlier state: restored, with the whole log kept and the restore in it.
      answer.outcome = ImportOutcome::restored;
      details["restoredSeq"] = theirs.empty() ? 0 : theirs.back().seq;
      in.h.s.audit_log = ours;
      action = AuditAction::state_restored;
    } else {
      answer.outcome = ImportOutcome::updated;
      if (kept.changed || in.migrated_from) action = AuditAction::state_imported;
    }
    in.h.rebuild();
  }
  if (action) {
    const AuditEntry* last = in.h.last_entry();
    if (last && ctx.now < last->at)
      return Error{code::out_of_order, "now",
                   "is before the audit log's last entry (" + format_iso8601(last->at) +
                       "): audit time never runs backwards (R-INT-3)"};
    Effects scratch;
    Ctx on_incoming{in.h, acting, ctx.now, commit ? ctx.effects : scratch, ctx.asked};
    on_incoming.log(*action, std::move(details));
    Errors invalid = check_state(in.h, false);
    if (!invalid.empty()) {
      prefix(invalid, "state");
      return invalid;
    }
  }
  answer.recordings = static_cast<std::int64_t>(in.h.s.recordings.size());
  answer.audit_entries = static_cast<std::int64_t>(in.h.s.audit_log.size());
  if (commit) {
    // What this engine held and no longer does (its audio can go too).
    if (current.exists)
      for (const auto& r : current.s.recordings)
        if (!in.h.recording(r.id)) ctx.effects.deleted_recording_ids.push_back(r.id);
    current = std::move(in.h);
    ctx.effects.changed = true;
  }
  return answer;
}

}  // namespace

Result<ImportAnswer> cmd::ImportState::apply(Ctx& ctx) const { return import(ctx, state, expected_head, true); }
Result<ImportAnswer> cmd::PreviewImport::apply(Ctx& ctx) const { return import(ctx, state, expected_head, false); }

}  // namespace privacy
