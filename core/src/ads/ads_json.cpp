// The ad decision as JSON, its schema, and the readers of its new inputs.
#include "ads_json.hpp"

#include "../json_reader.hpp"
#include "../signals/signals_json.hpp"

namespace privacy {

using nlohmann::json;
using detail::Reader;
using detail::schema_integer;
using detail::schema_nullable;
using detail::schema_object;

namespace {

[[gnu::noinline]] json& slot(json& object, const char* key) { return object[key]; }

json enum_of(std::initializer_list<std::string_view> names) {
  json out = json::array();
  for (auto n : names) out.push_back(std::string(n));
  return {{"enum", out}};
}

constexpr int kMaxAge = 150;  // bounds beyond a human life are a typing error
constexpr std::size_t kMaxAgeSignals = 16;

}  // namespace

json to_json(const AdDecision& d) {
  json out;
  out["level"] = std::string(to_string(d.level));
  out["saleAllowed"] = d.sale_allowed;
  json& reasons = slot(out, "reasons") = json::array();
  for (Reason r : d.reasons) reasons.push_back(std::string(to_string(r)));
  json& regs = slot(out, "regs");
  regs["coppa"] = d.coppa ? 1 : 0;
  if (d.gdpr) regs["gdpr"] = *d.gdpr ? 1 : 0;
  if (d.gpp) {
    regs["gpp"] = *d.gpp;
    json& sid = slot(regs, "gpp_sid") = json::array();
    for (int id : d.gpp_sid) sid.push_back(id);
  }
  if (d.gpc_header) regs["ext"] = {{"gpc", "1"}};
  if (d.consent) out["user"] = {{"consent", *d.consent}};
  if (d.age_treatment != AgeTreatment::none) out["ageTreatment"] = std::string(to_string(d.age_treatment));
  json& band = slot(out, "ageBand");
  if (d.age_band) band = std::string(to_string(*d.age_band));
  out["ageSource"] = std::string(to_string(d.age_source));
  out["gpcHonoured"] = d.gpc_honoured;
  json& jurisdiction = slot(out, "jurisdiction");
  if (!d.jurisdiction.empty()) jurisdiction = d.jurisdiction;
  if (d.coppa) {
    json& strip = slot(out, "coppaStrip") = json::array();
    for (const auto& f : kCoppaStrip)
      strip.push_back({{"field", std::string(f.field)}, {"action", std::string(to_string(f.action))}});
  }
  if (!d.errors.empty()) {
    json& errors = slot(out, "errors") = json::array();
    for (const auto& e : d.errors) errors.push_back({{"code", e.code}, {"path", e.path}, {"message", e.message}});
  }
  return out;
}

json ad_decision_schema() {
  json reason_names = json::array();
  for (auto n : kReasonNames) reason_names.push_back(std::string(n));
  json regs = {{"type", "object"},
               {"properties",
                {{"coppa", schema_integer(0, 1)},
                 {"gdpr", schema_integer(0, 1)},
                 {"gpp", {{"type", "string"}}},
                 {"gpp_sid", {{"type", "array"}, {"items", schema_integer(1, 65535)}}},
                 {"ext", schema_object({{"gpc", {{"const", "1"}}}})}}},
               {"required", {"coppa"}},
               {"dependentRequired", {{"gpp", {"gpp_sid"}}}},
               {"additionalProperties", false}};
  json strip = {{"type", "array"},
                {"items", schema_object({{"field", {{"type", "string"}}},
                                         {"action", enum_of({to_string(StripAction::remove),
                                                             to_string(StripAction::truncate_ipv4_8_bits),
                                                             to_string(StripAction::truncate_ipv6_to_56_bits)})}})}};
  json error = schema_object({{"code", {{"type", "string"}}}, {"path", {{"type", "string"}}},
                              {"message", {{"type", "string"}}}});
  json s = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
            {"title", "An ad decision (R-ADS-1..6, R-AGE-4, R-SIG-1..4)"},
            {"type", "object"},
            {"properties",
             {{"level", enum_of({to_string(AdLevel::none), to_string(AdLevel::contextual),
                                 to_string(AdLevel::personalised)})},
              {"saleAllowed", {{"const", false}}},
              {"reasons", {{"type", "array"}, {"items", {{"enum", reason_names}}}, {"minItems", 1}}},
              {"regs", regs},
              {"user", schema_object({{"consent", {{"type", "string"}}}})},
              {"ageTreatment", enum_of({to_string(AgeTreatment::child), to_string(AgeTreatment::teen)})},
              {"ageBand", schema_nullable(enum_of({to_string(AgeBand::under_13), to_string(AgeBand::from_13_to_15),
                                                   to_string(AgeBand::from_16_to_17), to_string(AgeBand::adult)}))},
              {"ageSource", enum_of({to_string(AgeSource::none), to_string(AgeSource::profile),
                                     to_string(AgeSource::birth_date), to_string(AgeSource::apple),
                                     to_string(AgeSource::google_play), to_string(AgeSource::amazon),
                                     to_string(AgeSource::self_declared), to_string(AgeSource::parent_declared),
                                     to_string(AgeSource::gpp)})},
              {"gpcHonoured", {{"type", "boolean"}}},
              {"jurisdiction", schema_nullable({{"type", "string"}})},
              {"coppaStrip", strip},
              {"errors", {{"type", "array"}, {"items", error}, {"minItems", 1}}}}},
            {"required", {"level", "saleAllowed", "reasons", "regs", "ageBand", "ageSource", "gpcHonoured",
                          "jurisdiction"}},
            {"additionalProperties", false}};
  return s;
}

// ---------------------------------------------------------------- readers

Result<std::vector<AgeSignal>> read_age_signals(const json& value, const std::string& path) {
  Errors errors;
  std::vector<AgeSignal> out;
  if (!value.is_array() || value.size() > kMaxAgeSignals) {
    return Error{code::invalid_input, path, "must be an array of at most 16 age signals"};
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string at = detail::index_path(path, i);
    Reader in(value[i], at, errors);
    std::size_t before = errors.size();
    if (!value[i].is_object()) {
      in.object({});
      continue;
    }
    auto source = in.choice("source", age_signal_source_from,
                            "apple, google_play, amazon, self_declared, parent_declared");
    if (!source) continue;
    AgeSignal s;
    s.source = *source;
    auto bound = [&](const char* key) -> std::optional<int> {
      auto v = in.integer(key, 0, kMaxAge, false);
      return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    };
    const char* lower_key = "ageLower";
    const char* upper_key = "ageUpper";
    if (s.source == AgeSource::apple) {
      lower_key = "lowerBound";
      upper_key = "upperBound";
      in.object({"source", "lowerBound", "upperBound", "ageRangeDeclaration"});
      s.declaration = in.choice("ageRangeDeclaration", apple_declaration_from,
                                "selfDeclared, guardianDeclared, paymentChecked, governmentIDChecked, "
                                "checkedByOtherMethod, confirmed",
                                false);
    } else if (s.source == AgeSource::google_play || s.source == AgeSource::amazon) {
      in.object({"source", "userStatus", "ageLower", "ageUpper"});
      s.status = in.choice("userStatus", store_user_status_from,
                           "VERIFIED, SUPERVISED, SUPERVISED_APPROVAL_PENDING, SUPERVISED_APPROVAL_DENIED, "
                           "UNKNOWN, DECLARED");
    } else {
      in.object({"source", "band"});
      s.band = in.choice("band", age_band_from, "under_13, 13_15, 16_17, 18_plus");
    }
    if (s.source != AgeSource::self_declared && s.source != AgeSource::parent_declared) {
      s.lower = bound(lower_key);
      s.upper = bound(upper_key);
      if (s.lower && s.upper && *s.lower > *s.upper)
        in.fail(code::invalid_input, in.path(upper_key), std::string("is below ") + lower_key);
      if (s.source == AgeSource::apple && !s.lower && !s.upper && errors.size() == before)
        in.fail(code::invalid_input, at, "an Apple age range has lowerBound, upperBound or both");
    }
    if (errors.size() == before) out.push_back(s);
  }
  if (!errors.empty()) return errors;
  return out;
}

Result<std::string> read_jurisdiction(const json& value, const std::string& path) {
  if (!value.is_string() || value.get_ref<const std::string&>().size() > 10)
    return Error{code::invalid_input, path, "must be an ISO 3166 code such as DE, GB, US or US-CA"};
  const std::string& code = value.get_ref<const std::string&>();
  if (auto bad = check_jurisdiction_code(code)) return Error{code::invalid_input, path, bad->message};
  return code;
}

Result<JurisdictionOverrides> read_jurisdiction_overrides(const json& value, const std::string& path) {
  Errors errors;
  JurisdictionOverrides out;
  if (!value.is_object()) return Error{code::invalid_input, path, "must be an object of jurisdiction codes"};
  if (value.size() > 512) return Error{code::invalid_input, path, "has more than 512 jurisdictions"};
  for (const auto& item : value.items()) {
    std::string at = detail::join_path(path, item.key().size() <= 10 ? item.key() : item.key().substr(0, 10));
    if (item.key() != "*") {
      if (auto bad = check_jurisdiction_code(item.key())) {
        errors.push_back({code::invalid_input, at, bad->message});
        continue;
      }
    }
    Reader in(item.value(), at, errors);
    if (!in.object({"regime", "consentAge", "teenAds13to15", "teenAds16to17"})) continue;
    JurisdictionOverride o;
    o.code = item.key();
    o.regime = in.choice("regime", regime_from, "eu_eea, uk, us, other", false);
    if (auto age = in.integer("consentAge", 13, 18, false)) o.consent_age = static_cast<int>(*age);
    const char* rules = "never, off_by_default, gpp_opt_in, as_adult";
    o.teen_13_15 = in.choice("teenAds13to15", teen_ad_rule_from, rules, false);
    o.teen_16_17 = in.choice("teenAds16to17", teen_ad_rule_from, rules, false);
    out.push_back(std::move(o));
  }
  if (!errors.empty()) return errors;
  return out;
}

json age_signals_schema() {
  json bound = schema_integer(0, kMaxAge);
  json apple = {{"type", "object"},
                {"properties", {{"source", {{"const", "apple"}}}, {"lowerBound", bound}, {"upperBound", bound},
                                {"ageRangeDeclaration", enum_of({"selfDeclared", "guardianDeclared", "paymentChecked",
                                                                 "governmentIDChecked", "checkedByOtherMethod",
                                                                 "confirmed"})}}},
                {"required", {"source"}},
                {"anyOf", {{{"required", {"lowerBound"}}}, {{"required", {"upperBound"}}}}},
                {"additionalProperties", false}};
  json store = {{"type", "object"},
                {"properties", {{"source", enum_of({"google_play", "amazon"})},
                                {"userStatus", enum_of({"VERIFIED", "SUPERVISED", "SUPERVISED_APPROVAL_PENDING",
                                                        "SUPERVISED_APPROVAL_DENIED", "UNKNOWN", "DECLARED"})},
                                {"ageLower", bound}, {"ageUpper", bound}}},
                {"required", {"source", "userStatus"}},
                {"additionalProperties", false}};
  json declared = schema_object({{"source", enum_of({"self_declared", "parent_declared"})},
                                 {"band", enum_of({"under_13", "13_15", "16_17", "18_plus"})}});
  return {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
          {"title", "Age signals (R-AGE-2)"},
          {"type", "array"},
          {"maxItems", kMaxAgeSignals},
          {"items", {{"oneOf", {apple, store, declared}}}}};
}

json jurisdiction_schema() {
  return {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
          {"title", "An ISO 3166 jurisdiction code (R-AGE-3)"},
          {"type", "string"},
          {"pattern", "^[A-Z]{2}(-[A-Z0-9]{1,3})?$"}};
}

json jurisdiction_overrides_schema() {
  json rule = enum_of({"never", "off_by_default", "gpp_opt_in", "as_adult"});
  json row = {{"type", "object"},
              {"properties", {{"regime", enum_of({"eu_eea", "uk", "us", "other"})},
                              {"consentAge", schema_integer(13, 18)},
                              {"teenAds13to15", rule},
                              {"teenAds16to17", rule}}},
              {"additionalProperties", false}};
  return {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
          {"title", "An operator's jurisdiction policy overrides (R-AGE-3, R-AGE-4)"},
          {"type", "object"},
          {"maxProperties", 512},
          {"propertyNames", {{"pattern", "^(\\*|[A-Z]{2}(-[A-Z0-9]{1,3})?)$"}}},
          {"additionalProperties", row}};
}

}  // namespace privacy
