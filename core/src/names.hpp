#pragma once
// Enum <-> RULES.md word, from one table per enum, so each word is written
// once and both directions agree.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace privacy::detail {

template <class E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
constexpr std::string_view name_of(const Names<E, N>& names, E value) {
  for (const auto& [v, n] : names)
    if (v == value) return n;
  return "";
}

template <class E, std::size_t N>
constexpr std::optional<E> value_of(const Names<E, N>& names, std::string_view text) {
  for (const auto& [v, n] : names)
    if (n == text) return v;
  return std::nullopt;
}

}  // namespace privacy::detail
