#include "codec.hpp"

#include <charconv>

#include "../utf8.hpp"
#include "privacy/jurisdiction.hpp"

namespace privacy::json {

bool valid_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdBytes && detail::valid_utf8(id);
}

bool has_visible_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // U+00A0, U+2000..U+200F, U+2028..U+202F, U+205F..U+206F, U+3000,
      // U+FEFF: spaces, and the invisible marks that can pass for a name.
      std::size_t n = detail::utf8_sequence(text, i);
      if (n == 0) return true;
      std::string_view seq = text.substr(i, n);
      bool invisible = seq == "\xC2\xA0" || seq == "\xE3\x80\x80" || seq == "\xEF\xBB\xBF" ||
                       (n == 3 && static_cast<unsigned char>(seq[0]) == 0xE2 &&
                        ((static_cast<unsigned char>(seq[1]) == 0x80 &&
                          (static_cast<unsigned char>(seq[2]) <= 0x8F ||
                           (static_cast<unsigned char>(seq[2]) >= 0xA8 && static_cast<unsigned char>(seq[2]) <= 0xAF))) ||
                         (static_cast<unsigned char>(seq[1]) == 0x81 && static_cast<unsigned char>(seq[2]) >= 0x9F &&
                          static_cast<unsigned char>(seq[2]) <= 0xAF)));
      if (!invisible) return true;
      i += n;
      continue;
    }
    if (c > 0x20 && c != 0x7F) return true;
    ++i;
  }
  return false;
}

void read_value(Pull& p, std::string& out, schema::Id) {
  auto s = p.string("an id: a non-empty string of at most 128 bytes");
  if (!s) return;
  if (!valid_id(*s)) {
    p.fail(code::invalid_input, "must be an id: a non-empty string of at most " +
                                    std::to_string(kMaxIdBytes) + " bytes");
    return;
  }
  out = std::move(*s);
}

void read_value(Pull& p, std::string& out, schema::Text kind) {
  auto s = p.string();
  if (!s) return;
  if (s->size() > kind.max_bytes) {
    p.fail(code::too_large, "is longer than " + std::to_string(kind.max_bytes) + " bytes");
    return;
  }
  if (kind.non_empty && !has_visible_text(*s)) {
    p.fail(code::invalid_input, "must not be empty or only white space");
    return;
  }
  out = std::move(*s);
}

void read_value(Pull& p, std::string& out, schema::Date) {
  auto s = p.string("a date, YYYY-MM-DD");
  if (!s) return;
  if (s->size() != 10 || !parse_date(*s)) {
    p.fail(code::invalid_input, "must be a real date, YYYY-MM-DD");
    return;
  }
  out = std::move(*s);
}

void read_value(Pull& p, std::string& out, schema::Hash) {
  auto s = p.string("a SHA-256 hash: 64 lower-case hex digits");
  if (!s) return;
  bool hex = s->size() == 64;
  for (char c : *s) hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  if (!hex) {
    p.fail(code::invalid_input, "must be a SHA-256 hash: 64 lower-case hex digits");
    return;
  }
  out = std::move(*s);
}

void read_value(Pull& p, std::string& out, schema::Place kind) {
  auto s = p.string("an ISO 3166 code such as DE, GB, US or US-CA");
  if (!s) return;
  if (kind.or_anywhere && *s == "*") {
    out = std::move(*s);
    return;
  }
  if (auto bad = check_jurisdiction_code(*s)) {
    p.fail(code::invalid_input, bad->message);
    return;
  }
  out = std::move(*s);
}

void read_value(Pull& p, bool& out, schema::Bool) {
  if (auto b = p.boolean()) out = *b;
}

void read_value(Pull& p, std::int64_t& out, schema::Int kind) {
  if (auto n = p.integer(kind.min, kind.max)) out = *n;
}

void read_value(Pull& p, int& out, schema::Int kind) {
  if (auto n = p.integer(kind.min, kind.max)) out = static_cast<int>(*n);
}

std::optional<Instant> instant_from(Pull& p) {
  if (p.peek() == Kind::string) {
    auto s = p.string();
    if (auto t = parse_iso8601(*s)) return t;
    p.fail(code::invalid_input,
           "must be an ISO-8601 date-time with Z or an offset, e.g. 2026-11-29T10:15:00Z; a real "
           "date; no offset is not guessed");
    return std::nullopt;
  }
  if (p.peek() == Kind::integer) {
    // Range: what ISO-8601 years 1..9999 can say.
    Errors scratch;
    auto n = p.integer(kMinInstant, kMaxInstant);
    if (n) return *n;
    return std::nullopt;
  }
  auto s = p.string("epoch milliseconds (a whole number, years 1..9999) or an ISO-8601 string with an offset");
  (void)s;
  return std::nullopt;
}

void read_value(Pull& p, Instant& out, schema::At) {
  if (auto t = instant_from(p)) out = *t;
}

void read_value(Pull& p, nlohmann::json& out, schema::Tree kind) {
  if (p.peek() != Kind::object) {
    (void)p.enter_object();  // records the type error and skips
    return;
  }
  if (auto tree = p.tree(kind.max_values)) out = std::move(*tree);
}

void write_value(std::string& out, const std::string& value) { append_quoted(out, value); }
void write_value(std::string& out, bool value) { out += value ? "true" : "false"; }
// Through a buffer on the stack: std::to_string made a string per number,
// and an export or a decoded TC string is mostly numbers (issue 10 profile).
void write_value(std::string& out, std::int64_t value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, static_cast<std::size_t>(end - digits));
}
void write_value(std::string& out, int value) { write_value(out, static_cast<std::int64_t>(value)); }
void write_value(std::string& out, const nlohmann::json& value) {
  out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace privacy::json
