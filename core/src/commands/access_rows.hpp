#pragma once
// The authorization table's rows, from each command's spec (R-CON-6, R-INT-5).
#include "privacy/commands.hpp"
#include "privacy/views.hpp"

namespace privacy {

inline std::vector<ActorKind> kinds_in(std::uint32_t bits) {
  std::vector<ActorKind> out;
  for (const auto& [kind, name] : Words<ActorKind>::table)
    if (bits & bit(kind)) out.push_back(kind);
  return out;
}

template <class C>
void access_rows(std::vector<AccessRow>& rows) {
  constexpr const CommandInfo& info = C::info;
  if (info.subject == Subject::none) return;
  for (const auto& [target, name] : Words<Target>::table) {
    if (!info.access.applies(target)) continue;
    const Rule& rule = info.access.rule(target);
    rows.push_back({std::string(info.name), target, kinds_in(rule.allow), kinds_in(rule.self)});
  }
}

template <class... C>
std::vector<AccessRow> all_rows(CommandList<C...>) {
  std::vector<AccessRow> rows;
  (access_rows<C>(rows), ...);
  return rows;
}

}  // namespace privacy
