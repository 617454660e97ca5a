// The JSON the command layer answers with: decoded TC and GPP strings and ad
// decisions hold to their JSON Schemas (checked by tests/native/schema_check.hpp
// over many inputs), the reason words are one closed table, and the
// decision's inputs (age signals, places, the operator's table) are read
// through decideAds, setJurisdiction and setJurisdictionPolicy: values, or
// coded errors with paths.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "ads/ads_json.hpp"
#include "fixtures.hpp"
#include "schema_check.hpp"
#include "signals/signals_json.hpp"

using namespace privacy;
using nlohmann::json;

namespace {

constexpr const char* kTcf = "CQuZP8AQuZP8AEsACAENCWFgALAAAAAAAAYgF5wAgAQALzAAAAAA.IF5wAwAEAAgAXmAA.YAAAAAAAAAAA";

json us_vectors() {
  std::ifstream in(std::string(PRIVACY_TEST_DATA_DIR) + "/gpp/us-sections.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

void holds(const json& value, const json& schema) {
  std::string problem = schema_check::check(value, schema);
  CHECK_MESSAGE(problem.empty(), problem << " in " << value.dump().substr(0, 300));
}


}  // namespace

TEST_CASE("decoded TC and GPP strings hold to their schemas") {  // covers R-SIG-1, R-SIG-2
  json tc_schema = tc_string_schema(), gpp_schema = gpp_string_schema();
  for (const char* tc : {kTcf, "CQSWoeAQSZcpQEsACBFRAHEoAPIAAEKAAAYgAmsUQGG_LGBiMRCgAoQAAQAQwAEABAAA.IAOsUQGGgAAA.eAAAAAAAAaAA"}) {
    auto decoded = decode_tc_string(tc);
    REQUIRE(decoded);
    holds(to_json(*decoded), tc_schema);
  }
  std::size_t checked = 0;
  for (const auto& v : us_vectors()) {
    auto decoded = decode_gpp(v["text"].get<std::string>());
    REQUIRE(decoded);
    holds(to_json(*decoded), gpp_schema);
    ++checked;
  }
  for (std::string text : {std::string("DBACNYA~") + kTcf + "~1YNN", std::string("DBABjw~AAAA~1YNN")}) {
    auto decoded = decode_gpp(text);
    REQUIRE(decoded);
    holds(to_json(*decoded), gpp_schema);
  }
  CHECK(checked == 66);
  // A schema refuses what is not the shape (the checker is not vacuous).
  json tc = to_json(*decode_tc_string(kTcf));
  tc["policyVersion"] = 3;
  CHECK_FALSE(schema_check::check(tc, tc_schema).empty());
  tc.erase("policyVersion");
  CHECK_FALSE(schema_check::check(tc, tc_schema).empty());
}

TEST_CASE("ad decisions hold to their schema, whatever the request (seeded property)") {  // covers R-ADS-6, R-SIG-4, R-AGE-4
  json schema = ad_decision_schema();
  const char* gpps[] = {"DBABLA~CVVqAAAAAACA.QA", "DBABLA~CVVqAAAAAACA.YA", "DBABBg~BVoAAAiA.QA", "DBABLA~CVFqAAAAAACA.QA",
                        "DBABrw~CVVqAAAAAACA.QA~BVkAAACA.QA", "garbage", "DBABRg~BVoAAGA"};
  const char* places[] = {"DE", "GB", "US", "US-CA", "US-DE", "JP", "UK"};
  std::mt19937 rng(11);
  std::set<std::string> levels;
  for (int n = 0; n < 1500; ++n) {
    AdRequest r;
    r.age = static_cast<AgeGroup>(rng() % 4);
    r.context = static_cast<AdContext>(rng() % 4);
    if (rng() % 2) r.jurisdiction = places[rng() % 7];
    if (rng() % 2) r.tc_string = kTcf;
    if (rng() % 2) r.gpp_string = gpps[rng() % 7];
    r.gpc = rng() % 5 == 0;
    r.gpc_recorded = rng() % 5 == 0;
    if (rng() % 2) r.vendor_id = rng() % 2 ? 755 : 8;
    std::vector<AgeSignal> signals;
    if (rng() % 3 == 0) signals.push_back({AgeSource::apple, static_cast<int>(rng() % 20), std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    r.age_signals = signals;
    AdDecision d = decide_ads(r);
    json out = to_json(d);
    holds(out, schema);
    levels.insert(out["level"].get<std::string>());
    CHECK(out.contains("coppaStrip") == d.coppa);
    CHECK(out["regs"].contains("us_privacy") == false);  // never passed on (R-SIG-4)
  }
  CHECK(levels.size() == 3);
  holds(to_json(fail_closed({{code::invalid_input, "jurisdiction", "x"}})), schema);
}

TEST_CASE("the reason words are one closed table: unique, the error codes written once") {  // covers R-ADS-6
  std::set<std::string_view> seen(kReasonNames.begin(), kReasonNames.end());
  CHECK(seen.size() == kReasonCount);
  for (const char* c : {code::invalid_signal, code::noncompliant_signal, code::contradictory_signal, code::invalid_input,
                        code::not_found, code::internal})
    CHECK(to_string(reason_for_code(c)) == c);
  CHECK(reason_for_code("no_such_code") == Reason::internal);
  ReasonList list;
  list.add(Reason::tcf_consent);
  list.add(Reason::r_ads_4);
  list.add(Reason::r_ads_2);
  list.add(Reason::tcf_consent);
  REQUIRE(list.size() == 3);
  CHECK(list[0] == Reason::r_ads_4);  // rule ids before words, each once
  CHECK(list[1] == Reason::r_ads_2);
  CHECK(list[2] == Reason::tcf_consent);
}

namespace {

// describeCommands: every command's input and answer as JSON Schemas, with their $defs.
const json& described() {
  static const json d = json::parse(describe_commands_json());
  return d;
}
const json& input_schema(const char* command) {
  for (const auto& c : described()["commands"])
    if (c["name"] == command) return c["input"];
  FAIL("no command " << command);
  return described();
}

// A command's input held to its schema from describeCommands ($refs into its $defs).
void holds_in(const json& value, const json& schema) {
  std::string problem = schema_check::check(value, schema, "$", &described());
  CHECK_MESSAGE(problem.empty(), problem << " in " << value.dump().substr(0, 300));
}

json decide(Engine& e, json extra) {
  json c = {{"command", "decideAds"}, {"now", 0}, {"age", "unknown"}, {"context", "general"}};
  c.update(extra);
  json out = e.execute(c);
  REQUIRE(out["type"] == "success");  // it never fails: it fails closed
  return out["result"];
}

}  // namespace

TEST_CASE("decideAds reads age signals strictly, with coded errors and paths, and fails closed on them") {  // covers R-AGE-2, R-INT-4
  Engine e;
  json good = json::parse(R"([
    {"source": "apple", "lowerBound": 13, "upperBound": 15, "ageRangeDeclaration": "guardianDeclared"},
    {"source": "google_play", "userStatus": "SUPERVISED", "ageLower": 13, "ageUpper": 15},
    {"source": "amazon", "userStatus": "VERIFIED", "ageLower": 18},
    {"source": "self_declared", "band": "18_plus"},
    {"source": "parent_declared", "band": "16_17"}])");
  json d = decide(e, {{"ageSignals", good}});
  CHECK_FALSE(d.contains("errors"));
  CHECK(d["ageBand"] == "13_15");  // the lowest band any of them shows (R-AGE-2)
  CHECK(d["ageTreatment"] == "teen");
  CHECK(d["level"] == "contextual");
  const json& schema = input_schema("decideAds");
  holds_in(json{{"command", "decideAds"}, {"now", 0}, {"age", "unknown"}, {"ageSignals", good}}, schema);
  struct Bad {
    const char* json_text;
    const char* path;
    bool schema_sees_it = true;  // JSON Schema cannot compare two fields (lower <= upper)
  };
  const Bad bad[] = {
      {R"({"source": "apple"})", "ageSignals"},
      {R"([{"source": "apple"}])", "ageSignals[0]", false},
      {R"([{"source": "facebook", "band": "13_15"}])", "ageSignals[0].source"},
      {R"([{"source": "apple", "lowerBound": 16, "upperBound": 13}])", "ageSignals[0]", false},
      {R"([{"source": "apple", "lowerBound": "13"}])", "ageSignals[0].lowerBound"},
      {R"([{"source": "apple", "ageLower": 13}])", "ageSignals[0].ageLower"},
      {R"([{"source": "google_play", "ageLower": 13}])", "ageSignals[0].userStatus"},
      {R"([{"source": "google_play", "userStatus": "verified"}])", "ageSignals[0].userStatus"},
      {R"([{"source": "self_declared", "band": "14"}])", "ageSignals[0].band"},
      {R"([{"source": "parent_declared", "band": "13_15", "lowerBound": 13}])", "ageSignals[0].lowerBound"},
      {R"([{"source": "apple", "lowerBound": 151}])", "ageSignals[0].lowerBound"},
      {R"([7])", "ageSignals[0]"},
  };
  for (const auto& b : bad) {
    CAPTURE(b.json_text);
    json v = json::parse(b.json_text);
    json closed = decide(e, {{"ageSignals", v}});
    CHECK(closed["level"] == "none");
    CHECK(closed["ageTreatment"] == "child");
    REQUIRE(closed["errors"].size() >= 1);
    CHECK(closed["errors"].front()["code"] == code::invalid_input);
    CHECK(closed["errors"].front()["path"] == b.path);
    json command = {{"command", "decideAds"}, {"now", 0}, {"age", "unknown"}, {"ageSignals", v}};
    if (b.schema_sees_it) CHECK_FALSE(schema_check::check(command, schema, "$", &described()).empty());
  }
}

TEST_CASE("a jurisdiction and an operator's overrides are read strictly, with coded errors and paths") {  // covers R-AGE-3, R-INT-4
  Engine e;
  fixtures::build_household(e);
  auto set_place = [](json place) {
    return json{{"command", "setJurisdiction"}, {"actor", "g1"}, {"now", fixtures::kStart}, {"jurisdiction", place}};
  };
  CHECK(fixtures::ok(e, set_place("US-CA"))["jurisdiction"] == "US-CA");
  CHECK(fixtures::ok(e, set_place(nullptr))["jurisdiction"].is_null());  // unknown: the US rules
  for (json bad : {json("uk"), json("UK"), json(42), json("US-ZZ"), json("ABCDEFGHIJK")}) {
    CAPTURE(bad.dump());
    fixtures::fails(e, set_place(bad), code::invalid_input, "jurisdiction");
    CHECK(decide(e, {{"jurisdiction", bad}})["level"] == "none");
  }
  auto set_policy = [](json overrides) {
    return json{{"command", "setJurisdictionPolicy"}, {"actor", "operator"}, {"now", fixtures::kStart},
                {"overrides", overrides}};
  };
  json overrides = json::parse(R"([{"code": "US-CA", "teenAds13to15": "off_by_default"}, {"code": "JP", "regime": "other", "consentAge": 18},
                                   {"code": "*", "consentAge": 13}])");
  json table = fixtures::ok(e, set_policy(overrides));
  CHECK(table["overrides"].size() == 3);
  CHECK(table["defaults"].size() > 20);
  const auto& stored = e.household().state().jurisdiction_policy;
  CHECK(policy_for("US-CA", stored).teen_13_15 == TeenAdRule::off_by_default);
  CHECK(policy_for("JP", stored).consent_age == 18);
  CHECK(policy_for("BR", stored).consent_age == 13);
  CHECK(fixtures::ok(e, {{"command", "jurisdictionPolicy"}, {"actor", "anyone"}}) == table);
  holds_in(set_policy(overrides), input_schema("setJurisdictionPolicy"));
  json bad = json::parse(R"([{"code": "UK"}, {"code": "DE", "consentAge": 12}, {"code": "FR", "teenAds13to15": "sometimes"},
                             {"code": "IT", "color": 1}, 3])");
  json errors = fixtures::fails(e, set_policy(bad), code::invalid_input, "overrides[0].code");
  std::set<std::string> paths;
  for (const auto& err : errors) paths.insert(err["path"]);
  CHECK(paths == std::set<std::string>{"overrides[0].code", "overrides[1].consentAge", "overrides[2].teenAds13to15",
                                       "overrides[3].color", "overrides[4]"});
  fixtures::fails(e, set_policy(json::parse(R"([{"code": "DE"}, {"code": "DE", "consentAge": 14}])")), code::invalid_input,
                  "overrides[1].code");
  fixtures::fails(e, set_policy(json::object()), code::invalid_input, "overrides");
  fixtures::fails(e, {{"command", "setJurisdictionPolicy"}, {"actor", "g1"}, {"now", fixtures::kStart}, {"overrides", overrides}},
                  code::forbidden, "actor");
  CHECK_FALSE(schema_check::check(set_policy(bad), input_schema("setJurisdictionPolicy"), "$", &described()).empty());
  CHECK_FALSE(schema_check::check(set_place("us-ca"), input_schema("setJurisdiction"), "$", &described()).empty());
}
