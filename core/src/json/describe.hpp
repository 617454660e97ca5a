#pragma once
// JSON Schema (draft 2020-12) of a type, from its one fields(v) list. Two
// forms: what the engine accepts (optional fields may be left out) and what
// it answers (every field is there; a missing value is null). Record types
// and word lists go into $defs: `Profile` for an answer, `ProfileInput` for
// what is accepted.
#include <functional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "codec.hpp"

namespace privacy::json {

// Schemas keep their fields in the order fields(v) lists them.
using Schema = nlohmann::ordered_json;

struct Schemas {
  Schema defs = Schema::object();
  bool input = false;
};


inline Schema nullable(Schema s) { return {{"anyOf", {std::move(s), {{"type", "null"}}}}}; }

inline Schema kind_schema(Schemas&, schema::Id) {
  return {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxIdBytes}, {"x-maxBytes", kMaxIdBytes}};
}
inline Schema kind_schema(Schemas&, schema::Text k) {
  Schema s = {{"type", "string"}, {"x-maxBytes", k.max_bytes}};
  if (k.non_empty) s["minLength"] = 1;
  return s;
}
inline Schema kind_schema(Schemas&, schema::Bool) { return {{"type", "boolean"}}; }
inline Schema kind_schema(Schemas&, schema::Int k) {
  return {{"type", "integer"}, {"minimum", k.min}, {"maximum", k.max}};
}
inline Schema kind_schema(Schemas& s, schema::At) {
  // Epoch milliseconds in and out; an ISO-8601 string with an offset in too.
  if (s.input)
    return {{"x-type", "Instant"},
            {"anyOf", {{{"type", "integer"}}, {{"type", "string"}, {"format", "date-time"}}}}};
  return {{"type", "integer"}, {"x-type", "EpochMs"}};
}
inline Schema kind_schema(Schemas&, schema::Date) { return {{"type", "string"}, {"format", "date"}}; }
inline Schema kind_schema(Schemas&, schema::Hash) {
  return {{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}};
}
inline Schema kind_schema(Schemas&, schema::Tree) { return {{"type", "object"}}; }
inline Schema kind_schema(Schemas&, schema::Place k) {
  return {{"type", "string"}, {"pattern", k.or_anywhere ? "^(\\*|[A-Z]{2}(-[A-Z0-9]{1,3})?)$" : "^[A-Z]{2}(-[A-Z0-9]{1,3})?$"}};
}

template <class E>
Schema kind_schema(Schemas& s, schema::Choice<E>) {
  const char* name = Words<E>::name;
  if (!s.defs.contains(name)) {
    Schema words = Schema::array();
    for (const auto& [v, w] : Words<E>::table) words.push_back(std::string(w));
    s.defs[name] = {{"type", "string"}, {"enum", words}};
  }
  return {{"$ref", std::string("#/$defs/") + name}};
}

template <class T> Schema object_schema(Schemas& s);

template <class T>
Schema ref_to(Schemas& s) {
  std::string name = std::string(T::type_name) + (s.input ? "Input" : "");
  if (!s.defs.contains(name)) {
    s.defs[name] = Schema::object();  // placeholder: recursion stops here
    s.defs[name] = object_schema<T>(s);
  }
  return {{"$ref", "#/$defs/" + name}};
}

template <class T>
Schema kind_schema(Schemas& s, schema::Object<T>) {
  return ref_to<T>(s);
}
template <class T>
Schema kind_schema(Schemas& s, schema::Embedded<T>) {
  // An embedded state is read as exportState wrote it.
  bool input = s.input;
  s.input = false;
  Schema out = ref_to<T>(s);
  s.input = input;
  return out;
}
template <class K>
Schema kind_schema(Schemas& s, schema::List<K> k) {
  Schema out = {{"type", "array"}, {"items", kind_schema(s, k.item)}};
  if (k.max_items != SIZE_MAX) out["maxItems"] = k.max_items;
  return out;
}

template <class T>
struct FieldSchemas {
  explicit FieldSchemas(Schemas& schemas) : s(schemas) {}
  Schemas& s;
  Schema properties = Schema::object();
  Schema required = Schema::array();
  Schema variants = Schema::array();
  std::vector<std::string> variant_fields;
  Schema one_of_list;
  template <class C, class M, class K>
  void operator()(const char* name, M C::*, const K& kind, const char* doc = "",
                  schema::Presence presence = schema::Presence::required) {
    Schema field = kind_schema(s, kind);
    if (is_optional<M>::value) field = nullable(std::move(field));
    if (*doc) field["description"] = doc;
    properties[name] = std::move(field);
    bool optional = is_optional<M>::value || presence == schema::Presence::optional;
    if (!s.input || !optional) required.push_back(name);
  }
  template <class C, class E, class D>
  void when(const char* discriminator, D C::*, E value, std::initializer_list<const char*> fields,
            std::initializer_list<const char*> allowed = {}) {
    if (!s.input) return;
    Schema rule = {{"properties", {{discriminator, {{"const", std::string(word(value))}}}}},
                   {"required", Schema::array()}};
    for (const char* f : fields) {
      rule["required"].push_back(f);
      variant_fields.emplace_back(f);
    }
    if (allowed.size()) rule["x-allowed"] = Schema::array();
    for (const char* f : allowed) {
      rule["x-allowed"].push_back(f);
      variant_fields.emplace_back(f);
    }
    variants.push_back(std::move(rule));
  }
  void one_of(std::initializer_list<const char*> names) {
    if (!s.input) return;
    one_of_list = Schema::array();
    for (const char* n : names) one_of_list.push_back({{"required", {n}}});
  }
};

template <class T>
Schema object_schema(Schemas& s) {
  FieldSchemas<T> f{s};
  T::fields(f);
  Schema out = {{"type", "object"},
                        {"properties", f.properties},
                        {"required", f.required},
                        {"additionalProperties", false}};
  if (!f.variants.empty()) {
    // Each variant requires its fields and leaves out the others'.
    std::set<std::string> all(f.variant_fields.begin(), f.variant_fields.end());
    for (auto& v : f.variants) {
      Schema absent = Schema::array();
      auto listed = [&](const char* key, const std::string& name) {
        return v.contains(key) && std::find(v[key].begin(), v[key].end(), name) != v[key].end();
      };
      for (const auto& name : all)
        if (!listed("required", name) && !listed("x-allowed", name)) absent.push_back({{"required", {name}}});
      if (!absent.empty()) v["not"] = {{"anyOf", absent}};
    }
    out["oneOf"] = f.variants;
  }
  if (f.one_of_list.is_array()) out["oneOf"] = f.one_of_list;
  return out;
}

// The schema of a command's answer.
template <class Out>
Schema output_schema_of(Schemas& s) {
  if constexpr (is_reference_wrapper<Out>::value) {
    return ref_to<std::remove_const_t<typename Out::type>>(s);
  } else {
    return ref_to<Out>(s);
  }
}

}  // namespace privacy::json
