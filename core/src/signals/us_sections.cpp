// The US GPP sections, field by field, from each section's specification in
// InteractiveAdvertisingBureau/Global-Privacy-Platform (Sections/US-National
// and Sections/US-States/XX), checked against @iabgpp/cmpapi 3.2.0
// (IABTechLab/iabgpp-es, modules/cmpapi/src/encoder/segment/Us*Segment.ts).
//
// Where they differ we follow the library, for these reasons:
//   - usmd, usin, usky, usri (24-27): the October 2025 specifications (marked
//     "Version 1.0 public comment") put a section header first (SectionID(6),
//     Version(6), SubSections as a Fibonacci range) and then a core with
//     MspaVersion(6). No encoder writes that layout: @iabgpp/cmpapi, which
//     every CMP built on the IAB's own code uses, writes the core alone with
//     MspaVersion(6) first and the optional sub-section after '.', as for
//     the other states. Reading the specification's layout would refuse every
//     string in circulation, and the specification does not say how the
//     header and the core share a sub-section. We read the library's layout,
//     require MspaVersion 1 (the only version either writes), and refuse a
//     string that starts with the section's own id (24-27) with a message
//     saying it looks like the header layout.
//   - ustn (22): the specification names the known-child field
//     KnownChildSensitiveDataConsent (singular); the library's plural is the
//     name every other section uses, and JSON takes it.
// Everywhere else the specifications and the library agree field for field.
#include "us_sections.hpp"

#include <initializer_list>

namespace privacy {

const std::array<const char*, kUsFieldCount> kUsFieldNames = {
    "version", "mspaVersion", "sharingNotice", "processingNotice", "saleOptOutNotice",
    "sharingOptOutNotice", "targetedAdvertisingOptOutNotice", "sensitiveDataProcessingOptOutNotice",
    "sensitiveDataOptOutNotice", "sensitiveDataLimitUseNotice", "saleOptOut", "sharingOptOut",
    "targetedAdvertisingOptOut", "personalDataConsents", "additionalDataProcessingConsent",
    "mspaCoveredTransaction", "mspaOptOutOptionMode", "mspaServiceProviderMode", "mspaMode",
    "sensitiveDataProcessing", "knownChildSensitiveDataConsents"};

namespace detail {

namespace {

using F = UsField;

constexpr UsLayout layout(int id, std::initializer_list<UsStep> steps, UsSubsection sub, int child,
                          int teen_13_15 = -1, int teen_16_17 = -1, bool under_16 = false) {
  UsLayout l;
  l.id = id;
  for (const auto& s : steps) l.steps[l.step_count++] = s;
  l.subsection = sub;
  l.child_slot = static_cast<std::int8_t>(child);
  l.teen_13_15_slot = static_cast<std::int8_t>(teen_13_15);
  l.teen_16_17_slot = static_cast<std::int8_t>(teen_16_17);
  l.under_16_slots = under_16;
  return l;
}

constexpr UsStep one(F f) { return {f, 0}; }
constexpr UsStep list(F f, int n) { return {f, static_cast<std::uint8_t>(n)}; }
constexpr UsStep kMspa[] = {one(F::mspa_covered_transaction), one(F::mspa_opt_out_option_mode),
                            one(F::mspa_service_provider_mode)};

// The states from Texas on share one shape: ProcessingNotice, sale and
// targeted-advertising notices and opt-outs, SensitiveDataProcessing(n),
// known-child consents, AdditionalDataProcessingConsent, the MSPA fields.
constexpr UsLayout processing_state(int id, int sensitive, int children, int child, int teen_13_15 = -1,
                                    int teen_16_17 = -1) {
  return layout(id,
                {one(F::version), one(F::processing_notice), one(F::sale_opt_out_notice),
                 one(F::targeted_advertising_opt_out_notice), one(F::sale_opt_out),
                 one(F::targeted_advertising_opt_out), list(F::sensitive_data_processing, sensitive),
                 children ? list(F::known_child_sensitive_data_consents, children)
                          : one(F::known_child_sensitive_data_consents),
                 one(F::additional_data_processing_consent), kMspa[0], kMspa[1], kMspa[2]},
                UsSubsection::gpc, child, teen_13_15, teen_16_17);
}

// Virginia, Colorado, Connecticut, Montana: SharingNotice first.
constexpr UsLayout sharing_state(int id, int sensitive, int children, UsSubsection sub, bool additional,
                                 int teen_13_15 = -1) {
  UsLayout l = layout(id,
                      {one(F::version), one(F::sharing_notice), one(F::sale_opt_out_notice),
                       one(F::targeted_advertising_opt_out_notice), one(F::sale_opt_out),
                       one(F::targeted_advertising_opt_out), list(F::sensitive_data_processing, sensitive),
                       children ? list(F::known_child_sensitive_data_consents, children)
                                : one(F::known_child_sensitive_data_consents)},
                      sub, 0, teen_13_15);
  if (additional) l.steps[l.step_count++] = one(F::additional_data_processing_consent);
  for (const auto& s : kMspa) l.steps[l.step_count++] = s;
  return l;
}

// Maryland, Indiana, Kentucky, Rhode Island: MspaVersion, MspaCoveredTransaction and MspaMode first.
constexpr UsLayout mspa_first_state(int id, bool children, UsSubsection sub) {
  UsLayout l = layout(id,
                      {one(F::mspa_version), one(F::mspa_covered_transaction), one(F::mspa_mode),
                       one(F::processing_notice), one(F::sale_opt_out_notice),
                       one(F::targeted_advertising_opt_out_notice), one(F::sale_opt_out),
                       one(F::targeted_advertising_opt_out)},
                      sub, children ? 0 : -1);
  if (children) l.steps[l.step_count++] = one(F::known_child_sensitive_data_consents);
  l.steps[l.step_count++] = one(F::additional_data_processing_consent);
  return l;
}

constexpr UsLayout usnat(int sensitive, int children) {
  return layout(7,
                {one(F::version), one(F::sharing_notice), one(F::sale_opt_out_notice),
                 one(F::sharing_opt_out_notice), one(F::targeted_advertising_opt_out_notice),
                 one(F::sensitive_data_processing_opt_out_notice), one(F::sensitive_data_limit_use_notice),
                 one(F::sale_opt_out), one(F::sharing_opt_out), one(F::targeted_advertising_opt_out),
                 list(F::sensitive_data_processing, sensitive),
                 list(F::known_child_sensitive_data_consents, children), one(F::personal_data_consents),
                 kMspa[0], kMspa[1], kMspa[2]},
                // usnat: (1) 13 to 16, (2) under 13, (3) 16 to 17 (version 2 only).
                UsSubsection::gpc, 1, 0, children == 3 ? 2 : -1);
}

// usca: (1) consent to sell, (2) to share, the personal information of consumers under 16.
constexpr UsLayout kUsCa = layout(
    8,
    {one(F::version), one(F::sale_opt_out_notice), one(F::sharing_opt_out_notice),
     one(F::sensitive_data_limit_use_notice), one(F::sale_opt_out), one(F::sharing_opt_out),
     list(F::sensitive_data_processing, 9), list(F::known_child_sensitive_data_consents, 2),
     one(F::personal_data_consents), kMspa[0], kMspa[1], kMspa[2]},
    UsSubsection::gpc, -1, 1, -1, true);

// usut: a SensitiveDataProcessingOptOutNotice after the targeted-advertising notice, no GPC.
constexpr UsLayout kUsUt = layout(
    11,
    {one(F::version), one(F::sharing_notice), one(F::sale_opt_out_notice),
     one(F::targeted_advertising_opt_out_notice), one(F::sensitive_data_processing_opt_out_notice),
     one(F::sale_opt_out), one(F::targeted_advertising_opt_out), list(F::sensitive_data_processing, 8),
     one(F::known_child_sensitive_data_consents), kMspa[0], kMspa[1], kMspa[2]},
    UsSubsection::none, 0);

// usfl: (1) a known child under 13, (2) 13-15 and (3) 16-17 sensitive data; no GPC.
constexpr UsLayout usfl() {
  UsLayout l = processing_state(13, 8, 3, 0);
  l.subsection = UsSubsection::none;
  return l;
}

// usia: a SensitiveDataOptOutNotice, no AdditionalDataProcessingConsent.
constexpr UsLayout kUsIa = layout(
    18,
    {one(F::version), one(F::processing_notice), one(F::sale_opt_out_notice),
     one(F::targeted_advertising_opt_out_notice), one(F::sensitive_data_opt_out_notice), one(F::sale_opt_out),
     one(F::targeted_advertising_opt_out), list(F::sensitive_data_processing, 8),
     one(F::known_child_sensitive_data_consents), kMspa[0], kMspa[1], kMspa[2]},
    UsSubsection::gpc, 0);

// Indexed by id - 7; usnat version 1 beside it. The teen slots: CT, MT, NH,
// OR (3) "13-15 for targeted advertising"; DE, NJ also (5) "16-17" (NJ's
// specification says "at least 16 but younger than 17", as NJ's law draws it).
constexpr UsLayout kLayouts[] = {
    usnat(16, 3),                                                       // 7 usnat v2
    kUsCa,                                                              // 8 usca
    sharing_state(9, 8, 0, UsSubsection::none, false),                  // 9 usva
    sharing_state(10, 7, 0, UsSubsection::gpc, false),                  // 10 usco
    kUsUt,                                                              // 11 usut
    sharing_state(12, 8, 3, UsSubsection::gpc, false, 2),               // 12 usct
    usfl(),                                                             // 13 usfl
    sharing_state(14, 8, 3, UsSubsection::gpc, true, 2),                // 14 usmt
    processing_state(15, 11, 3, 0, 2),                                  // 15 usor
    processing_state(16, 8, 0, 0),                                      // 16 ustx
    processing_state(17, 9, 5, 0, 2, 4),                                // 17 usde
    kUsIa,                                                              // 18 usia
    processing_state(19, 8, 0, 0),                                      // 19 usne
    processing_state(20, 8, 3, 0, 2),                                   // 20 usnh
    processing_state(21, 10, 5, 0, 2, 4),                               // 21 usnj
    processing_state(22, 8, 0, 0),                                      // 22 ustn
    processing_state(23, 8, 0, 0),                                      // 23 usmn
    mspa_first_state(24, false, UsSubsection::gpc),                     // 24 usmd
    mspa_first_state(25, true, UsSubsection::sensitive),                // 25 usin
    mspa_first_state(26, true, UsSubsection::sensitive),                // 26 usky
    mspa_first_state(27, true, UsSubsection::sensitive),                // 27 usri
};
constexpr UsLayout kUsNatV1 = usnat(12, 2);

}  // namespace

const UsLayout* us_layout(int id, int version) {
  if (id == 7 && version == 1) return &kUsNatV1;
  if (id < 7 || id > 27 || version != (id == 7 ? 2 : 1)) return nullptr;
  return &kLayouts[id - 7];
}

unsigned us_core_bits(const UsLayout& layout) {
  unsigned bits = 0;
  for (std::size_t i = 0; i < layout.step_count; ++i) {
    const UsStep& s = layout.steps[i];
    bool version = s.field == F::version || s.field == F::mspa_version;
    bits += version ? 6 : s.count ? 2u * s.count : 2;
  }
  return bits;
}

}  // namespace detail
}  // namespace privacy
