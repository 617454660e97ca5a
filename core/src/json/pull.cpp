#include "pull.hpp"

#include "../utf8.hpp"

namespace privacy::json {

namespace {
const char* kind_name(Kind k) {
  switch (k) {
    case Kind::null: return "null";
    case Kind::boolean: return "a boolean";
    case Kind::string: return "a string";
    case Kind::integer: return "a whole number";
    case Kind::number: return "a number";
    case Kind::object: return "an object";
    case Kind::array: return "an array";
    case Kind::invalid: break;
  }
  return "not JSON";
}
}  // namespace

Pull::Pull(std::string_view text, Errors& errors) : tokens_(text), errors_(errors) {
  advance();
  if (tok_ == Token::error) syntax(tokens_.error());
}

Kind Pull::peek() const {
  switch (tok_) {
    case Token::null: return Kind::null;
    case Token::true_:
    case Token::false_: return Kind::boolean;
    case Token::string: return Kind::string;
    case Token::integer:
    case Token::unsigned_: return Kind::integer;
    case Token::number: return Kind::number;
    case Token::begin_object: return Kind::object;
    case Token::begin_array: return Kind::array;
    default: return Kind::invalid;
  }
}

void Pull::syntax(const char* what) {
  if (broken_) return;
  broken_ = true;
  std::string at = std::to_string(tok_ == Token::error ? tokens_.position() : tokens_.position());
  errors_.push_back({code::invalid_input, path(),
                     std::string("not valid JSON at byte ") + at + ": " + what});
}

std::string Pull::path() const { return path_with({}); }

std::string Pull::path_with(std::string_view child) const {
  std::string out;
  for (int i = 0; i < depth_; ++i) {
    const Step& s = steps_[static_cast<std::size_t>(i)];
    if (s.is_index) {
      out += '[';
      out += std::to_string(s.index);
      out += ']';
    } else {
      if (!out.empty()) out += '.';
      // Keys are untrusted: short and valid UTF-8 in a message.
      out += detail::utf8_prefix(s.key, 64);
    }
  }
  if (!child.empty()) {
    if (!out.empty()) out += '.';
    out += child;
  }
  return out;
}

void Pull::fail(const char* error_code, std::string message) {
  if (broken_) return;
  errors_.push_back({error_code, path(), std::move(message)});
  if (errors_.size() >= kMaxErrors) broken_ = true;
}

void Pull::fail_at(std::string_view child, const char* error_code, std::string message) {
  if (broken_) return;
  errors_.push_back({error_code, path_with(child), std::move(message)});
  if (errors_.size() >= kMaxErrors) broken_ = true;
}

void Pull::type_error(const char* expected) {
  Kind k = peek();
  if (k == Kind::invalid) {
    syntax(tok_ == Token::error ? tokens_.error() : "a value was expected");
    return;
  }
  fail(code::invalid_input, std::string("must be ") + expected + ", not " + kind_name(k));
  skip();
}

bool Pull::enter(bool object) {
  if (broken_) return false;
  if (tok_ != (object ? Token::begin_object : Token::begin_array)) {
    type_error(object ? "an object" : "an array");
    return false;
  }
  if (depth_ >= kMaxDepth) {
    syntax("nested deeper than 32 levels");
    return false;
  }
  frames_[static_cast<std::size_t>(depth_)] = Frame{object, 0};
  ++depth_;
  advance();
  return true;
}

bool Pull::enter_object() { return enter(true); }
bool Pull::enter_array() { return enter(false); }

bool Pull::next_member(bool object) {
  if (broken_) return false;
  Frame& f = frames_[static_cast<std::size_t>(depth_ - 1)];
  Token close = object ? Token::end_object : Token::end_array;
  if (tok_ == close) {
    --depth_;
    advance();
    if (tok_ == Token::error) syntax(tokens_.error());
    return false;
  }
  if (f.count > 0) {
    if (tok_ != Token::comma) {
      syntax(object ? "expected , or } after a member" : "expected , or ] after an item");
      return false;
    }
    advance();
  }
  Step& step = steps_[static_cast<std::size_t>(depth_ - 1)];
  if (object) {
    if (tok_ != Token::string) {
      syntax(tok_ == Token::error ? tokens_.error() : "expected a key (a string)");
      return false;
    }
    step.key.assign(tokens_.string());
    step.is_index = false;
    advance();
    if (tok_ != Token::colon) {
      syntax("expected : after a key");
      return false;
    }
    advance();
  } else {
    step.is_index = true;
    step.index = f.count;
  }
  ++f.count;
  if (peek() == Kind::invalid) {
    syntax(tok_ == Token::error ? tokens_.error() : "a value was expected");
    return false;
  }
  return true;
}

bool Pull::next_key() { return next_member(true); }
bool Pull::next_item() { return next_member(false); }

bool Pull::take_null() {
  if (tok_ != Token::null) return false;
  advance();
  return true;
}

std::optional<std::string> Pull::string(const char* expected) {
  if (tok_ != Token::string) {
    type_error(expected);
    return std::nullopt;
  }
  std::string out(tokens_.string());
  advance();
  return out;
}

std::optional<bool> Pull::boolean() {
  if (tok_ != Token::true_ && tok_ != Token::false_) {
    type_error("a boolean");
    return std::nullopt;
  }
  bool out = tok_ == Token::true_;
  advance();
  return out;
}

std::optional<std::int64_t> Pull::integer(std::int64_t min, std::int64_t max) {
  std::optional<std::int64_t> value;
  if (tok_ == Token::integer) value = tokens_.integer();
  if (!value || *value < min || *value > max) {
    if (tok_ != Token::integer && tok_ != Token::unsigned_ && tok_ != Token::number &&
        peek() != Kind::invalid) {
      fail(code::invalid_input, "must be a whole number from " + std::to_string(min) + " to " +
                                    std::to_string(max) + ", not " + kind_name(peek()));
      skip();
      return std::nullopt;
    }
    if (peek() == Kind::invalid) {
      type_error("a whole number");
      return std::nullopt;
    }
    fail(code::invalid_input,
         "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    advance();
    return std::nullopt;
  }
  advance();
  return value;
}

void Pull::skip() {
  if (broken_) return;
  switch (peek()) {
    case Kind::object:
      if (enter_object())
        while (next_key()) skip();
      return;
    case Kind::array:
      if (enter_array())
        while (next_item()) skip();
      return;
    case Kind::invalid: syntax(tok_ == Token::error ? tokens_.error() : "a value was expected"); return;
    default: advance(); return;
  }
}

std::string_view Pull::raw() {
  std::size_t start = tokens_.position();
  skip();
  std::size_t end = tok_ == Token::end ? tokens_.text().size() : tokens_.position();
  return tokens_.text().substr(start, end - start);
}

bool Pull::tree_value(nlohmann::json& out, std::size_t& budget, int depth) {
  if (budget == 0) {
    fail(code::invalid_input, "holds too many values");
    broken_ = true;
    return false;
  }
  --budget;
  switch (peek()) {
    case Kind::null: out = nullptr; advance(); return true;
    case Kind::boolean: out = tok_ == Token::true_; advance(); return true;
    case Kind::string: out = std::string(tokens_.string()); advance(); return true;
    case Kind::integer:
      if (tok_ == Token::integer) out = tokens_.integer();
      else out = tokens_.unsigned_value();
      advance();
      return true;
    case Kind::number:
      fail(code::invalid_input, "numbers here are whole numbers");
      advance();
      return false;
    case Kind::object: {
      out = nlohmann::json::object();
      if (!enter_object()) return false;
      while (next_key()) {
        std::string key = this->key();
        if (out.contains(key)) {
          fail(code::invalid_input, "appears twice in this object");
          skip();
          continue;
        }
        nlohmann::json value;
        if (tree_value(value, budget, depth + 1)) out[key] = std::move(value);
      }
      return ok();
    }
    case Kind::array: {
      out = nlohmann::json::array();
      if (!enter_array()) return false;
      while (next_item()) {
        nlohmann::json value;
        if (tree_value(value, budget, depth + 1)) out.push_back(std::move(value));
      }
      return ok();
    }
    case Kind::invalid: break;
  }
  syntax(tok_ == Token::error ? tokens_.error() : "a value was expected");
  return false;
}

std::optional<nlohmann::json> Pull::tree(std::size_t budget) {
  nlohmann::json out;
  std::size_t before = errors_.size();
  if (!tree_value(out, budget, 0) || errors_.size() != before) return std::nullopt;
  return out;
}

void Pull::finish() {
  if (broken_) return;
  if (tok_ != Token::end) syntax(tok_ == Token::error ? tokens_.error() : "unexpected data after the value");
}

}  // namespace privacy::json
