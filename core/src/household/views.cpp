#include "views.hpp"

#include "privacy/profiles.hpp"

namespace privacy {

EffectiveRetention effective(const Household::Impl& h, const Profile& p) {
  return effective_retention(p, h.s.retention_policy);
}

RetentionRule rule_of(const Household::Impl& h, const Profile& p) {
  return retention_rule(effective(h, p), h.s.retention_policy);
}

std::vector<RetentionRule> rules_by_slot(const Household::Impl& h) {
  std::vector<RetentionRule> out;
  out.reserve(h.s.profiles.size());
  for (const auto& p : h.s.profiles) out.push_back(rule_of(h, p));
  return out;
}

RecordingView view_of(const Recording& r, const RetentionRule& rule) {
  RecordingView v;
  static_cast<Recording&>(v) = r;
  v.due_at = due_at(r, rule);
  return v;
}

JurisdictionPolicy household_policy(const Household::Impl& h) {
  return policy_for(h.s.household.jurisdiction.value_or("US"), h.s.jurisdiction_policy);
}

privacy::Overview overview(const Household::Impl& h) {
  const HouseholdState& s = h.s;
  privacy::Overview out;
  out.household = s.household;
  out.guardians = s.guardians;
  out.devices = s.devices;
  out.retention_policy = s.retention_policy;
  out.privacy_notice = s.privacy_notice;
  auto rules = rules_by_slot(h);
  out.profiles.resize(s.profiles.size());
  for (std::size_t i = 0; i < s.profiles.size(); ++i) {
    ProfileView& v = out.profiles[i];
    static_cast<Profile&>(v) = s.profiles[i];
    v.effective_retention = effective(h, s.profiles[i]);
    v.removal_due_at = removal_due_at(s.profiles[i], s.retention_policy);
  }
  for (std::uint32_t i = 0; i < s.recordings.size(); ++i) {
    std::uint32_t slot = h.profile_of(i);
    ProfileView& v = out.profiles[slot];
    ++v.recording_count;
    if (auto d = due_at(s.recordings[i], rules[slot]); d && (!v.next_due_at || *d < *v.next_due_at)) v.next_due_at = d;
  }
  if (const AuditEntry* last = h.last_entry()) out.audit_head = {last->seq, last->hash};
  return out;
}

}  // namespace privacy
