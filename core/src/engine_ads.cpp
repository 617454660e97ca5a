// The ad-eligibility and signal commands (decodeTcString, decodeGpp,
// decideAds): they read the household but never change it.
#include <string>

#include "json_reader.hpp"
#include "privacy/ads.hpp"
#include "privacy/engine.hpp"
#include "privacy/signals.hpp"

namespace privacy {

using nlohmann::json;
using detail::Reader;

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
  if (!d.errors.empty()) slot(out, "errors") = failure(d.errors)["errors"];
  return out;
}

// A decoder's answer as JSON: the decoded fields, or its errors.
template <class Decoded>
Result<json> as_json(const Result<Decoded>& decoded) {
  if (!decoded) return decoded.errors();
  json out;
  fill(out, *decoded);
  return out;
}

Result<json> tc_json(std::string_view text) { return as_json(decode_tc_string(text)); }
Result<json> gpp_json(std::string_view text) { return as_json(decode_gpp(text)); }

// A signal string command: {tcString} or {gppString}, decoded or refused.
Result<json> decode_command(const json& c, const char* key, Result<json> (*decode)(std::string_view)) {
  Errors errors;
  Reader in(c, "", errors);
  if (!in.object({"command", key})) return errors;
  auto text = in.text(key, kMaxSignalBytes);
  if (!text) return errors;
  auto decoded = decode(*text);
  if (decoded) return decoded;
  for (const auto& e : decoded.errors()) errors.push_back({e.code, key, e.message});
  return errors;
}

}  // namespace

Result<json> decode_tc_string_command(const HouseholdState&, const json& command) {
  return decode_command(command, "tcString", &tc_json);
}

Result<json> decode_gpp_command(const HouseholdState&, const json& command) {
  return decode_command(command, "gppString", &gpp_json);
}

// Never a failure: whatever goes wrong gives the most protective decision
// with the errors in it (fail closed).
Result<json> decide_ads_command(const HouseholdState& state, const json& command) {
  Errors errors;
  Reader in(command, "", errors);
  AdRequest request;
  std::optional<std::string> tc, gpp;
  if (in.object({"command", "profileId", "age", "context", "tcString", "gppString", "gpc", "vendorId"})) {
    if (auto context = in.choice("context", ad_context_from,
                                 "kids_experience, child_directed, mixed_audience, general"))
      request.context = *context;
    auto profile_id = in.id("profileId", false);
    const json* age = in.find("age");
    if (profile_id && age) {
      in.fail(code::invalid_input, "age", "give profileId or age, not both");
    } else if (profile_id) {
      const Profile* found = nullptr;
      for (const auto& p : state.profiles)
        if (p.id == *profile_id) found = &p;
      if (!found) in.fail(code::not_found, "profileId", "is not a profile of this household");
      else request.age = found->kind == ProfileKind::child ? AgeGroup::child : AgeGroup::adult;
    } else if (age) {
      if (!age->is_string() || *age != "unknown")
        in.fail(code::invalid_input, "age", "must be 'unknown' (or give profileId)");
    } else {
      in.fail(code::invalid_input, "profileId", "is required: whose ad this is (or age: 'unknown')");
    }
    tc = in.text("tcString", kMaxSignalBytes, false);
    gpp = in.text("gppString", kMaxSignalBytes, false);
    request.gpc = in.boolean("gpc", false).value_or(false);
    if (auto vendor = in.integer("vendorId", 1, 65535, false)) request.vendor_id = static_cast<int>(*vendor);
  }
  if (!errors.empty()) return to_json(fail_closed(std::move(errors)));
  if (tc) request.tc_string = *tc;
  if (gpp) request.gpp_string = *gpp;
  return to_json(decide_ads(request));
}

}  // namespace privacy
