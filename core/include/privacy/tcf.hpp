#pragma once
// The IAB TCF TC string (RULES.md S5, R-SIG-1): "Consent string and vendor
// list formats v2", version history "Apr 2025, 2.3", and the implementation
// guidelines. decode_tc_string reads the core segment with every field and
// the Disclosed Vendors and Publisher TC segments (in any order after the
// core), and holds the string to the v2.3 rules:
//   - Version 2, IsServiceSpecific 1, TcfPolicyVersion 4 or more;
//   - PurposesLITransparency 0 for purposes 1 and 3-6;
//   - a string created (or last updated) on or after 2026-03-01 carries the
//     Disclosed Vendors segment (v2.2 strings made before keep it optional);
//   - no AllowedVendors segment (type 2: removed with Global Scope in 2021).
// A string that does not decode gives `invalid_signal`; one that decodes but
// breaks a rule gives `noncompliant_signal`; both name the field and the
// character position. Nothing throws.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "privacy/errors.hpp"
#include "privacy/signal_codes.hpp"

namespace privacy {

// 2026-03-01T00:00:00Z: TCF v2.3 in force; strings from then on must carry
// the Disclosed Vendors segment.
inline constexpr std::int64_t kTcfV23Since = 1772323200000;

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

// A decoded TC string (field names as in the TCF specification).
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
  std::optional<PublisherTc> publisher_tc;     // segment type 3

  bool purpose_consent(unsigned purpose) const {
    return purpose >= 1 && purpose <= 24 && (purpose_consents >> (purpose - 1) & 1u) != 0;
  }
  // The restriction a publisher set on (purpose, vendor), if any.
  std::optional<RestrictionType> restriction(unsigned purpose, unsigned vendor_id) const;
  // Made under TCF v2.3 (on or after kTcfV23Since): Disclosed Vendors is mandatory.
  bool is_v23() const { return created >= kTcfV23Since || last_updated >= kTcfV23Since; }
};

// `text` is a whole TC string; `offset` is added to every character position
// in error messages (for a TC string inside a GPP string).
Result<TcString> decode_tc_string(std::string_view text, std::size_t offset = 0);

}  // namespace privacy
