#pragma once
// Strict reading of untrusted JSON into domain values, collecting every
// problem as {code, path, message} instead of throwing (nlohmann's get<>()
// throws on a wrong type, so every access checks the type first).
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/errors.hpp"
#include "privacy/time.hpp"

namespace privacy::detail {

using nlohmann::json;

std::string join_path(const std::string& base, std::string_view key);
std::string index_path(const std::string& base, std::size_t index);

class Reader {
 public:
  Reader(const json& value, std::string path, Errors& errors)
      : value_(value), path_(std::move(path)), errors_(errors) {}

  // The value must be an object holding only `allowed` keys.
  bool object(std::initializer_list<std::string_view> allowed);
  bool object(const std::vector<std::string_view>& allowed);

  // nullptr when absent or null.
  const json* find(std::string_view key) const;
  std::string path(std::string_view key) const { return join_path(path_, key); }
  const std::string& path() const { return path_; }
  Errors& errors() { return errors_; }

  std::optional<std::string> id(std::string_view key, bool required = true);
  std::optional<std::string> text(std::string_view key, std::size_t max_bytes,
                                  bool required = true);
  std::optional<bool> boolean(std::string_view key, bool required = true);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                      bool required = true);
  std::optional<Instant> instant(std::string_view key, bool required = true);

  template <class Parse>
  auto choice(std::string_view key, Parse parse, std::string_view expected, bool required = true)
      -> decltype(parse(std::string_view{})) {
    auto raw = text(key, 64, required);
    if (!raw) return std::nullopt;
    auto parsed = parse(*raw);
    if (!parsed) fail(code::invalid_input, path(key), "must be one of " + std::string(expected));
    return parsed;
  }

  void fail(const char* error_code, std::string where, std::string message) {
    errors_.push_back({error_code, std::move(where), std::move(message)});
  }
  void missing(std::string_view key) { fail(code::invalid_input, path(key), "is required"); }

 private:
  const json& value_;
  std::string path_;
  Errors& errors_;
};

// An instant given as epoch milliseconds (an integer) or ISO-8601 with an offset.
std::optional<Instant> read_instant(const json& value, const std::string& path, Errors& errors);

}  // namespace privacy::detail
