#include "privacy/recordings.hpp"

#include <array>
#include <utility>

namespace privacy {
namespace {
constexpr std::array<std::pair<DerivedKind, std::string_view>, 3> kDerived{
    {{DerivedKind::intent, "intent"},
     {DerivedKind::annotation, "annotation"},
     {DerivedKind::training_copy, "training_copy"}}};
constexpr std::array<std::pair<Purpose, std::string_view>, 7> kPurposes{
    {{Purpose::service, "service"},
     {Purpose::playback, "playback"},
     {Purpose::review, "review"},
     {Purpose::training, "training"},
     {Purpose::analytics, "analytics"},
     {Purpose::disclosure, "disclosure"},
     {Purpose::sale, "sale"}}};
}  // namespace

std::string_view to_string(DerivedKind kind) {
  for (const auto& [k, n] : kDerived)
    if (k == kind) return n;
  return "";
}
std::optional<DerivedKind> derived_kind_from(std::string_view text) {
  for (const auto& [k, n] : kDerived)
    if (n == text) return k;
  return std::nullopt;
}
std::string_view to_string(Purpose purpose) {
  for (const auto& [k, n] : kPurposes)
    if (k == purpose) return n;
  return "";
}
std::optional<Purpose> purpose_from(std::string_view text) {
  for (const auto& [k, n] : kPurposes)
    if (n == text) return k;
  return std::nullopt;
}

void ArtifactCounts::add(const Recording& r) {
  ++recordings;
  if (r.audio) ++audio;
  if (r.transcript) ++transcript;
  for (const auto& d : r.derived) {
    switch (d.kind) {
      case DerivedKind::intent: ++intent; break;
      case DerivedKind::annotation: ++annotation; break;
      case DerivedKind::training_copy: ++training_copy; break;
    }
  }
}

}  // namespace privacy
