#pragma once
// The IAB GPP string (RULES.md S6, R-SIG-2): "[header]~[section]~...". The
// header is Type(6) = 3, Version(6) = 1 and the section ids as a Fibonacci
// range; each section follows in the same order. Read field by field:
//   - 2 tcfeuv2: a TC string, held to the same rules as on its own (tcf.hpp);
//   - 6 uspv1: the four-character US Privacy string;
//   - 7 usnat (versions 1 and 2) and 8-27, the US state sections (usca ...
//     usri), each with its own fields and optional sub-sections (GPC, or the
//     sensitive-data consents of usin, usky, usri), as each section's
//     specification in the Global-Privacy-Platform repository gives them and
//     as @iabgpp/cmpapi encodes them (see core/src/signals/us_sections.cpp
//     for where the two differ and which is followed).
// Other registered sections (tcfcav1) are kept as text. Malformed input gives
// `invalid_signal` naming the section, the field and the character; a
// tcfeuv2 section that breaks TCF v2.3 gives `noncompliant_signal`.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/errors.hpp"
#include "privacy/signal_codes.hpp"
#include "privacy/tcf.hpp"

namespace privacy {

// US Privacy string (GPP section 6), e.g. "1YNN".
struct UspV1 {
  int version = 1;
  char notice = '-';         // 'Y', 'N' or '-'
  char opt_out_sale = '-';
  char lspa_covered = '-';
};

// The fields a US section can hold: the union over usnat and the twenty
// state sections, in no section's order (each section's layout orders them).
// JSON names: kUsFieldNames, the lower-camel-case of @iabgpp/cmpapi's names.
enum class UsField : std::uint8_t {
  version,
  mspa_version,  // usmd, usin, usky, usri: the first field, where others have Version
  sharing_notice,
  processing_notice,
  sale_opt_out_notice,
  sharing_opt_out_notice,
  targeted_advertising_opt_out_notice,
  sensitive_data_processing_opt_out_notice,
  sensitive_data_opt_out_notice,  // usia's name for it
  sensitive_data_limit_use_notice,
  sale_opt_out,
  sharing_opt_out,
  targeted_advertising_opt_out,
  personal_data_consents,
  additional_data_processing_consent,
  mspa_covered_transaction,
  mspa_opt_out_option_mode,
  mspa_service_provider_mode,
  mspa_mode,  // usmd, usin, usky, usri: 1 Opt-Out Option Mode, 2 Service Provider Mode
  sensitive_data_processing,            // N-Bitfield(2, n)
  known_child_sensitive_data_consents,  // N-Bitfield(2, n), or one Int(2)
  count
};
inline constexpr std::size_t kUsFieldCount = static_cast<std::size_t>(UsField::count);
extern const std::array<const char*, kUsFieldCount> kUsFieldNames;

// One US section (ids 7-27). Two-bit values are as the specifications give
// them: 0 not applicable, notices 1 yes / 2 no, opt-outs 1 opted out / 2 did
// not, consents 1 no / 2 yes.
struct UsSection {
  static constexpr std::uint8_t kAbsent = 0xFF;
  int id = 0;
  // Each single field's value; kAbsent where this section has no such field.
  std::array<std::uint8_t, kUsFieldCount> fields = filled();
  std::array<std::uint8_t, 16> sensitive_data_processing{};
  std::uint8_t sensitive_count = 0;  // 0: none (or usin/usky/usri without that sub-section)
  std::array<std::uint8_t, 5> known_child{};
  std::uint8_t known_child_count = 0;
  std::optional<bool> gpc;           // none: no GPC sub-section

  std::uint8_t operator[](UsField f) const { return fields[static_cast<std::size_t>(f)]; }
  bool has(UsField f) const { return (*this)[f] != kAbsent; }
  // Version, or MspaVersion where the section has that instead.
  int version() const { return has(UsField::version) ? (*this)[UsField::version] : (*this)[UsField::mspa_version]; }

 private:
  static constexpr std::array<std::uint8_t, kUsFieldCount> filled() {
    std::array<std::uint8_t, kUsFieldCount> a{};
    for (auto& v : a) v = kAbsent;
    return a;
  }
};

struct GppSection {
  int id = 0;
  std::string text;                 // the section as it appears in the string
  std::optional<TcString> tcfeuv2;  // id 2
  std::optional<UspV1> uspv1;       // id 6
  std::optional<UsSection> us;      // ids 7-27
  bool decoded() const { return tcfeuv2 || uspv1 || us; }
};

struct GppString {
  int version = 0;
  std::vector<int> section_ids;
  std::vector<GppSection> sections;  // in string order, one per section id
};

Result<GppString> decode_gpp(std::string_view text);

// The API prefix of a registered GPP section id ("usnat"), or nullptr.
const char* gpp_section_name(int id);
// A US section: usnat (7) or a state section (8-27).
constexpr bool is_us_section(int id) { return id >= 7 && id <= 27; }

}  // namespace privacy
