// One US GPP section, field by field, by its layout (us_sections.cpp):
// the core sub-section, then optionally, after '.', the GPC sub-section or
// (usin, usky, usri) the sensitive-data consents. Strict where
// @iabgpp/cmpapi is lenient: the core must be exactly its layout's length
// (plus encoder padding), no two-bit field may be 3, MspaCoveredTransaction
// is 1 or 2, a section without sub-sections has no '.', and a GPC
// sub-section has type 1.
#include "gpp_us.hpp"

#include "bits.hpp"
#include "us_sections.hpp"

namespace privacy::detail {

namespace {

// A two-bit value: 0..2 (or 1..2 for MspaCoveredTransaction).
std::uint8_t two_bits(BitReader& in, UsField field) {
  std::size_t at = in.position();
  auto v = static_cast<std::uint8_t>(in.read(2, name_of(field)));
  bool covered = field == UsField::mspa_covered_transaction;
  if (v == 3 || (covered && v == 0))
    in.fail_at(at, name_of(field),
               join({"value ", num(v), " is not defined", covered ? " (1 yes, 2 no)" : " (0, 1 or 2)"}));
  return v;
}

template <std::size_t N>
void two_bit_list(BitReader& in, UsField field, std::array<std::uint8_t, N>& out, std::uint8_t count,
                  std::uint8_t& stored) {
  for (std::uint8_t i = 0; i < count; ++i) out[i] = two_bits(in, field);
  stored = count;
}

}  // namespace

void decode_us_section(std::string_view text, std::size_t base, int id, UsSection& out,
                       std::optional<Error>& error) {
  out.id = id;
  const char* section = gpp_section_name(id);
  std::size_t dot = text.find('.');
  std::string_view core = text.substr(0, dot);
  BitReader in(core, base, error);
  const UsLayout* first = us_layout(id, id == 7 ? 2 : 1);
  UsField version_field = first->steps[0].field;
  int version = static_cast<int>(in.read(6, name_of(version_field)));
  if (!in.ok()) return;
  const UsLayout* layout = us_layout(id, version);
  if (id >= 24 && version == id)
    return in.fail_at(0, name_of(version_field),
                      join({"this starts with the section's own id, ", num(static_cast<unsigned>(id)),
                            ": the section-header layout of the 2025 public-comment specification is not read; "
                            "the section is read as @iabgpp/cmpapi writes it, MspaVersion first"}));
  if (!layout)
    return in.fail_at(0, name_of(version_field),
                      id == 7 ? join({"usnat versions are 1 and 2; this is ", num(static_cast<unsigned>(version))})
                              : join({section, " version 1 is the only one; this is ",
                                      num(static_cast<unsigned>(version))}));
  const std::size_t needed = us_core_bits(*layout);
  if (in.remaining() + 6 < needed || in.remaining() + 6 - needed > kGppPadding)
    return in.fail_at(0, name_of(version_field),
                      join({section, " version ", num(static_cast<unsigned>(version)), " is ", num(needed),
                            " bits (", num((needed + 5) / 6), " or ", num((needed + kGppPadding) / 6),
                            " characters); this core has ", num(core.size()), " characters"}));
  out.fields[static_cast<std::size_t>(version_field)] = static_cast<std::uint8_t>(version);
  for (std::size_t i = 1; i < layout->step_count && in.ok(); ++i) {
    const UsStep& step = layout->steps[i];
    if (step.field == UsField::sensitive_data_processing)
      two_bit_list(in, step.field, out.sensitive_data_processing, step.count, out.sensitive_count);
    else if (step.field == UsField::known_child_sensitive_data_consents)
      two_bit_list(in, step.field, out.known_child, step.count ? step.count : 1, out.known_child_count);
    else
      out.fields[static_cast<std::size_t>(step.field)] = two_bits(in, step.field);
  }
  in.finish(kGppPadding);
  if (dot == std::string_view::npos || error) return;
  // A third sub-section shows as a '.' that is not base64url.
  BitReader sub(text.substr(dot + 1), base + dot + 1, error);
  if (layout->subsection == UsSubsection::none) {
    return sub.fail_at(0, "", join({section, " has no sub-sections"}));
  } else if (layout->subsection == UsSubsection::gpc) {
    if (sub.ok() && sub.read(2, "SubsectionType") != 1)
      return sub.fail_at(0, "SubsectionType", join({"the only optional ", section, " sub-section is GPC (type 1)"}));
    out.gpc = sub.flag("gpc");
  } else {
    two_bit_list(sub, UsField::sensitive_data_processing, out.sensitive_data_processing, 8, out.sensitive_count);
  }
  sub.finish(kGppPadding);
}

}  // namespace privacy::detail
