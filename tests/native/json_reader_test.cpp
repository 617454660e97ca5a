// The strict JSON reader (core/src/json, R-INT-4) against nlohmann/json on
// generated text: what the pull reader accepts, nlohmann reads as the same
// value; what nlohmann refuses, the pull reader refuses; strings are written
// back the way nlohmann writes them. Seeded, so a failure reproduces.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "json/pull.hpp"
#include "json/tokens.hpp"

using nlohmann::json;
using privacy::json::Pull;
using privacy::json::Token;
using privacy::json::Tokenizer;

namespace {

// Code points from every UTF-8 length, and the characters JSON escapes.
std::string random_text(std::mt19937& rng) {
  static const char32_t kPoints[] = {U'a', U'Z', U'0', U' ', U'"', U'\\', U'/', 0x00, 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d,
                                     0x1f, 0x7f, 0xe9, 0x20ac, 0x2028, 0x2029, 0xfeff, 0xfffd, 0x1f388, 0x10ffff};
  std::string out;
  const std::size_t n = rng() % 12;
  for (std::size_t i = 0; i < n; ++i) {
    char32_t c = kPoints[rng() % std::size(kPoints)];
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xc0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xe0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (c & 0x3f));
    }
  }
  return out;
}

// A value the pull reader's tree takes: whole numbers, no repeated keys, shallow.
json random_value(std::mt19937& rng, int depth = 0) {
  switch (rng() % (depth < 5 ? 8 : 5)) {
    case 0: return nullptr;
    case 1: return rng() % 2 == 0;
    case 2: {
      static const std::int64_t kEdges[] = {0, -1, 1, INT64_MAX, INT64_MIN, 9'007'199'254'740'993, -42};
      return rng() % 2 ? json(kEdges[rng() % std::size(kEdges)]) : json(static_cast<std::int64_t>(rng()) - (1 << 30));
    }
    case 3: return json(std::uint64_t{18'446'744'073'709'551'615u} - rng() % 3);
    case 4: return random_text(rng);
    case 5:
    case 6: {
      json o = json::object();
      const std::size_t n = rng() % 4;
      for (std::size_t i = 0; i < n; ++i) o[random_text(rng) + std::to_string(i)] = random_value(rng, depth + 1);
      return o;
    }
    default: {
      json a = json::array();
      const std::size_t n = rng() % 4;
      for (std::size_t i = 0; i < n; ++i) a.push_back(random_value(rng, depth + 1));
      return a;
    }
  }
}

// What the pull reader makes of a text: the tree, or nothing when it refuses.
std::optional<json> pulled(const std::string& text) {
  privacy::Errors errors;
  Pull p(text, errors);
  auto tree = p.tree(100'000);
  p.finish();
  if (!errors.empty()) return std::nullopt;
  return tree;
}

}  // namespace

TEST_CASE("the pull reader reads what nlohmann writes, in every layout, as the same value") {  // covers R-INT-4
  std::mt19937 rng(2026);
  for (int n = 0; n < 3000; ++n) {
    json v = random_value(rng);
    for (int indent : {-1, 0, 2}) {
      for (bool ascii : {false, true}) {
        const std::string text = v.dump(indent, ' ', ascii);
        CAPTURE(text);
        auto got = pulled(text);
        REQUIRE(got.has_value());
        CHECK(*got == v);
      }
    }
  }
}

TEST_CASE("on damaged text the pull reader is never more lenient than nlohmann") {  // covers R-INT-4
  std::mt19937 rng(7);
  const char kBytes[] = {'{', '}', '[', ']', ',', ':', '"', '\\', '0', '1', '-', '.', 'e', 'u', 't', 'n', ' ', '\x00',
                         '\x1f', '\x7f', '\xc3', '\xa9', '\xff', '\xed', '\xa0'};
  int refused_by_both = 0, accepted_by_both = 0;
  for (int n = 0; n < 20'000; ++n) {
    std::string text = random_value(rng).dump(rng() % 2 ? -1 : 1, ' ', rng() % 2);
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits && !text.empty(); ++k) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text[at] = kBytes[rng() % std::size(kBytes)]; break;
        case 1: text.erase(at, 1); break;
        default: text.insert(at, 1, kBytes[rng() % std::size(kBytes)]); break;
      }
    }
    CAPTURE(text);
    json theirs = json::parse(text, nullptr, /*allow_exceptions=*/false);
    auto ours = pulled(text);
    if (ours) {
      // Accepted: nlohmann reads it too, as the same value.
      REQUIRE_FALSE(theirs.is_discarded());
      CHECK(*ours == theirs);
      ++accepted_by_both;
    } else if (theirs.is_discarded()) {
      ++refused_by_both;
    }
  }
  CHECK(refused_by_both > 5000);
  CHECK(accepted_by_both > 1000);
}

TEST_CASE("tokens: whole numbers up to 64 bits, everything else a number's text; strict literals") {  // covers R-INT-4
  auto one = [](std::string_view text) {
    Tokenizer t(text);
    return t.next();
  };
  {
    Tokenizer t("9223372036854775807");
    REQUIRE(t.next() == Token::integer);
    CHECK(t.integer() == INT64_MAX);
  }
  {
    Tokenizer t("-9223372036854775808");
    REQUIRE(t.next() == Token::integer);
    CHECK(t.integer() == INT64_MIN);
  }
  {
    Tokenizer t("9223372036854775808");
    REQUIRE(t.next() == Token::unsigned_);
    CHECK(t.unsigned_value() == 9'223'372'036'854'775'808u);
  }
  {
    Tokenizer t("18446744073709551616");
    REQUIRE(t.next() == Token::number);
    CHECK(t.number_text() == "18446744073709551616");
  }
  for (const char* number : {"1.5", "1e5", "-0.0", "1E+2", "-9223372036854775809"}) {
    CAPTURE(number);
    CHECK(one(number) == Token::number);
  }
  for (std::string bad : {"01", "-", "1.", ".5", "+1", "1e", "0x10", "NaN", "Infinity", "tru", "nul", "True", "\"\t\"",
                          "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\xc0\xaf\"", "\"abc"}) {
    CAPTURE(bad);
    // Somewhere before the end ("0x10" is the number 0, then an error).
    Tokenizer t(bad);
    Token k = t.next();
    while (k != Token::end && k != Token::error) k = t.next();
    CHECK(k == Token::error);
  }
  {
    Tokenizer t(R"("a\u0000b\ud83c\udf88\/")");
    REQUIRE(t.next() == Token::string);
    CHECK(t.string() == std::string("a\0b\xf0\x9f\x8e\x88/", 8));
  }
  {
    Tokenizer t("  [ true , false , null ]  ");
    for (Token want : {Token::begin_array, Token::true_, Token::comma, Token::false_, Token::comma, Token::null,
                       Token::end_array, Token::end})
      CHECK(t.next() == want);
  }
}

TEST_CASE("strings are written back the way nlohmann writes them") {  // covers R-INT-1
  std::mt19937 rng(99);
  for (int n = 0; n < 20'000; ++n) {
    const std::string s = random_text(rng);
    std::string ours;
    privacy::json::append_quoted(ours, s);
    CHECK(ours == json(s).dump());
  }
}

TEST_CASE("the pull reader refuses repeated keys, fractions in trees, depth beyond 32 and too many values") {  // covers R-INT-4
  CHECK_FALSE(pulled(R"({"a":1,"a":2})"));
  CHECK_FALSE(pulled(R"({"a":{"b":1,"b":1}})"));
  CHECK_FALSE(pulled("[1.5]"));
  CHECK(pulled(std::string(32, '[') + std::string(32, ']')));
  CHECK_FALSE(pulled(std::string(33, '[') + std::string(33, ']')));
  std::string many = "[";
  for (int i = 0; i < 100'001; ++i) many += i ? ",0" : "0";
  many += "]";
  CHECK_FALSE(pulled(many));
  privacy::Errors errors;
  Pull p(R"({"x":{"y":[0,{"z":true,"z":false}]}})", errors);
  p.tree(100);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "x.y[1].z");
  CHECK(errors[0].message == "appears twice in this object");
}
