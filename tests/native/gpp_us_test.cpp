// Every US GPP section (R-SIG-2), natively: the strings @iabgpp/cmpapi made
// for each section (tests/data/gpp/us-sections.json, with the fields it
// decodes) give the same fields here, and malformed sections are refused
// with invalid_signal naming the section, the field and the character.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "signals/signals_json.hpp"
#include "privacy/gpp.hpp"

using namespace privacy;
using nlohmann::json;

namespace {

json read_vectors() {
  std::ifstream in(std::string(PRIVACY_TEST_DATA_DIR) + "/gpp/us-sections.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::string message_of(const std::string& text) {
  auto gpp = decode_gpp(text);
  return gpp ? std::string("decoded") : gpp.errors().front().code + ": " + gpp.errors().front().message;
}

}  // namespace

TEST_CASE("every US section decodes field for field as @iabgpp/cmpapi wrote it") {  // covers R-SIG-2
  json vectors = read_vectors();
  std::set<int> ids;
  for (const auto& v : vectors) {
    std::string text = v["text"];
    CAPTURE(text);
    auto gpp = decode_gpp(text);
    REQUIRE_MESSAGE(gpp, message_of(text));
    REQUIRE(gpp->sections.size() == 1);
    REQUIRE(gpp->sections[0].us);
    json ours = to_json(*gpp)["sections"][0];
    CHECK(ours["id"] == v["id"]);
    CHECK(ours["name"] == v["name"]);
    CHECK(ours["fields"] == v["fields"]);
    ids.insert(v["id"].get<int>());
  }
  CHECK(ids.size() == 21);  // 7 and 8-27
}

TEST_CASE("a US section's two-bit values, sub-sections and length are held to its layout") {  // covers R-SIG-2
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      // usva (9): SharingNotice 3; a sub-section it does not have; a core one character short.
      {"DBABRg~BxoAAGA", "section 9 (usva) at character 8 (sharingNotice): value 3 is not defined (0, 1 or 2)"},
      {"DBABRg~BVoAAGA.YA", "section 9 (usva) at character 15: usva has no sub-sections"},
      {"DBABRg~BVoAAG", "section 9 (usva) at character 7 (version): usva version 1 is 40 bits (7 or 8 characters); this core has 6 characters"},
      // usca (8): version 2 does not exist; a GPC sub-section of type 2.
      {"DBABBg~CVoAAACA.QA", "section 8 (usca) at character 7 (version): usca version 1 is the only one; this is 2"},
      {"DBABBg~BVoAAACA.gA", "section 8 (usca) at character 16 (SubsectionType): the only optional usca sub-section is GPC (type 1)"},
      // usmd (24): MspaCoveredTransaction 0; MspaMode 3; the 2025 section-header layout.
      {"DBABEYA~BBWg.QA", "(mspaCoveredTransaction): value 0 is not defined (1 yes, 2 no)"},
      {"DBABEYA~BdWg.QA", "(mspaMode): value 3 is not defined"},
      {"DBABEYA~YEAs.BlWg.QA", "section 24 (usmd) at character 8 (mspaVersion): this starts with the section's own id, 24"},
      // usri (27): MspaVersion 2; the sensitive-data sub-section cut short.
      {"DBABSYA~ChWg.AAA", "usri version 1 is the only one; this is 2"},
      {"DBABSYA~BhWg.AA", "(sensitiveDataProcessing): the string ends before this field"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto gpp = decode_gpp(c.text);
    REQUIRE_FALSE(gpp);
    CHECK(gpp.errors().front().code == code::invalid_signal);
    CHECK_MESSAGE(gpp.errors().front().message.find(c.expected) != std::string::npos, gpp.errors().front().message);
  }
}

TEST_CASE("a GPP string with several US sections keeps each section's own fields") {  // covers R-SIG-2
  auto gpp = decode_gpp("DBABrw~CVVqAAAAAACA.QA~BVkAAACA.QA");
  REQUIRE_MESSAGE(gpp, message_of("DBABrw~CVVqAAAAAACA.QA~BVkAAACA.QA"));
  REQUIRE(gpp->section_ids == std::vector<int>{7, 8});
  const UsSection& usnat = *gpp->sections[0].us;
  const UsSection& usca = *gpp->sections[1].us;
  CHECK(usnat[UsField::sharing_opt_out] == 2);
  CHECK(usca[UsField::sharing_opt_out] == 1);
  CHECK_FALSE(usca.has(UsField::targeted_advertising_opt_out));
  CHECK(usca.sensitive_count == 9);
  CHECK(usca.known_child_count == 2);
  CHECK(std::string(gpp_section_name(27)) == "usri");
  CHECK(std::string(gpp_section_name(1)) == "tcfeuv1");
}
