// The household, its members, the written policy and the notice.
#include "../json/codec.hpp"
#include "context.hpp"
#include "privacy/disclosure.hpp"
#include "privacy/profiles.hpp"
#include "privacy/retention.hpp"
#include "views.hpp"

namespace privacy {

using cmd::AddDevice;
using cmd::AddGuardian;
using cmd::CreateHousehold;
using cmd::SetPrivacyNotice;
using cmd::SetRetentionPolicy;

Result<privacy::Overview> CreateHousehold::apply(Ctx& ctx) const {
  if (ctx.h.exists) return Error{code::conflict, "", "this engine already holds a household"};
  Errors invalid = validate_policy(retention_policy, "retentionPolicy");
  if (!invalid.empty()) return invalid;
  Household::Impl& h = ctx.h;
  h.s = HouseholdState{};
  h.s.household = {id, name, jurisdiction};
  h.s.retention_policy = retention_policy;
  h.s.privacy_notice = privacy_notice.value_or(default_privacy_notice());
  h.exists = true;
  h.rebuild();
  ctx.log(AuditAction::household_created,
          {{"householdId", id},
           {"retentionPolicy", json::to_tree(retention_policy)},
           {"privacyNotice", json::to_tree(h.s.privacy_notice)}});
  return overview(h);
}

Result<RetentionPolicy> SetRetentionPolicy::apply(Ctx& ctx) const {
  Errors invalid = validate_policy(retention_policy, "retentionPolicy");
  if (!invalid.empty()) return invalid;
  ctx.h.edit_policy() = retention_policy;
  ctx.log(AuditAction::retention_policy_set,
          {{"retentionPolicy", json::to_tree(retention_policy)}});
  return retention_policy;
}

// R-CON-5: a material change to what is collected or disclosed puts every
// child with consent back to pending: collection stops until it is given
// again, and disclosure is off until the parent confirms it again (R-CON-3).
Result<NoticeChange> SetPrivacyNotice::apply(Ctx& ctx) const {
  Household::Impl& h = ctx.h;
  if (privacy_notice.version <= h.s.privacy_notice.version)
    return Error{code::conflict, "privacyNotice.version",
                 "a new notice needs a version above " + std::to_string(h.s.privacy_notice.version)};
  NoticeChange out;
  out.material = privacy_notice.materially_differs(h.s.privacy_notice);
  if (out.material) {
    for (std::uint32_t i = 0; i < h.s.profiles.size(); ++i) {
      const Profile& p = h.s.profiles[i];
      if (p.kind != ProfileKind::child || p.consent->state != ConsentState::verified) continue;
      Profile& edit = h.edit_profile(i);
      edit.consent->state = ConsentState::pending;
      edit.consent->requested_method = edit.consent->evidence->method;
      edit.consent->reason = ConsentReason::material_change;
      edit.consent->disclosure = false;
      edit.enabled = false;
      out.need_consent.push_back(p.id);
    }
  }
  h.edit_notice() = privacy_notice;
  out.privacy_notice = privacy_notice;
  ctx.log(AuditAction::privacy_notice_set, {{"privacyNotice", json::to_tree(privacy_notice)},
                                            {"material", out.material},
                                            {"needConsent", out.need_consent}});
  return out;
}

Result<Guardian> AddGuardian::apply(Ctx& ctx) const {
  if (ctx.h.actor_id_taken(guardian.id))
    return Error{code::conflict, "guardian.id", "id '" + guardian.id + "' is already used"};
  ctx.h.add_guardian(guardian);
  ctx.log(AuditAction::guardian_added, json::to_tree(guardian));
  return guardian;
}

Result<Device> AddDevice::apply(Ctx& ctx) const {
  if (ctx.h.device(device.id)) return Error{code::conflict, "device.id", "id '" + device.id + "' is already used"};
  ctx.h.add_device(device);
  ctx.log(AuditAction::device_added, json::to_tree(device));
  return device;
}

Result<Device> cmd::RenameDevice::apply(Ctx& ctx) const {
  const Device* d = ctx.h.device(device_id);
  if (!d) return Error{code::not_found, "deviceId", "no device '" + device_id + "' in this household"};
  const auto slot = static_cast<std::uint32_t>(d - ctx.h.s.devices.data());
  std::string previous = d->name;
  ctx.h.edit_device(slot).name = name;
  ctx.log(AuditAction::device_renamed, {{"deviceId", device_id}, {"from", previous}, {"to", name}});
  return ctx.h.s.devices[slot];
}

Result<HouseholdInfo> cmd::SetJurisdiction::apply(Ctx& ctx) const {
  std::optional<std::string> previous = ctx.h.s.household.jurisdiction;
  ctx.h.edit_info().jurisdiction = jurisdiction;
  ctx.log(AuditAction::jurisdiction_set, {{"from", previous ? nlohmann::json(*previous) : nlohmann::json()},
                                          {"to", jurisdiction ? nlohmann::json(*jurisdiction) : nlohmann::json()}});
  return ctx.h.s.household;
}

namespace {
JurisdictionRow row_of(const JurisdictionPolicy& p) {
  return {p.code, p.regime, p.consent_age, p.teen_13_15, p.teen_16_17, p.gpp_section, std::string(p.source)};
}

JurisdictionTable table_of(const Household::Impl& h, const std::optional<std::string>& code) {
  JurisdictionTable out;
  out.code = code.value_or(h.s.household.jurisdiction.value_or("US"));
  out.in_force = row_of(policy_for(out.code, h.s.jurisdiction_policy));
  for (const auto& row : default_jurisdictions()) out.defaults.push_back(row_of(row));
  out.overrides = h.s.jurisdiction_policy;
  return out;
}
}  // namespace

Result<JurisdictionTable> cmd::SetJurisdictionPolicy::apply(Ctx& ctx) const {
  if (auto e = check_overrides(overrides, "overrides")) return *e;
  ctx.h.edit_jurisdiction_policy() = overrides;
  ctx.log(AuditAction::jurisdiction_policy_set, {{"overrides", json::to_tree(overrides)}});
  return table_of(ctx.h, std::nullopt);
}

Result<JurisdictionTable> cmd::JurisdictionPolicyOf::apply(Ctx& ctx) const { return table_of(ctx.h, code); }

Result<privacy::Overview> cmd::Overview::apply(Ctx& ctx) const { return overview(ctx.h); }

Result<nlohmann::json> cmd::PrivacyDisclosure::apply(Ctx& ctx) const {
  nlohmann::json disclosure = privacy_disclosure(ctx.h.s);
  return nlohmann::json{{"disclosure", disclosure}, {"html", privacy_disclosure_html(disclosure)}};
}

}  // namespace privacy
