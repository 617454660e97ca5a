#pragma once
// Reading, writing and describing a type from its one fields(v) list
// (privacy/schema.hpp): read_object() takes JSON straight into the struct,
// refusing unknown and repeated fields and checking every kind's limits;
// write() appends canonical JSON (fields in their listed order, no spaces);
// the schema side is in describe.hpp.
#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/ads.hpp"
#include "privacy/model.hpp"
#include "privacy/views.hpp"
#include "privacy/schema.hpp"
#include "pull.hpp"
#include "tokens.hpp"

namespace privacy::json {

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_reference_wrapper : std::false_type {};
template <class T> struct is_reference_wrapper<std::reference_wrapper<T>> : std::true_type {};

// A visitor that ignores the variant rules (when, one_of) of fields(v).
struct IgnoresRules {
  template <class D, class E>
  void when(const char*, D, E, std::initializer_list<const char*>, std::initializer_list<const char*> = {}) {}
  void one_of(std::initializer_list<const char*>) {}
};

// ---- reading ------------------------------------------------------------

bool valid_id(std::string_view id);
// Not only white space (names, reasons): what a person sees must say something.
bool has_visible_text(std::string_view text);
std::optional<Instant> instant_from(Pull& p);

void read_value(Pull& p, std::string& out, schema::Id);
void read_value(Pull& p, std::string& out, schema::Text kind);
void read_value(Pull& p, std::string& out, schema::Date);
void read_value(Pull& p, std::string& out, schema::Hash);
void read_value(Pull& p, std::string& out, schema::Place kind);
void read_value(Pull& p, bool& out, schema::Bool);
void read_value(Pull& p, std::int64_t& out, schema::Int kind);
void read_value(Pull& p, int& out, schema::Int kind);
void read_value(Pull& p, Instant& out, schema::At);
void read_value(Pull& p, nlohmann::json& out, schema::Tree kind);

// Instants share int64 with whole numbers; the kind says which is meant.
template <class E>
void read_value(Pull& p, E& out, schema::Choice<E>) {
  static const std::string expected = "one of " + word_list<E>();
  auto text = p.string(expected.c_str());
  if (!text) return;
  if (auto value = from_word<E>(*text)) out = *value;
  else p.fail(code::invalid_input, "must be " + expected);
}

template <class T> bool read_object(Pull& p, T& out);

template <class T>
void read_value(Pull& p, std::string_view& out, schema::Embedded<T>) {
  if (p.peek() != Kind::object) {
    (void)p.enter_object();  // records the type error and skips
    return;
  }
  out = p.raw();
}

template <class T>
void read_value(Pull& p, T& out, schema::Object<T>) {
  read_object(p, out);
}

template <class M, class K>
void read_value(Pull& p, std::vector<M>& out, schema::List<K> kind) {
  out.clear();
  if (!p.enter_array()) return;
  while (p.next_item()) {
    if (out.size() >= kind.max_items) {
      p.fail(code::too_large, "is more than the " + std::to_string(kind.max_items) + " allowed");
      while (p.ok()) {  // the rest is not read
        p.skip();
        if (!p.next_item()) break;
      }
      return;
    }
    out.emplace_back();
    read_value(p, out.back(), kind.item);
  }
}

template <class M, class K>
void read_value(Pull& p, std::optional<M>& out, K kind) {
  if (p.take_null()) {
    out.reset();
    return;
  }
  out.emplace();
  read_value(p, *out, kind);
}

// The fields an object holds (bit per field, in listed order).
using Seen = std::uint64_t;

template <class T>
struct FieldReader : IgnoresRules {
  Pull& p;
  T& object;
  std::string_view key;
  Seen& seen;
  int index = 0;
  bool matched = false;
  template <class C, class M, class K>
  void operator()(const char* name, M C::*member, const K& kind, const char* = "",
                  schema::Presence = schema::Presence::required) {
    int i = index++;
    if (matched || key != name) return;
    matched = true;
    if ((seen >> i) & 1u) {
      p.fail(code::invalid_input, "appears twice in this object");
      p.skip();
      return;
    }
    seen |= Seen{1} << i;
    read_value(p, object.*member, kind);
  }
};

// After the object: required fields, and the fields of the one variant the
// discriminator chose (when), or exactly one of a set (one_of).
template <class T>
struct FieldChecker : IgnoresRules {
  FieldChecker(Pull& pull, const T& o, Seen s) : p(pull), object(o), seen(s) {}
  Pull& p;
  const T& object;
  Seen seen;
  int index = 0;
  // Every field: given, and not null (a fixed array: this runs for every object read).
  std::array<std::pair<const char*, bool>, 64> names{};
  std::size_t count = 0;
  template <class C, class M, class K>
  void operator()(const char* name, M C::*member, const K&, const char* = "",
                  schema::Presence presence = schema::Presence::required) {
    int i = index++;
    bool given = (seen >> i) & 1u;
    if constexpr (is_optional<M>::value) given = given && (object.*member).has_value();
    if (count < names.size()) names[count++] = {name, given};
    if (!given && !is_optional<M>::value && presence == schema::Presence::required)
      p.fail_at(name, code::invalid_input, "is required");
  }
  bool has(std::string_view name) const {
    for (std::size_t i = 0; i < count; ++i)
      if (name == names[i].first) return names[i].second;
    return false;
  }
};

template <class T>
struct VariantChecker {
  VariantChecker(Pull& pull, const T& o, const FieldChecker<T>& f) : p(pull), object(o), fields(f) {}
  Pull& p;
  const T& object;
  const FieldChecker<T>& fields;
  // All the fields that belong to some variant, and those of the chosen one.
  std::vector<const char*> variant_fields, chosen;
  std::string chosen_word;
  bool decided = false;
  template <class... A> void operator()(A&&...) {}
  // When the discriminator has `value`: `required` must be there, `allowed`
  // may be, and every other variant's fields may not.
  template <class C, class E>
  void when(const char* discriminator, E C::*member, E value, std::initializer_list<const char*> required,
            std::initializer_list<const char*> allowed = {}) {
    choose(discriminator, fields.has(discriminator) && object.*member == value, value, required, allowed);
  }
  template <class C, class E>
  void when(const char* discriminator, std::optional<E> C::*member, E value, std::initializer_list<const char*> required,
            std::initializer_list<const char*> allowed = {}) {
    choose(discriminator, (object.*member) && *(object.*member) == value, value, required, allowed);
  }
  template <class E>
  void choose(const char* discriminator, bool matches, E value, std::initializer_list<const char*> required,
              std::initializer_list<const char*> allowed) {
    // A field several variants share is listed (and refused) once.
    auto note = [&](const char* f) {
      for (const char* v : variant_fields)
        if (std::string_view(v) == f) return;
      variant_fields.push_back(f);
    };
    for (const char* f : required) note(f);
    for (const char* f : allowed) note(f);
    if (!matches) return;
    decided = true;
    chosen_word = std::string(word(value));
    for (const char* f : allowed) chosen.push_back(f);
    for (const char* f : required) {
      chosen.push_back(f);
      if (!fields.has(f)) p.fail_at(f, code::invalid_input, "is required when " + std::string(discriminator) + " is '" + chosen_word + "'");
    }
  }
  void one_of(std::initializer_list<const char*> names) {
    int present = 0;
    for (const char* n : names) present += fields.has(n) ? 1 : 0;
    if (present == 1) return;
    std::string list;
    for (const char* n : names) list += (list.empty() ? "" : " or ") + std::string(n);
    p.fail(code::invalid_input, present == 0 ? "needs " + list : "takes " + list + ", not both");
  }
  void finish() {
    if (!decided) return;
    for (const char* f : variant_fields) {
      bool mine = false;
      for (const char* c : chosen) mine = mine || std::string_view(c) == f;
      if (!mine && fields.has(f)) p.fail_at(f, code::invalid_input, "is not used with '" + chosen_word + "'");
    }
  }
};

// Reads one field of T by its key; false when T has no such field.
template <class T>
bool read_field(Pull& p, T& out, std::string_view key, Seen& seen) {
  FieldReader<T> reader{{}, p, out, key, seen};
  T::fields(reader);
  return reader.matched;
}

// Whether T's field `name` was read (by the bit of its place in fields(v)).
template <class T>
struct FieldIndex : IgnoresRules {
  std::string_view name;
  int index = 0, found = -1;
  template <class C, class M, class K>
  void operator()(const char* n, M C::*, const K&, const char* = "", schema::Presence = schema::Presence::required) {
    if (name == n) found = index;
    ++index;
  }
};
template <class T>
bool field_seen(std::string_view name, Seen seen) {
  FieldIndex<T> f{{}, name};
  T::fields(f);
  return f.found >= 0 && ((seen >> f.found) & 1u);
}

// Marks T's field `name` as given (a value given beside the command).
template <class T>
bool mark_field(std::string_view name, Seen& seen) {
  FieldIndex<T> f{{}, name};
  T::fields(f);
  if (f.found < 0 || ((seen >> f.found) & 1u)) return false;
  seen |= Seen{1} << f.found;
  return true;
}

// Checks required fields and variants once the object is read.
template <class T>
void check_fields(Pull& p, const T& out, Seen seen) {
  FieldChecker<T> checker(p, out, seen);
  T::fields(checker);
  VariantChecker<T> variants(p, out, checker);
  T::fields(variants);
  variants.finish();
}

template <class T>
bool read_object(Pull& p, T& out) {
  std::size_t before = p.errors().size();
  if (!p.enter_object()) return false;
  Seen seen = 0;
  while (p.next_key()) {
    if (!read_field(p, out, p.key(), seen)) {
      p.fail(code::invalid_input, "is not a known field");
      p.skip();
    }
  }
  if (p.ok()) check_fields(p, out, seen);
  return p.ok() && p.errors().size() == before;
}

// The whole text is one T.
template <class T>
bool read_text(std::string_view text, T& out, Errors& errors) {
  Pull p(text, errors);
  read_object(p, out);
  p.finish();
  return errors.empty();
}

// ---- writing ------------------------------------------------------------

void write_value(std::string& out, const std::string& value);
void write_value(std::string& out, bool value);
void write_value(std::string& out, std::int64_t value);
void write_value(std::string& out, int value);
void write_value(std::string& out, const nlohmann::json& value);
inline void write_value(std::string& out, const RawJson& value) { out += value.text; }
// The ad decision's and the decoded signals' own encoders (core/src/commands/ads.cpp).
void write_value(std::string& out, const AdDecision& decision);
void write_value(std::string& out, const TcString& tc);
void write_value(std::string& out, const GppString& gpp);
template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
void write_value(std::string& out, E value) {
  out += '"';
  out += word(value);
  out += '"';
}
template <class T, class = decltype(T::type_name)>
void write_value(std::string& out, const T& value);
template <class M>
void write_value(std::string& out, const std::vector<M>& values) {
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    write_value(out, values[i]);
  }
  out += ']';
}
template <class M>
void write_value(std::string& out, const std::optional<M>& value) {
  if (value) write_value(out, *value);
  else out += "null";
}

template <class T>
struct FieldWriter : IgnoresRules {
  std::string& out;
  const T& object;
  bool first = true;
  template <class C, class M, class K>
  void operator()(const char* name, M C::*member, const K&, const char* = "",
                  schema::Presence = schema::Presence::required) {
    out += first ? "{\"" : ",\"";
    first = false;
    out += name;
    out += "\":";
    write_value(out, object.*member);
  }
};

template <class T, class>
void write_value(std::string& out, const T& value) {
  FieldWriter<T> writer{{}, out, value};
  T::fields(writer);
  out += writer.first ? "{}" : "}";
}

template <class T>
std::string to_text(const T& value) {
  std::string out;
  write_value(out, value);
  return out;
}

// The same as a tree, for audit details that quote a value.
template <class T>
nlohmann::json to_tree(const T& value) {
  return nlohmann::json::parse(to_text(value), nullptr, /*allow_exceptions=*/false);
}

}  // namespace privacy::json
