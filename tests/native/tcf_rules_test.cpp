// TCF v2.3 (R-SIG-1), natively: every rule refused with noncompliant_signal
// naming the field and the character; v2.2 strings from before 2026-03-01
// still read; segments after the core in any order; and a seeded property:
// random TC strings, written bit by bit here, decode to what was written.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "privacy/ads.hpp"
#include "privacy/tcf.hpp"

using namespace privacy;

namespace {

const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Writes fields most significant bit first; text() pads to 24 bits.
struct Bits {
  std::string bits;
  Bits& put(std::uint64_t v, unsigned n) {
    while (n--) bits += (v >> n & 1u) ? '1' : '0';
    return *this;
  }
  std::string text() const {
    std::string b = bits, out;
    while (b.size() % 24) b += '0';
    for (std::size_t i = 0; i < b.size(); i += 6) out += kAlphabet[std::stoi(b.substr(i, 6), nullptr, 2)];
    return out;
  }
};

struct Core {
  std::int64_t created_ds = 17000000000;  // deciseconds: 2023-11-14
  unsigned policy = 4;
  bool service_specific = true;
  std::uint32_t consents = 0b1101;        // purposes 1, 3, 4
  std::uint32_t li = 0b10;                // purpose 2
  std::vector<bool> vendors;              // bit field, vendor 1 first
};

Bits core(const Core& c) {
  Bits b;
  b.put(2, 6).put(c.created_ds, 36).put(c.created_ds, 36).put(7, 12).put(1, 12).put(1, 6);
  b.put(4, 6).put(13, 6).put(100, 12).put(c.policy, 6).put(c.service_specific, 1).put(0, 1).put(0, 12);
  for (unsigned p = 1; p <= 24; ++p) b.put(c.consents >> (p - 1) & 1u, 1);
  for (unsigned p = 1; p <= 24; ++p) b.put(c.li >> (p - 1) & 1u, 1);
  b.put(0, 1).put(3, 6).put(4, 6);
  b.put(c.vendors.size(), 16).put(0, 1);
  for (bool v : c.vendors) b.put(v, 1);
  b.put(0, 17).put(0, 12);  // no vendor legitimate interests, no restrictions
  return b;
}

std::string disclosed(const std::vector<unsigned>& ids) {
  Bits b;
  unsigned max = ids.empty() ? 0 : ids.back();
  b.put(1, 3).put(max, 16).put(0, 1);
  for (unsigned v = 1; v <= max; ++v) b.put(std::find(ids.begin(), ids.end(), v) != ids.end(), 1);
  return b.text();
}
const std::string kPublisherTc = Bits().put(3, 3).put(0, 24).put(0, 24).put(0, 6).text();

void refused(const std::string& text, const char* field, std::size_t character) {
  CAPTURE(text);
  auto tc = decode_tc_string(text);
  REQUIRE_FALSE(tc);
  CHECK(tc.errors().front().code == code::noncompliant_signal);
  CHECK(tc.errors().front().message.find("at character " + std::to_string(character) + " (" + field + "): ") == 0);
}

constexpr std::int64_t kAfterCutOff = 17726000000;  // 2026-03-02T00:00:00Z, deciseconds

}  // namespace

TEST_CASE("TCF v2.3: each rule broken is refused as noncompliant, naming the field and where") {  // covers R-SIG-1
  Core c;
  c.policy = 3;
  refused(core(c).text(), "TcfPolicyVersion", 22);
  c = Core{};
  c.service_specific = false;
  refused(core(c).text(), "IsServiceSpecific", 23);
  for (unsigned purpose : {1u, 3u, 4u, 5u, 6u}) {  // legitimate interest: never for 1 and 3-6
    c = Core{};
    c.li = 1u << (purpose - 1);
    CAPTURE(purpose);
    refused(core(c).text(), "PurposesLITransparency", (176 + purpose - 1) / 6);
  }
  for (unsigned purpose : {2u, 7u, 8u, 9u, 10u, 11u}) {  // ...and allowed for the others
    c = Core{};
    c.li = 1u << (purpose - 1);
    CHECK(decode_tc_string(core(c).text()));
  }
  // An AllowedVendors segment (type 2) is gone since 2021.
  std::string head = core(Core{}).text();
  std::string allowed = Bits().put(2, 3).put(0, 16).put(0, 1).text();
  refused(head + "." + allowed, "SegmentType", head.size() + 1);
  // From 2026-03-01 the Disclosed Vendors segment is mandatory...
  c = Core{};
  c.created_ds = kAfterCutOff;
  std::string v23 = core(c).text();
  refused(v23, "DisclosedVendors", v23.size());
  refused(v23 + "." + kPublisherTc, "DisclosedVendors", v23.size() + 1 + kPublisherTc.size());
  CHECK(decode_tc_string(v23 + "." + disclosed({})));
  // ...before, a v2.2 string may leave it out.
  auto v22 = decode_tc_string(head);
  REQUIRE(v22);
  CHECK_FALSE(v22->is_v23());
  CHECK_FALSE(v22->vendors_disclosed);
}

TEST_CASE("TCF v2.3: the segments after the core may come in any order") {  // covers R-SIG-1
  Core c;
  c.created_ds = kAfterCutOff;
  std::string head = core(c).text(), dv = disclosed({2, 5});
  auto a = decode_tc_string(head + "." + dv + "." + kPublisherTc);
  auto b = decode_tc_string(head + "." + kPublisherTc + "." + dv);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->vendors_disclosed->ids() == b->vendors_disclosed->ids());
  CHECK(a->vendors_disclosed->ids() == std::vector<std::uint16_t>{2, 5});
  CHECK(a->publisher_tc.has_value());
  CHECK(b->publisher_tc.has_value());
}

TEST_CASE("TCF v2.3: random strings decode to what was written (seeded property)") {  // covers R-SIG-1
  std::mt19937 rng(20261201);
  for (int n = 0; n < 500; ++n) {
    Core c;
    c.created_ds = std::uniform_int_distribution<std::int64_t>(15000000000, 18000000000)(rng);
    c.policy = std::uniform_int_distribution<unsigned>(4, 5)(rng);
    c.consents = rng() & 0xFFFFFFu;
    c.li = rng() & 0xFFFFFFu & ~0b111101u;
    c.vendors.resize(std::uniform_int_distribution<int>(0, 1400)(rng));
    for (std::size_t v = 0; v < c.vendors.size(); ++v) c.vendors[v] = rng() % 3 == 0;
    std::vector<unsigned> shown;
    for (unsigned v = 1; v <= 900; ++v)
      if (rng() % 2) shown.push_back(v);
    bool v23 = c.created_ds >= kTcfV23Since / 100;
    std::string text = core(c).text();
    if (v23 || rng() % 2) text += "." + disclosed(shown);
    CAPTURE(text);
    auto tc = decode_tc_string(text);
    REQUIRE_MESSAGE(tc, tc.errors().front().message);
    CHECK(tc->created == c.created_ds * 100);
    CHECK(tc->policy_version == static_cast<int>(c.policy));
    CHECK(tc->purpose_consents == c.consents);
    CHECK(tc->purpose_legitimate_interests == c.li);
    CHECK(tc->vendor_consents.max_vendor_id == c.vendors.size());
    for (std::size_t v = 0; v < c.vendors.size(); ++v) REQUIRE(tc->vendor_consents.contains(v + 1) == c.vendors[v]);
    if (tc->vendors_disclosed) {
      auto ids = tc->vendors_disclosed->ids();
      CHECK(std::vector<unsigned>(ids.begin(), ids.end()) == shown);
    }
    // One bit changed in PurposesLITransparency for purposes 1 or 3-6 always breaks the rules.
    Bits broken = core(c);
    unsigned purpose = std::vector<unsigned>{1, 3, 4, 5, 6}[n % 5];
    broken.bits[176 + purpose - 1] = '1';
    auto bad = decode_tc_string(broken.text() + (v23 ? "." + disclosed(shown) : ""));
    REQUIRE_FALSE(bad);
    CHECK(bad.errors().front().code == code::noncompliant_signal);
  }
}

TEST_CASE("TCF v2.3 in a decision: a vendor not disclosed gets no personalised ads; restrictions come first") {  // covers R-SIG-1, R-ADS-4
  Core c;
  c.created_ds = kAfterCutOff;
  c.vendors = std::vector<bool>(10, true);
  std::string with_5 = core(c).text() + "." + disclosed({5});
  AdRequest r;
  r.age = AgeGroup::adult;
  r.tc_string = with_5;
  r.vendor_id = 5;
  CHECK(decide_ads(r).level == AdLevel::personalised);
  r.vendor_id = 6;  // consented, not disclosed
  AdDecision d = decide_ads(r);
  CHECK(d.level == AdLevel::contextual);
  CHECK(d.reasons.contains(Reason::tcf_vendor_not_disclosed));
  CHECK(d.reasons.contains(Reason::r_sig_1));
  // A not-allowed restriction on purpose 4 for vendor 5, with no purpose consent at all:
  // the restriction is what the decision names (applied before consent).
  Bits b;
  b.put(2, 6).put(kAfterCutOff, 36).put(kAfterCutOff, 36).put(7, 12).put(1, 12).put(1, 6);
  b.put(4, 6).put(13, 6).put(100, 12).put(5, 6).put(1, 1).put(0, 1).put(0, 12).put(0, 24).put(0, 24);
  b.put(0, 1).put(3, 6).put(4, 6).put(0, 17).put(0, 17);
  b.put(1, 12).put(4, 6).put(0, 2).put(1, 12).put(0, 1).put(5, 16);
  std::string restricted = b.text() + "." + disclosed({5});
  r.tc_string = restricted;
  r.vendor_id = 5;
  AdDecision first = decide_ads(r);
  CHECK(first.level == AdLevel::contextual);
  CHECK(first.reasons.contains(Reason::tcf_publisher_restriction));
  CHECK_FALSE(first.reasons.contains(Reason::tcf_purpose_consent_missing));
}
