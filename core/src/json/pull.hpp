#pragma once
// Pull reading over the tokenizer: objects, arrays and values one at a time,
// with the path of what is being read, so that typed readers take input
// straight into the model and report each problem as {code, path, message}.
//
// Two kinds of problem: a value of the wrong type or out of range is recorded
// and skipped, so one answer lists every bad field; text that is not JSON
// stops the reading (broken()).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "privacy/errors.hpp"
#include "tokens.hpp"

namespace privacy::json {

// How deep input may nest (commands and states need 6; the rest is room).
inline constexpr int kMaxDepth = 32;
// At most this many errors are collected before reading stops.
inline constexpr std::size_t kMaxErrors = 100;

enum class Kind : std::uint8_t { null, boolean, string, integer, number, object, array, invalid };

class Pull {
 public:
  Pull(std::string_view text, Errors& errors);

  // False once the text is not JSON or too many errors were found.
  bool ok() const { return !broken_; }
  Errors& errors() { return errors_; }

  // The kind of the next value.
  Kind peek() const;

  // Objects: `if (p.enter_object()) while (p.next_key()) { ... p.key() ... }`.
  // enter_object() records "must be an object" (and skips the value) when it is not one.
  bool enter_object();
  bool next_key();
  const std::string& key() const { return steps_[static_cast<std::size_t>(depth_ - 1)].key; }

  // Arrays, likewise: `if (p.enter_array()) while (p.next_item()) { ... }`.
  bool enter_array();
  bool next_item();
  std::size_t item_index() const { return steps_[static_cast<std::size_t>(depth_ - 1)].index; }

  // Scalars. Each consumes the value; on a wrong type it records the error
  // (with `expected` in words) and skips it.
  bool take_null();  // consumes and returns true only if the value is null
  std::optional<std::string> string(const char* expected = "a string");
  std::optional<bool> boolean();
  // A whole number in [min, max].
  std::optional<std::int64_t> integer(std::int64_t min, std::int64_t max);
  // Any value, kept as a tree (free-form details). Objects may not repeat a
  // key; at most `budget` values.
  std::optional<nlohmann::json> tree(std::size_t budget);

  void skip();
  // The next value's text as it stands (skipped, checked as JSON only).
  std::string_view raw();

  // The end of the text: nothing but white space may follow.
  void finish();

  // Problems at the current path (the field being read), or below it.
  void fail(const char* code, std::string message);
  void fail_at(std::string_view child, const char* code, std::string message);
  std::string path() const;
  std::string path_with(std::string_view child) const;

 private:
  struct Frame {
    bool object = false;
    std::size_t count = 0;  // members or items read so far
  };
  void advance() { tok_ = tokens_.next(); }
  void syntax(const char* what);
  bool enter(bool object);
  bool next_member(bool object);
  void type_error(const char* expected);
  bool tree_value(nlohmann::json& out, std::size_t& budget, int depth);

  Tokenizer tokens_;
  Token tok_ = Token::end;
  Errors& errors_;
  bool broken_ = false;
  std::array<Frame, kMaxDepth + 2> frames_{};
  int depth_ = 0;
  // The path: one entry per open level; a key or an index.
  struct Step {
    std::string key;
    std::size_t index = 0;
    bool is_index = false;
  };
  std::array<Step, kMaxDepth + 2> steps_{};
};

}  // namespace privacy::json
