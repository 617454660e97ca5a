#include "json_reader.hpp"

#include <algorithm>

#include "privacy/household.hpp"
#include "utf8.hpp"

namespace privacy::detail {

std::string join_path(const std::string& base, std::string_view key) {
  if (base.empty()) return std::string(key);
  return base + "." + std::string(key);
}

std::string index_path(const std::string& base, std::size_t index) {
  return base + "[" + std::to_string(index) + "]";
}

namespace {
const char* type_name(const json& v) {
  return v.is_object() ? "an object" : v.is_array() ? "an array" : v.is_string() ? "a string"
       : v.is_boolean() ? "a boolean" : v.is_number() ? "a number" : "null";
}
}  // namespace

bool Reader::object(std::initializer_list<std::string_view> allowed) {
  return object(std::vector<std::string_view>(allowed));
}

bool Reader::object(const std::vector<std::string_view>& allowed) {
  if (!value_.is_object()) {
    fail(code::invalid_input, path_, std::string("must be an object, not ") + type_name(value_));
    return false;
  }
  bool ok = true;
  // Wherever an actor acts, a support agent may name whose request it carries.
  bool acting = std::find(allowed.begin(), allowed.end(), "actor") != allowed.end();
  for (const auto& item : value_.items()) {
    if (acting && item.key() == "onBehalfOf") continue;
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      // Key text is untrusted: keep the message short and the path exact.
      fail(code::invalid_input, join_path(path_, utf8_prefix(item.key(), 64)), "is not a known field");
      ok = false;
    }
  }
  return ok;
}

const json* Reader::find(std::string_view key) const {
  if (!value_.is_object()) return nullptr;
  auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> Reader::text(std::string_view key, std::size_t max_bytes,
                                        bool required) {
  const json* v = find(key);
  if (!v) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (!v->is_string()) {
    fail(code::invalid_input, path(key), std::string("must be a string, not ") + type_name(*v));
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes) {
    fail(code::invalid_input, path(key), "is longer than " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  if (!valid_utf8(s)) {
    fail(code::invalid_input, path(key), "must be UTF-8 text");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> Reader::id(std::string_view key, bool required) {
  const json* v = find(key);
  if (!v) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (!v->is_string() || !valid_id(v->get_ref<const std::string&>())) {
    fail(code::invalid_input, path(key), "must be an id: a non-empty string of at most 128 bytes");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<bool> Reader::boolean(std::string_view key, bool required) {
  const json* v = find(key);
  if (!v) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (!v->is_boolean()) {
    fail(code::invalid_input, path(key), std::string("must be a boolean, not ") + type_name(*v));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::int64_t> Reader::integer(std::string_view key, std::int64_t min,
                                            std::int64_t max, bool required) {
  const json* v = find(key);
  if (!v) {
    if (required) missing(key);
    return std::nullopt;
  }
  std::optional<std::int64_t> n;
  if (v->is_number_integer()) {
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > std::uint64_t(INT64_MAX)) {
      n = std::nullopt;
    } else {
      n = v->get<std::int64_t>();
    }
  }
  if (!n || *n < min || *n > max) {
    fail(code::invalid_input, path(key),
         "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<Instant> read_instant(const json& v, const std::string& path, Errors& errors) {
  if (v.is_number_integer()) {
    bool in_range = v.is_number_unsigned() ? v.get<std::uint64_t>() <= std::uint64_t(kMaxInstant)
                                           : (v.get<std::int64_t>() >= kMinInstant &&
                                              v.get<std::int64_t>() <= kMaxInstant);
    if (in_range) return v.get<Instant>();
  } else if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (auto t = parse_iso8601(s)) return t;
    errors.push_back({code::invalid_input, path,
                      "must be an ISO-8601 date-time with Z or an offset, "
                      "e.g. 2026-11-29T10:15:00Z; a real date; no offset is not guessed"});
    return std::nullopt;
  }
  errors.push_back({code::invalid_input, path,
                    "must be epoch milliseconds (a whole number, years 1..9999) or an "
                    "ISO-8601 string with an offset"});
  return std::nullopt;
}

std::optional<Instant> Reader::instant(std::string_view key, bool required) {
  const json* v = find(key);
  if (!v) {
    if (required) missing(key);
    return std::nullopt;
  }
  return read_instant(*v, path(key), errors_);
}

}  // namespace privacy::detail
