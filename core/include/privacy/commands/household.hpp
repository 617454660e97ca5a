#pragma once
// Command specs: the household, its members, the written policy and notice.
// Each spec is the one definition of its command: name, summary, who may run
// it, what it changes and audits, its input fields and its answer.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "privacy/access.hpp"
#include "privacy/views.hpp"

namespace privacy {
struct Ctx;
}  // namespace privacy

namespace privacy::cmd {

struct CreateHousehold {
  static constexpr CommandInfo info{
      .name = "createHousehold",
      .summary = "Creates the household with the operator's written retention policy (R-RET-4, R-RET-7).",
      .access = access::operator_only,
      .changes = true,
      .audits = actions({AuditAction::household_created}),
      .needs_household = false};
  std::string id;
  std::string name;
  RetentionPolicy retention_policy;
  std::optional<PrivacyNotice> privacy_notice;
  std::optional<std::string> jurisdiction;
  using Output = privacy::Overview;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("id", &CreateHousehold::id, schema::Id{});
    v("name", &CreateHousehold::name, schema::Text{kMaxNameBytes, true});
    v("retentionPolicy", &CreateHousehold::retention_policy, schema::Object<RetentionPolicy>{},
      "R-RET-4: a finite child maximum per category");
    v("privacyNotice", &CreateHousehold::privacy_notice, schema::Object<PrivacyNotice>{},
      "default: version 1, what is collected, no third parties");
    v("jurisdiction", &CreateHousehold::jurisdiction, schema::Place{}, "R-AGE-3: where it lives; default: unknown (the US rules apply)");
  }
};

struct SetRetentionPolicy {
  static constexpr CommandInfo info{
      .name = "setRetentionPolicy",
      .summary = "Replaces the operator's written retention policy (R-RET-4, R-RET-7).",
      .access = access::operator_only,
      .changes = true,
      .audits = actions({AuditAction::retention_policy_set})};
  RetentionPolicy retention_policy;
  using Output = RetentionPolicy;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("retentionPolicy", &SetRetentionPolicy::retention_policy, schema::Object<RetentionPolicy>{});
  }
};

struct SetPrivacyNotice {
  static constexpr CommandInfo info{
      .name = "setPrivacyNotice",
      .summary = "Publishes a new privacy notice; a material change puts children's consent back to pending (R-CON-5).",
      .access = access::operator_only,
      .changes = true,
      .audits = actions({AuditAction::privacy_notice_set})};
  PrivacyNotice privacy_notice;
  using Output = NoticeChange;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("privacyNotice", &SetPrivacyNotice::privacy_notice, schema::Object<PrivacyNotice>{},
      "its version must be above the current one");
  }
};

struct AddGuardian {
  static constexpr CommandInfo info{
      .name = "addGuardian",
      .summary = "Adds a parent or guardian to the household (R-CON-6).",
      .access = access::admin,
      .changes = true,
      .audits = actions({AuditAction::guardian_added})};
  Guardian guardian;
  using Output = Guardian;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("guardian", &AddGuardian::guardian, schema::Object<Guardian>{}); }
};

struct AddDevice {
  static constexpr CommandInfo info{
      .name = "addDevice",
      .summary = "Adds a device (a speaker, a tablet) that records into the household's profiles.",
      .access = access::devices,
      .changes = true,
      .audits = actions({AuditAction::device_added})};
  Device device;
  using Output = Device;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("device", &AddDevice::device, schema::Object<Device>{}); }
};

struct RenameDevice {
  static constexpr CommandInfo info{
      .name = "renameDevice",
      .summary = "Renames a device; its recordings keep their device.",
      .access = access::devices,
      .changes = true,
      .audits = actions({AuditAction::device_renamed})};
  std::string device_id;
  std::string name;
  using Output = Device;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("deviceId", &RenameDevice::device_id, schema::Id{});
    v("name", &RenameDevice::name, schema::Text{kMaxNameBytes, true});
  }
};

struct SetJurisdiction {
  static constexpr CommandInfo info{
      .name = "setJurisdiction",
      .summary = "Where the household lives, as an ISO 3166 code: its age of digital consent and teen ad rules (R-AGE-3).",
      .access = access::admin,
      .changes = true,
      .audits = actions({AuditAction::jurisdiction_set})};
  std::optional<std::string> jurisdiction;
  using Output = HouseholdInfo;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("jurisdiction", &SetJurisdiction::jurisdiction, schema::Place{}, "null: unknown (the US rules apply)");
  }
};

struct SetJurisdictionPolicy {
  static constexpr CommandInfo info{
      .name = "setJurisdictionPolicy",
      .summary = "The operator's changes to the default table of consent ages and teen ad rules (R-AGE-3, R-AGE-4).",
      .access = access::operator_only,
      .changes = true,
      .audits = actions({AuditAction::jurisdiction_policy_set})};
  JurisdictionOverrides overrides;
  using Output = JurisdictionTable;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("overrides", &SetJurisdictionPolicy::overrides,
      schema::List<schema::Object<JurisdictionOverride>>{{}, kMaxPolicyRows}, "each code once; replaces the last set");
  }
};

struct JurisdictionPolicyOf {
  static constexpr CommandInfo info{
      .name = "jurisdictionPolicy",
      .summary = "What applies where: the row in force for a place (default: where the household lives), every default row with its source, and the operator's changes (R-AGE-3, R-AGE-4).",
      .access = access::published,
      .needs_now = false};
  std::optional<std::string> code;
  using Output = JurisdictionTable;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("code", &JurisdictionPolicyOf::code, schema::Place{}, "default: the household's jurisdiction, else US");
  }
};

struct Overview {
  static constexpr CommandInfo info{
      .name = "overview",
      .summary = "The household: members, devices, profiles with their effective retention and counts, policy, notice, audit head.",
      .access = access::members,
      .needs_now = false};
  using Output = privacy::Overview;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V&) {}
};

struct PrivacyDisclosure {
  static constexpr CommandInfo info{
      .name = "privacyDisclosure",
      .summary = "The children's privacy disclosure, as data and as escaped HTML (R-RET-7, R-CON-3, R-CON-4).",
      .access = access::published,
      .needs_now = false};
  using Output = nlohmann::json;
  Result<Output> apply(Ctx& ctx) const;
  static constexpr const char* answer_type = "PrivacyDisclosureAnswer";
  static nlohmann::json output_schema();
  template <class V> static void fields(V&) {}
};

struct AuthorizationTable {
  static constexpr CommandInfo info{
      .name = "authorizationTable",
      .summary = "Who may run each command, per target (R-CON-6, R-INT-5).",
      .subject = Subject::none,
      .needs_household = false,
      .needs_now = false};
  using Output = AccessTable;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V&) {}
};

struct DescribeCommands {
  static constexpr CommandInfo info{
      .name = "describeCommands",
      .summary = "Every command: its summary, who may run it, what it changes, and JSON Schemas of its input and answer.",
      .subject = Subject::none,
      .needs_household = false,
      .needs_now = false};
  using Output = RawJson;
  Result<Output> apply(Ctx& ctx) const;
  static constexpr const char* answer_type = "CommandDescriptions";
  static nlohmann::json output_schema();
  template <class V> static void fields(V&) {}
};

}  // namespace privacy::cmd
