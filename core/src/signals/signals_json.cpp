// The schemas of the decoded TC and GPP strings (their text is written by
// signals_text.cpp). The US sections' come from the one layout table
// (us_sections.cpp), so the JSON, its schema and the decoder cannot drift apart.
#include "signals_json.hpp"

#include "us_sections.hpp"

namespace privacy {

using nlohmann::json;

// ---------------------------------------------------------------- schemas

namespace detail {

json schema_integer(std::int64_t min, std::int64_t max) {
  return {{"type", "integer"}, {"minimum", min}, {"maximum", max}};
}

json schema_object(json properties) {
  json required = json::array();
  for (const auto& item : properties.items()) required.push_back(item.key());
  return {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)},
          {"additionalProperties", false}};
}

json schema_nullable(json schema) { return {{"anyOf", {std::move(schema), {{"type", "null"}}}}}; }

}  // namespace detail

namespace {

using detail::schema_integer;
using detail::schema_nullable;
using detail::schema_object;
using detail::name_of;

json ids(int max, std::size_t max_items = 0) {
  json s = {{"type", "array"}, {"items", schema_integer(1, max)}, {"uniqueItems", true}};
  if (max_items) s["maxItems"] = max_items;
  return s;
}
json letters() { return {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}}; }
json boolean() { return {{"type", "boolean"}}; }

json vendor_set() {
  return schema_object({{"maxVendorId", schema_integer(0, 65535)}, {"isRangeEncoding", boolean()},
                        {"ids", ids(65535)}});
}

json two_bits(UsField f) { return schema_integer(f == UsField::mspa_covered_transaction ? 1 : 0, 2); }
json two_bit_list(std::size_t n) {
  return {{"type", "array"}, {"items", schema_integer(0, 2)}, {"minItems", n}, {"maxItems", n}};
}

// One US section's fields, from its layout.
json us_fields(const detail::UsLayout& layout, int version) {
  json props = json::object();
  for (std::size_t i = 0; i < layout.step_count; ++i) {
    const detail::UsStep& step = layout.steps[i];
    bool is_version = step.field == UsField::version || step.field == UsField::mspa_version;
    props[name_of(step.field)] = is_version ? json{{"const", version}}
                                 : step.count ? two_bit_list(step.count) : two_bits(step.field);
  }
  if (layout.subsection == detail::UsSubsection::gpc) props["gpc"] = schema_nullable(boolean());
  if (layout.subsection == detail::UsSubsection::sensitive)
    props[name_of(UsField::sensitive_data_processing)] = schema_nullable(two_bit_list(8));
  return schema_object(std::move(props));
}

json section(int id, json fields) {
  const char* name = gpp_section_name(id);
  return schema_object({{"id", {{"const", id}}}, {"name", name ? json{{"const", name}} : json{{"type", "null"}}},
                        {"text", {{"type", "string"}, {"minLength", 1}}}, {"fields", std::move(fields)}});
}

}  // namespace

json tc_string_schema() {
  json restriction = schema_object(
      {{"purposeId", schema_integer(1, 63)},
       {"restrictionType", schema_integer(0, 2)},
       {"vendors", {{"type", "array"},
                    {"items", {{"type", "array"}, {"prefixItems", {schema_integer(1, 65535), schema_integer(1, 65535)}},
                               {"minItems", 2}, {"maxItems", 2}}}}}});
  json publisher = schema_object({{"publisherConsents", ids(24)},
                                  {"publisherLegitimateInterests", ids(24)},
                                  {"numCustomPurposes", schema_integer(0, 63)},
                                  {"publisherCustomConsents", ids(63)},
                                  {"publisherCustomLegitimateInterests", ids(63)}});
  json s = schema_object({{"version", {{"const", 2}}},
                          {"created", {{"type", "integer"}}},
                          {"lastUpdated", {{"type", "integer"}}},
                          {"cmpId", schema_integer(0, 4095)},
                          {"cmpVersion", schema_integer(0, 4095)},
                          {"consentScreen", schema_integer(0, 63)},
                          {"consentLanguage", letters()},
                          {"vendorListVersion", schema_integer(0, 4095)},
                          {"policyVersion", schema_integer(4, 63)},
                          {"isServiceSpecific", {{"const", true}}},
                          {"useNonStandardTexts", boolean()},
                          {"specialFeatureOptins", ids(12)},
                          {"purposeConsents", ids(24)},
                          {"purposeLegitimateInterests", ids(24)},
                          {"purposeOneTreatment", boolean()},
                          {"publisherCountryCode", letters()},
                          {"vendorConsents", vendor_set()},
                          {"vendorLegitimateInterests", vendor_set()},
                          {"publisherRestrictions", {{"type", "array"}, {"items", restriction}}},
                          {"vendorsDisclosed", schema_nullable(vendor_set())},
                          {"publisherTC", schema_nullable(publisher)}});
  s["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  s["title"] = "A TC string (TCF v2.2/v2.3), decoded";
  return s;
}

json gpp_string_schema() {
  json tc = tc_string_schema();
  tc.erase("$schema");
  tc.erase("title");
  json one_of = json::array();
  one_of.push_back(section(2, tc));
  one_of.push_back(section(6, schema_object({{"version", {{"const", 1}}},
                                             {"notice", {{"enum", {"Y", "N", "-"}}}},
                                             {"optOutSale", {{"enum", {"Y", "N", "-"}}}},
                                             {"lspaCovered", {{"enum", {"Y", "N", "-"}}}}})));
  one_of.push_back(section(7, {{"oneOf", {us_fields(*detail::us_layout(7, 1), 1), us_fields(*detail::us_layout(7, 2), 2)}}}));
  for (int id = 8; id <= 27; ++id) one_of.push_back(section(id, us_fields(*detail::us_layout(id, 1), 1)));
  // Any other section id is kept as text.
  json other = schema_object({{"id", schema_integer(0, 65535)}, {"name", schema_nullable({{"type", "string"}})},
                              {"text", {{"type", "string"}, {"minLength", 1}}}, {"fields", {{"type", "null"}}}});
  json not_read = json::array({2, 6});
  for (int id = 7; id <= 27; ++id) not_read.push_back(id);
  other["properties"]["id"]["not"] = {{"enum", not_read}};
  one_of.push_back(other);
  json s = schema_object({{"version", {{"const", 1}}},
                          {"sectionIds", {{"type", "array"}, {"items", schema_integer(1, 65535)}}},
                          {"sections", {{"type", "array"}, {"items", {{"oneOf", one_of}}}}}});
  s["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  s["title"] = "A GPP string, decoded section by section";
  return s;
}

}  // namespace privacy
