#pragma once
// A strict JSON tokenizer (RFC 8259) over text in memory, for reading
// untrusted input straight into the typed model.
//
// Written by hand because nlohmann/json, the library the rest of the core
// uses, offers only a DOM and a SAX push interface: its lexer is a private
// detail class that copies every character into two buffers. Reading a
// household of a million recordings through a DOM costs gigabytes in wasm;
// a pull tokenizer lets each reader take exactly the fields it knows.
// tests/native/json_reader_test.cpp checks it against nlohmann on generated text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace privacy::json {

enum class Token : std::uint8_t {
  end,          // the text is over
  null,
  true_,
  false_,
  string,       // string() holds the decoded UTF-8
  integer,      // fits int64: integer()
  unsigned_,    // above INT64_MAX, fits uint64: unsigned_value()
  number,       // a fraction, an exponent, or too large: number_text()
  begin_object,
  end_object,
  begin_array,
  end_array,
  colon,
  comma,
  error,        // error() says what; position() where
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  Token next();

  std::string_view string() const { return decoded_; }
  std::int64_t integer() const { return integer_; }
  std::uint64_t unsigned_value() const { return unsigned_; }
  std::string_view number_text() const { return number_; }
  // The byte offset where the last token starts.
  std::size_t position() const { return start_; }
  std::string_view text() const { return text_; }
  const char* error() const { return error_; }

 private:
  Token fail(const char* what, std::size_t at) {
    error_ = what;
    start_ = at;
    return Token::error;
  }
  Token scan_string();
  Token scan_number();
  Token scan_literal(std::string_view word, Token token);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  const char* error_ = "";
  std::string buffer_;          // a string that had escapes, decoded
  std::string_view decoded_;    // into the text, or into buffer_
  std::string_view number_;
  std::int64_t integer_ = 0;
  std::uint64_t unsigned_ = 0;
};

// Escapes `s` (valid UTF-8) as a JSON string, quotes included, the way
// nlohmann's dump() does without ensure_ascii: `"` `\` and control
// characters escaped, everything else as is.
void append_quoted(std::string& out, std::string_view s);

}  // namespace privacy::json
