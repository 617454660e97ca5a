#include "tokens.hpp"

#include <cstring>

#include "../utf8.hpp"

namespace privacy::json {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

Token Tokenizer::next() {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
    ++pos_;
  }
  start_ = pos_;
  if (pos_ >= text_.size()) return Token::end;
  switch (text_[pos_]) {
    case '{': ++pos_; return Token::begin_object;
    case '}': ++pos_; return Token::end_object;
    case '[': ++pos_; return Token::begin_array;
    case ']': ++pos_; return Token::end_array;
    case ':': ++pos_; return Token::colon;
    case ',': ++pos_; return Token::comma;
    case '"': return scan_string();
    case 't': return scan_literal("true", Token::true_);
    case 'f': return scan_literal("false", Token::false_);
    case 'n': return scan_literal("null", Token::null);
    default: break;
  }
  char c = text_[pos_];
  if (c == '-' || is_digit(c)) return scan_number();
  return fail("unexpected character", pos_);
}

Token Tokenizer::scan_literal(std::string_view word, Token token) {
  if (text_.substr(pos_, word.size()) != word) return fail("invalid literal", pos_);
  pos_ += word.size();
  return token;
}

Token Tokenizer::scan_string() {
  const std::size_t open = pos_++;
  const std::size_t first = pos_;
  const char* data = text_.data();
  const std::size_t size = text_.size();
  // Fast path: no escapes, so the value is a view into the text.
  while (pos_ < size) {
    unsigned char c = static_cast<unsigned char>(data[pos_]);
    if (c == '"') {
      decoded_ = text_.substr(first, pos_ - first);
      ++pos_;
      return Token::string;
    }
    if (c == '\\') break;
    if (c < 0x20) return fail("control character in a string", pos_);
    if (c < 0x80) {
      ++pos_;
      continue;
    }
    std::size_t n = detail::utf8_sequence(text_, pos_);
    if (n == 0) return fail("invalid UTF-8 in a string", pos_);
    pos_ += n;
  }
  if (pos_ >= size) return fail("unterminated string", open);
  buffer_.assign(data + first, pos_ - first);
  while (pos_ < size) {
    unsigned char c = static_cast<unsigned char>(data[pos_]);
    if (c == '"') {
      decoded_ = buffer_;
      ++pos_;
      return Token::string;
    }
    if (c < 0x20) return fail("control character in a string", pos_);
    if (c >= 0x80) {
      std::size_t n = detail::utf8_sequence(text_, pos_);
      if (n == 0) return fail("invalid UTF-8 in a string", pos_);
      buffer_.append(data + pos_, n);
      pos_ += n;
      continue;
    }
    if (c != '\\') {
      buffer_.push_back(static_cast<char>(c));
      ++pos_;
      continue;
    }
    const std::size_t escape = pos_++;
    if (pos_ >= size) return fail("unterminated string", open);
    char e = data[pos_++];
    switch (e) {
      case '"': buffer_.push_back('"'); break;
      case '\\': buffer_.push_back('\\'); break;
      case '/': buffer_.push_back('/'); break;
      case 'b': buffer_.push_back('\b'); break;
      case 'f': buffer_.push_back('\f'); break;
      case 'n': buffer_.push_back('\n'); break;
      case 'r': buffer_.push_back('\r'); break;
      case 't': buffer_.push_back('\t'); break;
      case 'u': {
        auto hex4 = [&](std::uint32_t& out) {
          if (pos_ + 4 > size) return false;
          out = 0;
          for (int i = 0; i < 4; ++i) {
            int v = hex_value(data[pos_ + static_cast<std::size_t>(i)]);
            if (v < 0) return false;
            out = out * 16 + static_cast<std::uint32_t>(v);
          }
          pos_ += 4;
          return true;
        };
        std::uint32_t cp = 0;
        if (!hex4(cp)) return fail("invalid \\u escape", escape);
        if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("lone surrogate in \\u escape", escape);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          std::uint32_t low = 0;
          if (pos_ + 2 > size || data[pos_] != '\\' || data[pos_ + 1] != 'u')
            return fail("lone surrogate in \\u escape", escape);
          pos_ += 2;
          if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
            return fail("lone surrogate in \\u escape", escape);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(buffer_, cp);
        break;
      }
      default: return fail("invalid escape in a string", escape);
    }
  }
  return fail("unterminated string", open);
}

Token Tokenizer::scan_number() {
  const std::size_t first = pos_;
  const char* data = text_.data();
  const std::size_t size = text_.size();
  bool negative = data[pos_] == '-';
  if (negative) ++pos_;
  if (pos_ >= size || !is_digit(data[pos_])) return fail("invalid number", first);
  bool fraction_or_exponent = false;
  if (data[pos_] == '0') {
    ++pos_;
    if (pos_ < size && is_digit(data[pos_])) return fail("invalid number: leading zero", first);
  } else {
    while (pos_ < size && is_digit(data[pos_])) ++pos_;
  }
  const std::size_t integer_end = pos_;
  if (pos_ < size && data[pos_] == '.') {
    fraction_or_exponent = true;
    ++pos_;
    if (pos_ >= size || !is_digit(data[pos_])) return fail("invalid number", first);
    while (pos_ < size && is_digit(data[pos_])) ++pos_;
  }
  if (pos_ < size && (data[pos_] == 'e' || data[pos_] == 'E')) {
    fraction_or_exponent = true;
    ++pos_;
    if (pos_ < size && (data[pos_] == '+' || data[pos_] == '-')) ++pos_;
    if (pos_ >= size || !is_digit(data[pos_])) return fail("invalid number", first);
    while (pos_ < size && is_digit(data[pos_])) ++pos_;
  }
  number_ = text_.substr(first, pos_ - first);
  if (fraction_or_exponent) return Token::number;
  // Whole numbers: exact when they fit 64 bits, otherwise kept as text.
  std::uint64_t value = 0;
  for (std::size_t i = negative ? first + 1 : first; i < integer_end; ++i) {
    auto digit = static_cast<std::uint64_t>(data[i] - '0');
    if (value > (UINT64_MAX - digit) / 10) return Token::number;
    value = value * 10 + digit;
  }
  if (negative) {
    if (value > std::uint64_t{1} << 63) return Token::number;
    integer_ = value == std::uint64_t{1} << 63 ? INT64_MIN : -static_cast<std::int64_t>(value);
    return Token::integer;
  }
  if (value > static_cast<std::uint64_t>(INT64_MAX)) {
    unsigned_ = value;
    return Token::unsigned_;
  }
  integer_ = static_cast<std::int64_t>(value);
  return Token::integer;
}

void append_quoted(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;  // start of the current run of plain bytes
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default: {
        char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(esc, 6);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

}  // namespace privacy::json
