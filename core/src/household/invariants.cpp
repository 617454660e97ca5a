// The invariants (R-INT-1), written once. Every command's result keeps them
// (checked after every command in the test and sanitizer builds) and every
// import must show them: the state the commands can reach and the states
// that import are the same set.
#include <unordered_set>

#include "../json/codec.hpp"
#include "audit.hpp"
#include "context.hpp"
#include "privacy/consent.hpp"
#include "privacy/jurisdiction.hpp"
#include "privacy/retention.hpp"

namespace privacy {

namespace {

std::string at(const char* list, std::size_t i, const char* field = nullptr) {
  std::string out = std::string(list) + "[" + std::to_string(i) + "]";
  if (field) out += std::string(".") + field;
  return out;
}

struct Checker {
  const Household::Impl& h;
  Errors errors;
  void fail(std::string path, std::string message) {
    if (errors.size() < 100) errors.push_back({code::invalid_input, std::move(path), std::move(message)});
  }
  void conflict(std::string path, std::string message) {
    if (errors.size() < 100) errors.push_back({code::conflict, std::move(path), std::move(message)});
  }

  void ids() {
    const HouseholdState& s = h.s;
    std::unordered_set<std::string_view> actors, devices, recordings, requests;
    auto reserved = [](std::string_view id) {
      return id == kOperator || id == kSystem || starts_with(id, kSupportPrefix) ||
             starts_with(id, kDevicePrefix);
    };
    auto actor = [&](std::string_view id, std::string path) {
      if (reserved(id) || !actors.insert(id).second)
        conflict(std::move(path), "id '" + std::string(id) + "' is used twice or is reserved");
    };
    for (std::size_t i = 0; i < s.guardians.size(); ++i) actor(s.guardians[i].id, at("guardians", i, "id"));
    for (std::size_t i = 0; i < s.profiles.size(); ++i) actor(s.profiles[i].id, at("profiles", i, "id"));
    for (std::size_t i = 0; i < s.removed_profiles.size(); ++i)
      actor(s.removed_profiles[i].profile_id, at("removedProfiles", i, "profileId"));
    for (std::size_t i = 0; i < s.devices.size(); ++i)
      if (!devices.insert(s.devices[i].id).second) conflict(at("devices", i, "id"), "device id used twice");
    for (std::size_t i = 0; i < s.recordings.size(); ++i)
      if (!recordings.insert(s.recordings[i].id).second)
        conflict(at("recordings", i, "id"), "recording id used twice");
    for (std::size_t i = 0; i < s.tombstones.size(); ++i)
      if (!recordings.insert(s.tombstones[i].recording_id).second)
        conflict(at("tombstones", i, "recordingId"), "a deleted recording is never there again (R-DEL-4)");
    for (std::size_t i = 0; i < s.receipts.size(); ++i)
      if (!requests.insert(s.receipts[i].request_id).second)
        conflict(at("receipts", i, "requestId"), "request id used twice");
  }

  void consent(const Profile& p, std::size_t i) {
    if (p.kind != ProfileKind::child) {
      if (p.consent) fail(at("profiles", i, "consent"), "only a child profile has parental consent");
      if (!p.enabled) fail(at("profiles", i, "enabled"), "only a child profile is ever not enabled");
      return;
    }
    if (!p.consent) {
      fail(at("profiles", i, "consent"), "a child profile has a consent record (R-CON-1)");
      return;
    }
    const Consent& c = *p.consent;
    if (p.enabled && c.state != ConsentState::verified)
      fail(at("profiles", i, "enabled"), "a child profile is enabled only with verified consent (R-CON-1)");
    if (c.state == ConsentState::verified && !c.evidence)
      fail(at("profiles", i, "consent.evidence"), "verified consent records its evidence (R-CON-2)");
    if ((c.state == ConsentState::pending) != c.requested_method.has_value())
      fail(at("profiles", i, "consent.requestedMethod"), "a pending consent, and only one, names its method");
    if (c.reason && c.state != ConsentState::pending)
      fail(at("profiles", i, "consent.reason"), "only a pending consent says why it is pending again");
    if (c.state == ConsentState::revoked && !c.revoked_at)
      fail(at("profiles", i, "consent.revokedAt"), "a revoked consent says when");
    if (c.disclosure) {
      if (c.state != ConsentState::verified || !c.evidence || !backs_disclosure(c.evidence->method))
        fail(at("profiles", i, "consent.disclosure"),
             "disclosure needs verified consent by a method that backs it (R-CON-2, R-CON-3)");
      if (h.s.privacy_notice.third_parties.empty())
        fail(at("profiles", i, "consent.disclosure"), "the notice names no third party to disclose to (R-CON-3)");
    }
  }

  void profiles() {
    const HouseholdState& s = h.s;
    for (std::size_t i = 0; i < s.profiles.size(); ++i) {
      const Profile& p = s.profiles[i];
      consent(p, i);
      if (p.kind != ProfileKind::child && p.inactive_notified_at)
        fail(at("profiles", i, "inactiveNotifiedAt"), "only a child profile is swept for inactivity (R-PRO-2)");
      if (p.kind == ProfileKind::adult && p.age_review_flagged_at)
        fail(at("profiles", i, "ageReviewFlaggedAt"), "an adult has no age review (R-PRO-3)");
      if (p.birth_date)
        if (auto birth = parse_date(*p.birth_date); birth && *birth > p.created_at + kMillisPerDay)
          fail(at("profiles", i, "birthDate"), "is after the profile was created");
    }
  }

  void recordings(Instant head_at) {
    const HouseholdState& s = h.s;
    for (std::size_t i = 0; i < s.recordings.size(); ++i) {
      const Recording& r = s.recordings[i];
      const Profile* p = h.profile(r.profile_id);
      if (!p) fail(at("recordings", i, "profileId"), "no such profile");
      else if (p->kind == ProfileKind::child && !r.collected_as_child)
        fail(at("recordings", i, "collectedAsChild"), "a child profile's recordings are a child's data (R-PRO-3)");
      if (!h.device(r.device_id)) fail(at("recordings", i, "deviceId"), "no such device");
      if (r.captured_at > head_at)
        fail(at("recordings", i, "capturedAt"), "is after the audit log's last entry: no intake recorded it");
      std::unordered_set<std::string_view> derived;
      for (std::size_t d = 0; d < r.derived.size(); ++d)
        if (!derived.insert(r.derived[d].id).second)
          fail(at("recordings", i, "derived") + "[" + std::to_string(d) + "].id", "appears twice in this recording");
    }
  }

  // Receipts, tombstones and removed profiles agree (R-DEL-4, R-DEL-5).
  void deletions() {
    const HouseholdState& s = h.s;
    for (std::size_t i = 0; i < s.tombstones.size(); ++i) {
      const Tombstone& t = s.tombstones[i];
      const DeletionReceipt* r = h.receipt(t.request_id);
      if (!r || r->status != ReceiptStatus::deleted)
        fail(at("tombstones", i, "requestId"), "a tombstone is left by a receipted deletion (R-DEL-5)");
    }
    for (std::size_t i = 0; i < s.receipts.size(); ++i) {
      const DeletionReceipt& r = s.receipts[i];
      if (r.status == ReceiptStatus::already_done)
        fail(at("receipts", i, "status"), "a repeated request is answered, not stored");
      if ((r.status == ReceiptStatus::deleted) == r.recording_ids.empty())
        fail(at("receipts", i, "status"), "a receipt deleted something exactly when it lists recordings");
      if (r.counts.recordings != static_cast<std::int64_t>(r.recording_ids.size()))
        fail(at("receipts", i, "counts.recordings"), "counts every recording it lists");
      if (r.on_behalf_of && !starts_with(r.actor, kSupportPrefix))
        fail(at("receipts", i, "onBehalfOf"), "only a support agent acts on someone's behalf");
      for (std::size_t k = 0; k < r.recording_ids.size(); ++k) {
        const Tombstone* t = h.tombstone(r.recording_ids[k]);
        if (!t || t->request_id != r.request_id)
          fail(at("receipts", i, "recordingIds") + "[" + std::to_string(k) + "]",
               "every recording a receipt deleted is tombstoned under it (R-DEL-4)");
      }
    }
    for (std::size_t i = 0; i < s.removed_profiles.size(); ++i) {
      const DeletionReceipt* r = h.receipt(s.removed_profiles[i].request_id);
      if (!r || r->kind != DeletionKind::profile || r->profile_id != s.removed_profiles[i].profile_id)
        fail(at("removedProfiles", i, "requestId"), "a removal has the receipt of the profile's deletion");
    }
  }
};

}  // namespace

Errors Household::check() const { return check_state(*impl_, false); }

Errors check_state(Household::Impl& h, bool legacy_log) {
  if (!h.exists) return {};
  Checker c{h, {}};
  c.ids();
  for (Error& e : validate_policy(h.s.retention_policy, "retentionPolicy")) c.errors.push_back(std::move(e));
  if (auto e = check_overrides(h.s.jurisdiction_policy, "jurisdictionPolicy")) c.errors.push_back(std::move(*e));
  c.profiles();
  const AuditEntry* head = h.last_entry();
  // Schema 2 did not log intake, so only the current log bounds capture times.
  c.recordings(legacy_log ? kMaxInstant : head ? head->at : kMinInstant);
  c.deletions();
  if (!c.errors.empty()) return c.errors;
  // R-INT-3: the log vouches for this state.
  auto problem = legacy_log ? chain_problem(h.s.audit_log) : audit_problem(h.s.audit_log, h.digest(), std::nullopt);
  if (problem) {
    std::string where = "auditLog[" + std::to_string(problem->index) + "]";
    c.errors.push_back({code::audit_invalid, where, describe(*problem)});
  }
#ifdef PRIVACY_CHECK_INVARIANTS
  if (c.errors.empty() && h.digest() != h.digest_from_scratch())
    c.errors.push_back({code::internal, "", "the kept state digest differs from one computed afresh"});
#endif
  return c.errors;
}

}  // namespace privacy
