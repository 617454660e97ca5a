// The decoded TC and GPP strings as JSON, and their schemas. The US
// sections are written from the one layout table (us_sections.cpp), so the
// JSON, its schema and the decoder cannot drift apart.
#include "signals_json.hpp"

#include "us_sections.hpp"

namespace privacy {

using nlohmann::json;

namespace {

// Out-of-line builders that fill values in place: one short call per field
// keeps the wasm module small (a json temporary per field costs a few
// hundred bytes each).
[[gnu::noinline]] json& slot(json& object, const char* key) { return object[key]; }
[[gnu::noinline]] void put_num(json& object, const char* key, std::int64_t value) { object[key] = value; }
[[gnu::noinline]] void put_bool(json& object, const char* key, bool value) { object[key] = value; }
[[gnu::noinline]] void put_text(json& object, const char* key, std::string_view value) {
  object[key] = std::string(value);
}
[[gnu::noinline]] void push_num(json& array, std::int64_t value) { array.push_back(json(value)); }
[[gnu::noinline]] json& push(json& array) {
  array.push_back(json());
  return array.back();
}
[[gnu::noinline]] void put_ids(json& object, const char* key, std::uint64_t bits) {
  json& out = slot(object, key) = json::array();
  for (std::uint64_t word = bits; word; word &= word - 1)
    push_num(out, static_cast<unsigned>(__builtin_ctzll(word)) + 1);
}
template <std::size_t N>
void put_small_list(json& object, const char* key, const std::array<std::uint8_t, N>& values, std::size_t count) {
  json& out = slot(object, key) = json::array();
  for (std::size_t i = 0; i < count; ++i) push_num(out, values[i]);
}

void fill(json& out, const VendorSet& v) {
  put_num(out, "maxVendorId", v.max_vendor_id);
  put_bool(out, "isRangeEncoding", v.is_range_encoding);
  json& ids = slot(out, "ids") = json::array();
  for (std::size_t w = 0; w < v.bits.size(); ++w)
    for (std::uint64_t word = v.bits[w]; word; word &= word - 1)
      push_num(ids, static_cast<std::int64_t>(w * 64 + static_cast<unsigned>(__builtin_ctzll(word)) + 1));
}

void fill(json& out, const TcString& tc) {
  put_num(out, "version", tc.version);
  put_num(out, "created", tc.created);
  put_num(out, "lastUpdated", tc.last_updated);
  put_num(out, "cmpId", tc.cmp_id);
  put_num(out, "cmpVersion", tc.cmp_version);
  put_num(out, "consentScreen", tc.consent_screen);
  put_text(out, "consentLanguage", {tc.consent_language.data(), 2});
  put_num(out, "vendorListVersion", tc.vendor_list_version);
  put_num(out, "policyVersion", tc.policy_version);
  put_bool(out, "isServiceSpecific", tc.is_service_specific);
  put_bool(out, "useNonStandardTexts", tc.use_non_standard_texts);
  put_ids(out, "specialFeatureOptins", tc.special_feature_optins);
  put_ids(out, "purposeConsents", tc.purpose_consents);
  put_ids(out, "purposeLegitimateInterests", tc.purpose_legitimate_interests);
  put_bool(out, "purposeOneTreatment", tc.purpose_one_treatment);
  put_text(out, "publisherCountryCode", {tc.publisher_country_code.data(), 2});
  fill(slot(out, "vendorConsents"), tc.vendor_consents);
  fill(slot(out, "vendorLegitimateInterests"), tc.vendor_legitimate_interests);
  json& restrictions = slot(out, "publisherRestrictions") = json::array();
  for (const auto& r : tc.publisher_restrictions) {
    json& item = push(restrictions);
    put_num(item, "purposeId", r.purpose_id);
    put_num(item, "restrictionType", static_cast<int>(r.type));
    json& vendors = slot(item, "vendors") = json::array();
    for (const auto& v : r.vendors) {
      json& range = push(vendors) = json::array();
      push_num(range, v.first);
      push_num(range, v.last);
    }
  }
  json& disclosed = slot(out, "vendorsDisclosed");
  if (tc.vendors_disclosed) fill(disclosed, *tc.vendors_disclosed);
  json& publisher = slot(out, "publisherTC");
  if (tc.publisher_tc) {
    const PublisherTc& p = *tc.publisher_tc;
    put_ids(publisher, "publisherConsents", p.consents);
    put_ids(publisher, "publisherLegitimateInterests", p.legitimate_interests);
    put_num(publisher, "numCustomPurposes", p.num_custom_purposes);
    put_ids(publisher, "publisherCustomConsents", p.custom_consents);
    put_ids(publisher, "publisherCustomLegitimateInterests", p.custom_legitimate_interests);
  }
}

const char* name_of(UsField f) { return kUsFieldNames[static_cast<std::size_t>(f)]; }

// Every field of the section's layout, in encoding order, then its sub-section.
void fill(json& out, const UsSection& u) {
  const detail::UsLayout& layout = *detail::us_layout(u.id, u.version());
  for (std::size_t i = 0; i < layout.step_count; ++i) {
    const detail::UsStep& step = layout.steps[i];
    if (step.field == UsField::sensitive_data_processing)
      put_small_list(out, name_of(step.field), u.sensitive_data_processing, u.sensitive_count);
    else if (step.field == UsField::known_child_sensitive_data_consents && step.count)
      put_small_list(out, name_of(step.field), u.known_child, u.known_child_count);
    else if (step.field == UsField::known_child_sensitive_data_consents)
      put_num(out, name_of(step.field), u.known_child[0]);
    else
      put_num(out, name_of(step.field), u[step.field]);
  }
  if (layout.subsection == detail::UsSubsection::gpc) {
    json& gpc = slot(out, "gpc");
    if (u.gpc) gpc = *u.gpc;
  } else if (layout.subsection == detail::UsSubsection::sensitive) {
    json& sensitive = slot(out, name_of(UsField::sensitive_data_processing));
    if (u.sensitive_count) put_small_list(out, name_of(UsField::sensitive_data_processing), u.sensitive_data_processing, u.sensitive_count);
    else sensitive = nullptr;
  }
}

void fill(json& out, const UspV1& u) {
  put_num(out, "version", u.version);
  put_text(out, "notice", {&u.notice, 1});
  put_text(out, "optOutSale", {&u.opt_out_sale, 1});
  put_text(out, "lspaCovered", {&u.lspa_covered, 1});
}

}  // namespace

json to_json(const TcString& tc) {
  json out;
  fill(out, tc);
  return out;
}

json to_json(const GppString& gpp) {
  json out;
  put_num(out, "version", gpp.version);
  json& ids = slot(out, "sectionIds") = json::array();
  json& sections = slot(out, "sections") = json::array();
  for (const auto& s : gpp.sections) {
    push_num(ids, s.id);
    json& section = push(sections);
    const char* name = gpp_section_name(s.id);
    put_num(section, "id", s.id);
    json& name_slot = slot(section, "name");
    if (name) name_slot = name;
    put_text(section, "text", s.text);
    json& fields = slot(section, "fields");
    if (s.tcfeuv2) fill(fields, *s.tcfeuv2);
    if (s.us) fill(fields, *s.us);
    if (s.uspv1) fill(fields, *s.uspv1);
  }
  return out;
}

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
