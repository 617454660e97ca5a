#pragma once
// Ad-tech consent signals (RULES.md S4), decoded strictly:
//   - the IAB TCF v2.2 TC string: the core segment with every field, and the
//     optional disclosed-vendors, allowed-vendors and publisher-TC segments;
//   - the IAB GPP string: the header and its sections, of which `tcfeuv2`
//     (id 2, a TC string), `uspv1` (id 6) and `usnat` (id 7, versions 1 and 2
//     with the GPC sub-section) are read field by field; other sections are
//     kept as text.
// Malformed input gives an `invalid_signal` error whose message names the
// character position and the field; nothing throws.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/errors.hpp"

namespace privacy {

// The longest TC or GPP string accepted (a TC string with every vendor
// bit-field encoded three times is about 33,000 characters).
inline constexpr std::size_t kMaxSignalBytes = 100000;

// A set of vendor ids (1..65535) as a bit map: bit (id - 1).
struct VendorSet {
  std::uint16_t max_vendor_id = 0;
  bool is_range_encoding = false;
  std::vector<std::uint64_t> bits;

  bool contains(unsigned vendor_id) const {
    return vendor_id >= 1 && vendor_id <= max_vendor_id &&
           (bits[(vendor_id - 1) / 64] >> ((vendor_id - 1) % 64) & 1u) != 0;
  }
  std::vector<std::uint16_t> ids() const;
};

struct VendorRange {
  std::uint16_t first = 0;
  std::uint16_t last = 0;
};

enum class RestrictionType : std::uint8_t { not_allowed = 0, require_consent = 1, require_li = 2 };

// One publisher restriction: purpose, type and the vendors it covers
// (sorted, merged ranges).
struct PublisherRestriction {
  std::uint8_t purpose_id = 0;
  RestrictionType type = RestrictionType::not_allowed;
  std::vector<VendorRange> vendors;
};

struct PublisherTc {
  std::uint32_t consents = 0;               // purposes 1..24: bit (purpose - 1)
  std::uint32_t legitimate_interests = 0;
  std::uint8_t num_custom_purposes = 0;     // 0..63
  std::uint64_t custom_consents = 0;
  std::uint64_t custom_legitimate_interests = 0;
};

// A decoded TC string (field names as in the TCF v2.2 specification).
struct TcString {
  int version = 0;
  std::int64_t created = 0;        // epoch milliseconds (encoded in deciseconds)
  std::int64_t last_updated = 0;
  int cmp_id = 0;
  int cmp_version = 0;
  int consent_screen = 0;
  std::array<char, 2> consent_language{};
  int vendor_list_version = 0;
  int policy_version = 0;
  bool is_service_specific = false;
  bool use_non_standard_texts = false;
  std::uint32_t special_feature_optins = 0;    // 12 bits: bit (id - 1)
  std::uint32_t purpose_consents = 0;          // 24 bits
  std::uint32_t purpose_legitimate_interests = 0;
  bool purpose_one_treatment = false;
  std::array<char, 2> publisher_country_code{};
  VendorSet vendor_consents;
  VendorSet vendor_legitimate_interests;
  std::vector<PublisherRestriction> publisher_restrictions;
  std::optional<VendorSet> vendors_disclosed;  // segment type 1
  std::optional<VendorSet> vendors_allowed;    // segment type 2
  std::optional<PublisherTc> publisher_tc;     // segment type 3

  bool purpose_consent(unsigned purpose) const {
    return purpose >= 1 && purpose <= 24 && (purpose_consents >> (purpose - 1) & 1u) != 0;
  }
  // The restriction a publisher set on (purpose, vendor), if any.
  std::optional<RestrictionType> restriction(unsigned purpose, unsigned vendor_id) const;
};

// `text` is a whole TC string; `offset` is added to every character position
// in error messages (for a TC string inside a GPP string).
Result<TcString> decode_tc_string(std::string_view text, std::size_t offset = 0);

// US Privacy string (GPP section 6), e.g. "1YNN".
struct UspV1 {
  int version = 1;
  char notice = '-';         // 'Y', 'N' or '-'
  char opt_out_sale = '-';
  char lspa_covered = '-';
};

// GPP section 7, `usnat`: each field is 0 (not applicable), 1 or 2 as in the
// specification (notices: 1 yes / 2 no; opt-outs: 1 opted out / 2 did not).
struct UsNat {
  // The single 2-bit fields, in encoding order (kUsNatFieldNames).
  enum Field : std::uint8_t {
    sharing_notice, sale_opt_out_notice, sharing_opt_out_notice,
    targeted_advertising_opt_out_notice, sensitive_data_processing_opt_out_notice,
    sensitive_data_limit_use_notice, sale_opt_out, sharing_opt_out,
    targeted_advertising_opt_out, personal_data_consents, mspa_covered_transaction,
    mspa_opt_out_option_mode, mspa_service_provider_mode, field_count
  };
  int version = 0;  // 1: 12 sensitive categories and 2 child ages; 2: 16 and 3
  std::array<std::uint8_t, field_count> fields{};
  std::vector<std::uint8_t> sensitive_data_processing;
  std::vector<std::uint8_t> known_child_sensitive_data_consents;
  std::optional<bool> gpc;  // none: no GPC sub-section

  std::uint8_t operator[](Field f) const { return fields[f]; }
};

// camelCase JSON names of UsNat::Field, in order.
extern const std::array<const char*, UsNat::field_count> kUsNatFieldNames;

struct GppSection {
  int id = 0;
  std::string text;                 // the section as it appears in the string
  std::optional<TcString> tcfeuv2;  // id 2
  std::optional<UspV1> uspv1;       // id 6
  std::optional<UsNat> usnat;       // id 7
  bool decoded() const { return tcfeuv2 || uspv1 || usnat; }
};

struct GppString {
  int version = 0;
  std::vector<int> section_ids;
  std::vector<GppSection> sections;  // in string order, one per section id
};

Result<GppString> decode_gpp(std::string_view text);

// The API prefix of a registered GPP section id ("usnat"), or nullptr.
const char* gpp_section_name(int id);

}  // namespace privacy
