#pragma once
// The layout of every US GPP section (usnat, 7, and the state sections 8-27):
// its fields in encoding order, its optional sub-section, and which of its
// known-child slots say what. One table (us_sections.cpp) serves the
// decoder, the JSON writer and schema, and the US ad decision.
#include <array>
#include <cstdint>

#include "privacy/gpp.hpp"

namespace privacy::detail {

// One core field: a single Int(2) (count 0; Int(6) for the versions), or an
// N-Bitfield(2, count) list.
struct UsStep {
  UsField field;
  std::uint8_t count = 0;
};

// What may follow the core sub-section after '.'.
enum class UsSubsection : std::uint8_t {
  none,
  gpc,        // SubsectionType(2) = 1, Gpc(1)
  sensitive,  // usin, usky, usri: SensitiveDataProcessing, N-Bitfield(2, 8)
};

struct UsLayout {
  int id = 0;
  std::array<UsStep, 20> steps{};
  std::uint8_t step_count = 0;
  UsSubsection subsection = UsSubsection::none;
  // Indices into KnownChildSensitiveDataConsents (-1: none):
  std::int8_t child_slot = -1;     // a known child under 13 (COPPA)
  std::int8_t teen_13_15_slot = -1;  // consent to targeted advertising (or sharing) at 13-15
  std::int8_t teen_16_17_slot = -1;  // the same at 16-17
  bool under_16_slots = false;     // usca: its slots cover all under 16, child or teen alike
};

// The layout of section `id` (7..27) at `version` (usnat: 1 or 2; others 1),
// or nullptr.
const UsLayout* us_layout(int id, int version);

// The number of bits the core sub-section of `layout` takes.
unsigned us_core_bits(const UsLayout& layout);

// A field's JSON name.
inline const char* name_of(UsField f) { return kUsFieldNames[static_cast<std::size_t>(f)]; }

}  // namespace privacy::detail
