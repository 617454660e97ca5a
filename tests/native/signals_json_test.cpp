// The JSON the command layer answers with: decoded TC and GPP strings and ad
// decisions hold to their JSON Schemas (checked by tests/native/schema_check.hpp
// over many inputs), the reason words are one closed table, and the readers
// of the decision's new inputs give values or coded errors with paths.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "ads/ads_json.hpp"
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

TEST_CASE("age signals are read strictly, with coded errors and paths") {  // covers R-AGE-2
  json good = json::parse(R"([
    {"source": "apple", "lowerBound": 13, "upperBound": 15, "ageRangeDeclaration": "guardianDeclared"},
    {"source": "google_play", "userStatus": "SUPERVISED", "ageLower": 13, "ageUpper": 15},
    {"source": "amazon", "userStatus": "VERIFIED", "ageLower": 18},
    {"source": "self_declared", "band": "18_plus"},
    {"source": "parent_declared", "band": "16_17"}])");
  auto signals = read_age_signals(good, "ageSignals");
  REQUIRE(signals);
  REQUIRE(signals->size() == 5);
  CHECK((*signals)[0].declaration == AppleDeclaration::guardian_declared);
  CHECK((*signals)[1].status == StoreUserStatus::supervised);
  CHECK((*signals)[4].band == AgeBand::from_16_to_17);
  holds(good, age_signals_schema());
  struct Bad {
    const char* json_text;
    const char* path;
    bool schema_sees_it = true;  // JSON Schema cannot compare two fields (lower <= upper)
  };
  const Bad bad[] = {
      {R"({"source": "apple"})", "ageSignals"},
      {R"([{"source": "apple"}])", "ageSignals[0]"},
      {R"([{"source": "facebook", "band": "13_15"}])", "ageSignals[0].source"},
      {R"([{"source": "apple", "lowerBound": 16, "upperBound": 13}])", "ageSignals[0].upperBound", false},
      {R"([{"source": "apple", "lowerBound": "13"}])", "ageSignals[0].lowerBound"},
      {R"([{"source": "apple", "ageLower": 13}])", "ageSignals[0].ageLower"},
      {R"([{"source": "google_play", "ageLower": 13}])", "ageSignals[0].userStatus"},
      {R"([{"source": "google_play", "userStatus": "verified"}])", "ageSignals[0].userStatus"},
      {R"([{"source": "self_declared", "band": "14"}])", "ageSignals[0].band"},
      {R"([{"source": "parent_declared", "band": "13_15", "lowerBound": 13}])", "ageSignals[0].lowerBound"},
      {R"([7])", "ageSignals[0]"},
  };
  for (const auto& b : bad) {
    CAPTURE(b.json_text);
    json v = json::parse(b.json_text);
    auto r = read_age_signals(v, "ageSignals");
    REQUIRE_FALSE(r);
    CHECK(r.errors().front().code == code::invalid_input);
    CHECK(r.errors().front().path == b.path);
    if (b.schema_sees_it) CHECK_FALSE(schema_check::check(v, age_signals_schema()).empty());
  }
}

TEST_CASE("a jurisdiction and an operator's overrides are read strictly, with coded errors and paths") {  // covers R-AGE-3
  CHECK(*read_jurisdiction("US-CA", "jurisdiction") == "US-CA");
  for (json bad : {json("uk"), json("UK"), json(42), json("US-ZZ"), json("ABCDEFGHIJK")}) {
    auto r = read_jurisdiction(bad, "jurisdiction");
    REQUIRE_FALSE(r);
    CHECK(r.errors().front().path == "jurisdiction");
    CHECK(r.errors().front().code == code::invalid_input);
  }
  json overrides = json::parse(R"({"US-CA": {"teenAds16to17": "as_adult"}, "JP": {"regime": "other", "consentAge": 18},
                                   "*": {"consentAge": 13}})");
  auto o = read_jurisdiction_overrides(overrides, "jurisdictions");
  REQUIRE(o);
  CHECK(o->size() == 3);
  CHECK(policy_for("US-CA", *o).teen_16_17 == TeenAdRule::as_adult);
  CHECK(policy_for("JP", *o).consent_age == 18);
  holds(overrides, jurisdiction_overrides_schema());
  json bad = json::parse(R"({"UK": {}, "DE": {"consentAge": 12}, "FR": {"teenAds13to15": "sometimes"}, "IT": {"color": 1}, "ES": 3})");
  auto r = read_jurisdiction_overrides(bad, "jurisdictions");
  REQUIRE_FALSE(r);
  std::set<std::string> paths;
  for (const auto& e : r.errors()) paths.insert(e.path);
  CHECK(paths == std::set<std::string>{"jurisdictions.UK", "jurisdictions.DE.consentAge", "jurisdictions.FR.teenAds13to15",
                                       "jurisdictions.IT.color", "jurisdictions.ES"});
  CHECK_FALSE(read_jurisdiction_overrides(json::array(), "jurisdictions"));
  holds(json("US-CA"), jurisdiction_schema());
  CHECK_FALSE(schema_check::check(json("us-ca"), jurisdiction_schema()).empty());
}
