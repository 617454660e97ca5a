// Decoded signals and ad decisions as JSON: the answers of decodeTcString,
// decodeGpp and decideAds.
#include <string>

#include "privacy/ads.hpp"
#include "signals_json.hpp"
#include "privacy/signals.hpp"

namespace privacy {

using nlohmann::json;

namespace {

// Out-of-line builders that fill values in place: one short call per field
// keeps the module small (a json temporary per field costs a few hundred
// bytes of wasm each).
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
  for (unsigned i = 0; i < 64; ++i)
    if (bits >> i & 1u) push_num(out, i + 1);
}
void put_small_list(json& object, const char* key, const std::vector<std::uint8_t>& values) {
  json& out = slot(object, key) = json::array();
  for (auto v : values) push_num(out, v);
}

void fill(json& out, const VendorSet& v) {
  put_num(out, "maxVendorId", v.max_vendor_id);
  put_bool(out, "isRangeEncoding", v.is_range_encoding);
  json& ids = slot(out, "ids") = json::array();
  for (std::size_t w = 0; w < v.bits.size(); ++w)
    for (std::uint64_t word = v.bits[w]; word; word &= word - 1)
      push_num(ids, static_cast<std::int64_t>(w * 64 + static_cast<unsigned>(__builtin_ctzll(word)) + 1));
}

void put_set(json& out, const char* key, const std::optional<VendorSet>& v) {
  json& value = slot(out, key);
  if (v) fill(value, *v);
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
  put_set(out, "vendorsDisclosed", tc.vendors_disclosed);
  put_set(out, "vendorsAllowed", tc.vendors_allowed);
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

void fill(json& out, const UsNat& u) {
  put_num(out, "version", u.version);
  for (std::size_t f = 0; f < UsNat::field_count; ++f) put_num(out, kUsNatFieldNames[f], u.fields[f]);
  put_small_list(out, "sensitiveDataProcessing", u.sensitive_data_processing);
  put_small_list(out, "knownChildSensitiveDataConsents", u.known_child_sensitive_data_consents);
  json& gpc = slot(out, "gpc");
  if (u.gpc) gpc = *u.gpc;
}

void fill(json& out, const UspV1& u) {
  put_num(out, "version", u.version);
  put_text(out, "notice", {&u.notice, 1});
  put_text(out, "optOutSale", {&u.opt_out_sale, 1});
  put_text(out, "lspaCovered", {&u.lspa_covered, 1});
}

void fill(json& out, const GppString& gpp) {
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
    if (s.usnat) fill(fields, *s.usnat);
    if (s.uspv1) fill(fields, *s.uspv1);
  }
}

json to_json(const AdDecision& d) {
  json out;
  put_text(out, "level", to_string(d.level));
  put_bool(out, "saleAllowed", d.sale_allowed);
  json& reasons = slot(out, "reasons") = json::array();
  for (const char* r : d.reasons) push(reasons) = r;
  json& regs = slot(out, "regs");
  put_num(regs, "coppa", d.coppa ? 1 : 0);
  if (d.gpp) {
    put_text(regs, "gpp", *d.gpp);
    json& sid = slot(regs, "gpp_sid") = json::array();
    for (int id : d.gpp_sid) push_num(sid, id);
  }
  if (d.child_treatment) put_text(out, "ageTreatment", "child");
  if (!d.errors.empty()) {
    json& errors = slot(out, "errors") = json::array();
    for (const auto& e : d.errors) push(errors) = json{{"code", e.code}, {"path", e.path}, {"message", e.message}};
  }
  return out;
}

}  // namespace

nlohmann::json tc_string_json(const TcString& tc) {
  json out;
  fill(out, tc);
  return out;
}

nlohmann::json gpp_json(const GppString& gpp) {
  json out;
  fill(out, gpp);
  return out;
}

nlohmann::json ad_decision_json(const AdDecision& d) { return to_json(d); }

}  // namespace privacy
