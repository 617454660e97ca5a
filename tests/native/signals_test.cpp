// The TCF and GPP decoders on known strings (the IAB's published examples,
// and strings made by the IAB's reference encoders with the values they were
// made from), and malformed strings refused with a coded error and the
// character position. The TCF v2.3 rules have their own file
// (tcf_rules_test.cpp), every US GPP section too (gpp_us_test.cpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "privacy/signals.hpp"

using namespace privacy;

namespace {

std::vector<int> ids(const VendorSet& set) {
  std::vector<int> out;
  for (auto id : set.ids()) out.push_back(id);
  return out;
}

std::vector<int> bit_ids(std::uint64_t bits) {
  std::vector<int> out;
  for (int i = 0; i < 64; ++i)
    if (bits >> i & 1u) out.push_back(i + 1);
  return out;
}

// The first error's message, or "" when it decoded.
template <class R>
std::string error_of(const R& result) {
  return result ? std::string() : result.errors().front().code + ": " + result.errors().front().message;
}

}  // namespace

// The IAB GPP specification's example TC string (GPP String Example 1). It
// has policy version 2 (2022): refused since TCF v2.2 (R-SIG-1).
constexpr const char* kIabExample = "CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA";
// Made by @iabtechlabtcf/core 1.5.21 from tests/data/tcf/vendor-list-v3-policy5.json:
// CMP 300 v2, DE, created 2026-11-28, purposes 1 3 4, vendors 755 and 32
// consented, 755 32 8 disclosed, an empty publisher TC segment.
constexpr const char* kV23 = "CQuZP8AQuZP8AEsACAENCWFgALAAAAAAAAYgF5wAgAQALzAAAAAA.IF5wAwAEAAgAXmAA.YAAAAAAAAAAA";

TEST_CASE("the IAB's GPP example TC string is refused: policy version 2 (R-SIG-1)") {  // covers R-SIG-1
  auto tc = decode_tc_string(kIabExample);
  REQUIRE_FALSE(tc);
  CHECK(tc.errors().front().code == "noncompliant_signal");
  CHECK(tc.errors().front().message ==
        "at character 22 (TcfPolicyVersion): TCF v2.2 and v2.3 strings have policy version 4 or more; this one has 2");
}

TEST_CASE("a TCF v2.3 string decodes field by field") {  // covers R-SIG-1, R-ADS-4
  auto tc = decode_tc_string(kV23);
  REQUIRE_MESSAGE(tc, error_of(tc));
  CHECK(tc->version == 2);
  CHECK(tc->created == 1795824000000);  // 2026-11-28T00:00:00Z
  CHECK(tc->last_updated == tc->created);
  CHECK(tc->is_v23());
  CHECK(tc->cmp_id == 300);
  CHECK(tc->cmp_version == 2);
  CHECK(std::string(tc->consent_language.data(), 2) == "EN");
  CHECK(tc->vendor_list_version == 150);
  CHECK(tc->policy_version == 5);
  CHECK(tc->is_service_specific);
  CHECK(std::string(tc->publisher_country_code.data(), 2) == "DE");
  CHECK(bit_ids(tc->purpose_consents) == std::vector<int>{1, 3, 4});
  CHECK(ids(tc->vendor_consents) == std::vector<int>{32, 755});
  CHECK(tc->publisher_restrictions.empty());
  REQUIRE(tc->vendors_disclosed);
  CHECK(ids(*tc->vendors_disclosed) == std::vector<int>{8, 32, 755});
  REQUIRE(tc->publisher_tc);
  CHECK(tc->publisher_tc->num_custom_purposes == 0);
}

TEST_CASE("a v2.2 TC string with bit-field vendors, restrictions, disclosed vendors and publisher TC") {  // covers R-ADS-4, R-SIG-1
  // Made by @iabtechlabtcf/core 1.5.21 with the GVL fixture (language FR):
  // CMP 300 v2, purposes 1 2 3 4 7 consented, LI 2 7 9, special feature 1,
  // the first 30 GVL vendors consented, purpose 3 not allowed for vendor 8.
  auto tc = decode_tc_string("CQSWoeAQSZcpQEsACBFRAHEoAPIAAEKAAAYgAmsUQGG_LGBiMRCgAoQAAQAQwAEABAAA.IAOsUQGGgAAA.eAAAAAAAAaAA");
  REQUIRE_MESSAGE(tc, error_of(tc));
  CHECK(tc->cmp_id == 300);
  CHECK(tc->cmp_version == 2);
  CHECK(std::string(tc->consent_language.data(), 2) == "FR");
  CHECK(tc->policy_version == 4);
  CHECK(tc->vendor_list_version == 7);
  CHECK(tc->created == 1748779200000);
  CHECK(tc->last_updated == 1748853000000);
  CHECK(bit_ids(tc->purpose_consents) == std::vector<int>{1, 2, 3, 4, 7});
  CHECK(bit_ids(tc->purpose_legitimate_interests) == std::vector<int>{2, 7, 9});
  CHECK(bit_ids(tc->special_feature_optins) == std::vector<int>{1});
  CHECK_FALSE(tc->vendor_consents.is_range_encoding);
  CHECK(tc->vendor_consents.max_vendor_id == 77);
  CHECK(ids(tc->vendor_consents) == std::vector<int>{1, 2, 6, 8, 12, 20, 21, 26, 27, 29, 30, 31, 32, 33, 34,
                                                     37, 39, 40, 44, 45, 52, 53, 57, 61, 62, 66, 70, 75, 77});
  CHECK(ids(tc->vendor_legitimate_interests) == std::vector<int>{2, 20});
  REQUIRE(tc->publisher_restrictions.size() == 1);
  CHECK(tc->publisher_restrictions[0].purpose_id == 3);
  CHECK(tc->publisher_restrictions[0].type == RestrictionType::not_allowed);
  CHECK(tc->restriction(3, 8) == RestrictionType::not_allowed);
  CHECK_FALSE(tc->restriction(3, 9));
  REQUIRE(tc->vendors_disclosed);
  CHECK(ids(*tc->vendors_disclosed) == std::vector<int>{1, 2, 6, 8, 12, 20, 21, 26, 27, 29});
  REQUIRE(tc->publisher_tc);
  CHECK(tc->publisher_tc->num_custom_purposes == 3);
  CHECK(bit_ids(tc->publisher_tc->custom_consents) == std::vector<int>{2});
}

TEST_CASE("a range-encoded vendor section decodes like its bit field") {  // covers R-ADS-4
  // @iabtechlabtcf/core: purposes 1 3 4, every third GVL vendor up to 337.
  auto tc = decode_tc_string("CP3tAUAP3tAUAAKABAFRAHEgALAAAAAAAAqICooEACAkIEBAIBAAARAAQQAAIkAIggAgAACAAQQAQAIQSAAEAiAAIAQCEIIAAAAA");
  REQUIRE_MESSAGE(tc, error_of(tc));
  CHECK(tc->vendor_consents.max_vendor_id == 337);
  CHECK(ids(tc->vendor_consents) ==
        std::vector<int>{1, 8, 21, 29, 32, 37, 44, 52, 61, 70, 90, 94, 108, 114, 133, 137, 140, 151, 155,
                         161, 173, 195, 210, 216, 228, 241, 246, 252, 255, 272, 281, 285, 301, 312, 321,
                         326, 331, 337});
  CHECK(tc->vendor_consents.contains(755) == false);
  CHECK(tc->purpose_consent(1));
  CHECK_FALSE(tc->purpose_consent(2));
}

TEST_CASE("malformed TC strings are refused with invalid_signal and the character") {  // covers R-ADS-4
  struct Case { const char* text; const char* expected; };
  const Case cases[] = {
      {"", "is empty"},
      {"CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAA!A", "at character 42"},
      {"garbage", "only TCF v2"},
      {"CPXxRfAPXxRfAAfKABENB-Cg", "the string ends before this field"},
      {"CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAAAAAA", "unexpected data after the last field"},
      {"CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAB", "padding bits after the last field must be zero"},
      {"CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA.zzz", "segment type 6 is undefined"},
      {"CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA.IAAA.IAAA", "appears twice"},
      {"CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA.", "is empty"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto tc = decode_tc_string(c.text);
    REQUIRE_FALSE(tc);
    CHECK(tc.errors().front().code == "invalid_signal");
    CHECK(tc.errors().front().message.find(c.expected) != std::string::npos);
    CHECK(tc.errors().front().message.find("at character ") == 0);
  }
  CHECK_FALSE(decode_tc_string(std::string(kMaxSignalBytes + 1, 'A')));
}

TEST_CASE("the IAB's example GPP headers decode: TCF EU section, US Privacy section") {  // covers R-SIG-2, R-SIG-1
  for (const char* header : {"DBABM", "DBABMA"}) {  // the specification pads to 6 bits, the IAB library to 8
    auto gpp = decode_gpp(std::string(header) + "~" + kV23);
    REQUIRE_MESSAGE(gpp, error_of(gpp));
    CHECK(gpp->version == 1);
    CHECK(gpp->section_ids == std::vector<int>{2});
    REQUIRE(gpp->sections.size() == 1);
    REQUIRE(gpp->sections[0].tcfeuv2);
    CHECK(gpp->sections[0].tcfeuv2->cmp_id == 300);
  }
  // The specification's own example carries a policy-2 TC string: refused as it would be alone.
  auto example = decode_gpp(std::string("DBABM~") + kIabExample);
  REQUIRE_FALSE(example);
  CHECK(example.errors().front().code == "noncompliant_signal");
  CHECK(example.errors().front().message.find("section 2 (tcfeuv2) at character 28 (TcfPolicyVersion)") == 0);
  auto two = decode_gpp(std::string("DBACNYA~") + kV23 + "~1YNN");
  REQUIRE_MESSAGE(two, error_of(two));
  CHECK(two->section_ids == std::vector<int>{2, 6});
  REQUIRE(two->sections[1].uspv1);
  CHECK(two->sections[1].uspv1->notice == 'Y');
  CHECK(two->sections[1].uspv1->opt_out_sale == 'N');
  // Header example 3: a range of two ids (5 and 6); section 5 (Canada) is kept as text.
  auto ranged = decode_gpp(std::string("DBABjw~") + kIabExample + "~1YNN");
  REQUIRE_MESSAGE(ranged, error_of(ranged));
  CHECK(ranged->section_ids == std::vector<int>{5, 6});
  CHECK_FALSE(ranged->sections[0].decoded());
  CHECK(ranged->sections[0].text == kIabExample);
  CHECK(std::string(gpp_section_name(5)) == "tcfcav1");
  auto none = decode_gpp("DBAA");
  REQUIRE(none);
  CHECK(none->sections.empty());
}

TEST_CASE("usnat versions 1 and 2 with the GPC sub-section") {  // covers R-SIG-2
  // Both made by @iabgpp/cmpapi 3.2.0 from the same values; version 1 keeps 12
  // sensitive-data categories and 2 child ages, version 2 has 16 and 3.
  using F = UsField;
  auto v1 = decode_gpp("DBABLA~BUQpGAACEWA.YA");
  REQUIRE_MESSAGE(v1, error_of(v1));
  REQUIRE(v1->sections[0].us);
  const UsSection& a = *v1->sections[0].us;
  CHECK(a.id == 7);
  CHECK(a.version() == 1);
  CHECK(a[F::sharing_notice] == 1);
  CHECK(a[F::sharing_opt_out_notice] == 0);
  CHECK(a[F::sale_opt_out] == 2);
  CHECK(a[F::targeted_advertising_opt_out] == 1);
  CHECK_FALSE(a.has(F::processing_notice));
  CHECK(a.sensitive_count == 12);
  CHECK(std::vector<int>(a.sensitive_data_processing.begin(), a.sensitive_data_processing.begin() + 12) ==
        std::vector<int>{0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2});
  CHECK(a.known_child_count == 2);
  CHECK(a.known_child[0] == 0);
  CHECK(a.known_child[1] == 1);
  CHECK(a[F::mspa_covered_transaction] == 1);
  CHECK(a[F::mspa_opt_out_option_mode] == 1);
  CHECK(a[F::mspa_service_provider_mode] == 2);
  CHECK(a.gpc == true);

  auto v2 = decode_gpp("DBABLA~CUQpGAACQhhY.YA");
  REQUIRE_MESSAGE(v2, error_of(v2));
  const UsSection& b = *v2->sections[0].us;
  CHECK(b.version() == 2);
  CHECK(b.sensitive_count == 16);
  CHECK(std::vector<int>(b.sensitive_data_processing.begin(), b.sensitive_data_processing.end()) ==
        std::vector<int>{0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 2});
  CHECK(b.known_child_count == 3);
  CHECK(b.known_child[2] == 2);
  for (F f : {F::sharing_notice, F::sale_opt_out_notice, F::targeted_advertising_opt_out, F::personal_data_consents,
              F::mspa_service_provider_mode})
    CHECK(b[f] == a[f]);
  CHECK(b.gpc == true);

  auto no_gpc = decode_gpp("DBABLA~BAQqAAAAAgA");
  REQUIRE_MESSAGE(no_gpc, error_of(no_gpc));
  CHECK_FALSE(no_gpc->sections[0].us->gpc.has_value());
}

TEST_CASE("malformed GPP strings are refused with invalid_signal, the section and the character") {  // covers R-ADS-4
  struct Case { const char* text; const char* expected; };
  const Case cases[] = {
      {"", "is empty"},
      {"CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA", "header of type 3"},
      {"DBABLA", "more sections than the string has (0)"},
      {"DBABLA~", "is empty"},
      {"DBABLA~BAQqAAAAAgA~1YNN", "the header lists 1 sections; the string has 2"},
      // usnat: version 1 in version 2's length, and version 2 in version 1's (the reference pads or truncates).
      {"DBABLA~BAQqAAAAAACA.QA", "usnat version 1 is 60 bits"},
      {"DBABLA~CAQqAAAAAgA.QA", "usnat version 2 is 70 bits"},
      {"DBABLA~DAQqAAAAAACA.QA", "usnat versions are 1 and 2"},
      {"DBABLA~CwQqAAAAAACA.QA", "(sharingNotice): value 3 is not defined"},
      {"DBABLA~CAQqAAAAAAAA.QA", "(mspaCoveredTransaction): value 0 is not defined (1 yes, 2 no)"},
      {"DBABLA~CAQqAAAAAACA.gA", "the only optional usnat sub-section is GPC"},
      {"DBABLA~CAQqAAAAAACA.QA.QA", "not a base64url character"},
      {"DBABLA~CAQqAAAAAACB.QA", "padding bits"},
      {"DBABMA~CPXxRfAPXxRfAAfKABENB-Cg", "section 2 (tcfeuv2) at character"},
      {"DBABTA~1YXN", "section 6 (uspv1) at character 9"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto gpp = decode_gpp(c.text);
    REQUIRE_FALSE(gpp);
    CHECK(gpp.errors().front().code == "invalid_signal");
    CHECK_MESSAGE(gpp.errors().front().message.find(c.expected) != std::string::npos,
                  gpp.errors().front().message);
  }
}

TEST_CASE("a vendor under two restriction types for one purpose is a contradictory signal") {  // covers R-ADS-4, R-SIG-1
  // A service-specific core (policy 4, 2020) with no vendors and two restrictions on purpose 2 for vendor 9: not allowed, and require consent.
  // Built bit by bit: see tests/js/signals-parity.test.mjs "lenient 7" for the same string from JS.
  std::string bits;
  auto put = [&](std::uint64_t v, int n) { for (int i = n - 1; i >= 0; --i) bits += (v >> i & 1u) ? '1' : '0'; };
  put(2, 6); put(16000000000, 36); put(16000000000, 36); put(7, 12); put(1, 12); put(1, 6);
  put(4, 6); put(13, 6); put(100, 12); put(4, 6); put(0b10, 2); put(0, 12); put(0b1011, 4); put(0, 20);
  put(0, 24); put(0, 1); put(3, 6); put(4, 6);
  put(0, 17); put(0, 17);  // vendor consents and legitimate interests: none
  put(2, 12);
  for (int type : {0, 1}) { put(2, 6); put(static_cast<std::uint64_t>(type), 2); put(1, 12); put(0, 1); put(9, 16); }
  while (bits.size() % 24) bits += '0';
  static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string text;
  for (std::size_t i = 0; i < bits.size(); i += 6) text += abc[std::stoi(bits.substr(i, 6), nullptr, 2)];
  auto tc = decode_tc_string(text);
  REQUIRE_FALSE(tc);
  CHECK(tc.errors().front().code == "contradictory_signal");
  CHECK(tc.errors().front().message.find("purpose 2") != std::string::npos);
}
