#pragma once
// A JSON Schema (draft 2020-12) checker for the keywords the engine's schemas
// use (type, const, enum, minimum/maximum, pattern, properties, required,
// additionalProperties, propertyNames, maxProperties, dependentRequired,
// items, prefixItems, minItems/maxItems, uniqueItems, anyOf, oneOf, not,
// minLength, maxLength, $ref into the root's $defs; description, format, $defs
// and x-* are annotations), so the native suite can hold every answer and
// every command input to its schema. No
// packaged C++ validator is installed; this one refuses a keyword it does not
// know, so a schema cannot silently use more than it checks.
#include <regex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace schema_check {

using nlohmann::json;

inline bool is_type(const json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  return false;
}

// The first problem, or "" when `v` holds to `s`.
// `root` holds the $defs a "#/$defs/Name" reference points into.
inline std::string check(const json& v, const json& s, const std::string& at = "$", const json* root = nullptr) {
  static const std::set<std::string> known = {
      "$schema", "title", "type", "const", "enum", "minimum", "maximum", "pattern", "properties", "required",
      "additionalProperties", "propertyNames", "maxProperties", "dependentRequired", "items", "prefixItems",
      "minItems", "maxItems", "uniqueItems", "anyOf", "oneOf", "not", "minLength", "maxLength", "$ref",
      "description", "format", "$defs"};
  for (const auto& k : s.items())
    if (!known.count(k.key()) && k.key().rfind("x-", 0) != 0) return at + ": unknown keyword " + k.key();
  if (s.contains("$ref")) {
    const std::string ref = s["$ref"];
    const std::string prefix = "#/$defs/";
    if (!root || ref.rfind(prefix, 0) != 0 || !(*root)["$defs"].contains(ref.substr(prefix.size())))
      return at + ": cannot resolve " + ref;
    auto e = check(v, (*root)["$defs"][ref.substr(prefix.size())], at, root);
    if (!e.empty()) return e;
  }
  if (s.contains("type") && !is_type(v, s["type"].get<std::string>())) return at + ": not " + s["type"].get<std::string>();
  if (s.contains("const") && v != s["const"]) return at + ": not " + s["const"].dump();
  if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end())
    return at + ": " + v.dump() + " not in enum";
  if (v.is_number() && s.contains("minimum") && v < s["minimum"]) return at + ": below minimum";
  if (v.is_number() && s.contains("maximum") && v > s["maximum"]) return at + ": above maximum";
  if (v.is_string() && s.contains("pattern") && !std::regex_search(v.get<std::string>(), std::regex(s["pattern"].get<std::string>())))
    return at + ": does not match " + s["pattern"].get<std::string>();
  if (v.is_string() && s.contains("minLength") && v.get<std::string>().size() < s["minLength"].get<std::size_t>())
    return at + ": too short";
  if (v.is_string() && s.contains("maxLength")) {
    std::size_t chars = 0;  // JSON Schema counts characters, not bytes
    for (unsigned char c : v.get<std::string>()) chars += (c & 0xC0) != 0x80;
    if (chars > s["maxLength"].get<std::size_t>()) return at + ": too long";
  }
  if (v.is_object()) {
    if (s.contains("maxProperties") && v.size() > s["maxProperties"].get<std::size_t>()) return at + ": too many properties";
    for (const auto& r : s.value("required", json::array()))
      if (!v.contains(r.get<std::string>())) return at + ": " + r.get<std::string>() + " is required";
    if (s.contains("dependentRequired"))
      for (const auto& d : s["dependentRequired"].items())
        if (v.contains(d.key()))
          for (const auto& r : d.value())
            if (!v.contains(r.get<std::string>())) return at + ": " + r.get<std::string>() + " goes with " + d.key();
    for (const auto& p : v.items()) {
      if (s.contains("propertyNames")) {
        auto e = check(json(p.key()), s["propertyNames"], at + "." + p.key() + "(name)", root);
        if (!e.empty()) return e;
      }
      const json* sub = nullptr;
      if (s.contains("properties") && s["properties"].contains(p.key())) sub = &s["properties"][p.key()];
      else if (s.contains("additionalProperties")) {
        if (s["additionalProperties"] == false) return at + ": " + p.key() + " is not allowed";
        if (s["additionalProperties"].is_object()) sub = &s["additionalProperties"];
      }
      if (sub) {
        auto e = check(p.value(), *sub, at + "." + p.key(), root);
        if (!e.empty()) return e;
      }
    }
  }
  if (v.is_array()) {
    if (s.contains("minItems") && v.size() < s["minItems"].get<std::size_t>()) return at + ": too few items";
    if (s.contains("maxItems") && v.size() > s["maxItems"].get<std::size_t>()) return at + ": too many items";
    if (s.value("uniqueItems", false)) {
      std::set<std::string> seen;
      for (const auto& item : v)
        if (!seen.insert(item.dump()).second) return at + ": items repeat";
    }
    std::size_t first = 0;
    if (s.contains("prefixItems"))
      for (; first < s["prefixItems"].size() && first < v.size(); ++first) {
        auto e = check(v[first], s["prefixItems"][first], at + "[" + std::to_string(first) + "]", root);
        if (!e.empty()) return e;
      }
    if (s.contains("items"))
      for (std::size_t i = first; i < v.size(); ++i) {
        auto e = check(v[i], s["items"], at + "[" + std::to_string(i) + "]", root);
        if (!e.empty()) return e;
      }
  }
  if (s.contains("anyOf")) {
    bool any = false;
    for (const auto& alt : s["anyOf"]) any = any || check(v, alt, at, root).empty();
    if (!any) return at + ": matches no anyOf branch";
  }
  if (s.contains("oneOf")) {
    int matches = 0;
    std::string last;
    for (const auto& alt : s["oneOf"]) {
      auto e = check(v, alt, at, root);
      if (e.empty()) ++matches;
      else last = e;
    }
    if (matches != 1) return at + ": matches " + std::to_string(matches) + " oneOf branches (" + last + ")";
  }
  if (s.contains("not") && check(v, s["not"], at, root).empty()) return at + ": matches its not";
  return "";
}

}  // namespace schema_check
