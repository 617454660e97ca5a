#include "privacy/recordings.hpp"

#include "names.hpp"

#include <array>
#include <utility>

namespace privacy {
namespace {
constexpr detail::Names<DerivedKind, 3> kDerived{
    {{DerivedKind::intent, "intent"},
     {DerivedKind::annotation, "annotation"},
     {DerivedKind::training_copy, "training_copy"}}};
constexpr detail::Names<Purpose, 7> kPurposes{
    {{Purpose::service, "service"},
     {Purpose::playback, "playback"},
     {Purpose::review, "review"},
     {Purpose::training, "training"},
     {Purpose::analytics, "analytics"},
     {Purpose::disclosure, "disclosure"},
     {Purpose::sale, "sale"}}};
}  // namespace

std::string_view to_string(DerivedKind kind) { return detail::name_of(kDerived, kind); }
std::optional<DerivedKind> derived_kind_from(std::string_view text) { return detail::value_of(kDerived, text); }
std::string_view to_string(Purpose purpose) { return detail::name_of(kPurposes, purpose); }
std::optional<Purpose> purpose_from(std::string_view text) { return detail::value_of(kPurposes, text); }

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
