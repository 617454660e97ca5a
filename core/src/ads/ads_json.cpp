// The ad decision as JSON, and its schema.
#include "ads_json.hpp"

#include "../signals/signals_json.hpp"

namespace privacy {

using nlohmann::json;
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

}  // namespace privacy
