// The IAB TCF TC string: core segment, then optional segments after '.',
// each base64url on its own ("IAB Tech Lab - Consent string and vendor list
// formats v2", v2.3). Strict: every field must be present, ids and letters
// must be valid, a vendor may not be under two restriction types for one
// purpose, nothing but zero padding may follow the last field, and the v2.3
// rules hold (tcf.hpp; RULES.md R-SIG-1).
#include <algorithm>
#include <string>

#include "bits.hpp"
#include "privacy/tcf.hpp"

namespace privacy {

using detail::BitReader;
using detail::id_bits;

namespace {

// TCF encoders pad each segment to a multiple of 24 bits.
constexpr unsigned kTcfPadding = 23;
// Where the core fields the v2.3 rules name start (bits from the string's start).
constexpr std::size_t kPolicyVersionBit = 132, kServiceSpecificBit = 138, kPurposesLiBit = 176;

void set_range(std::vector<std::uint64_t>& words, unsigned first, unsigned last) {  // 0-based
  for (unsigned b = first; b <= last;) {
    unsigned off = b % 64;
    unsigned n = std::min(64 - off, last - b + 1);
    words[b / 64] |= (n == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << n) - 1)) << off;
    b += n;
  }
}

std::array<char, 2> letters(BitReader& in, const char* field) {
  std::array<char, 2> out{};
  for (auto& c : out) {
    std::size_t at = in.position();
    auto v = in.read(6, field);
    if (v > 25) in.fail_at(at, field, "is not a letter A-Z");
    c = static_cast<char>('A' + (v > 25 ? 0 : v));
  }
  return out;
}

// One range entry: IsARange(1), StartOrOnlyVendorId(16), EndVendorId(16).
bool range_entry(BitReader& in, const char* field, unsigned& first, unsigned& last) {
  std::size_t at = in.position();
  bool range = in.flag(field);
  first = static_cast<unsigned>(in.read(16, field));
  last = range ? static_cast<unsigned>(in.read(16, field)) : first;
  if (!in.ok()) return false;
  if (first == 0) in.fail_at(at, field, "vendor id 0 does not exist (ids start at 1)");
  else if (last < first)
    in.fail_at(at, field, detail::join({"range ends (", detail::num(last), ") before it starts (",
                                        detail::num(first), ")"}));
  return in.ok();
}

// MaxVendorId(16), IsRangeEncoding(1), then a bit field or range entries.
VendorSet vendor_set(BitReader& in, const char* field) {
  VendorSet set;
  set.max_vendor_id = static_cast<std::uint16_t>(in.read(16, field));
  set.is_range_encoding = in.flag(field);
  set.bits.assign((set.max_vendor_id + 63u) / 64u, 0);
  if (!in.ok()) return set;
  if (!set.is_range_encoding) {
    // 64 bits at a time, reversed (the first bit is vendor 1).
    for (unsigned i = 0; i < set.max_vendor_id && in.ok(); i += 64) {
      unsigned n = std::min(64u, set.max_vendor_id - i);
      set.bits[i / 64] = id_bits(in.read(n, field), n);
    }
    return set;
  }
  auto entries = in.read(12, field);
  for (std::uint64_t e = 0; e < entries && in.ok(); ++e) {
    std::size_t at = in.position();
    unsigned first = 0, last = 0;
    if (!range_entry(in, field, first, last)) break;
    if (last > set.max_vendor_id) {
      in.fail_at(at, field, detail::join({"vendor ", detail::num(last), " is above MaxVendorId ",
                                          detail::num(set.max_vendor_id)}));
      break;
    }
    set_range(set.bits, first - 1, last - 1);
  }
  return set;
}

// Shell sort by first id: encoders write ranges in order, and this keeps
// the module smaller than std::sort.
void sort_ranges(std::vector<VendorRange>& v) {
  for (std::size_t gap = v.size() / 2; gap > 0; gap = gap == 2 ? 1 : gap * 5 / 11) {
    for (std::size_t i = gap; i < v.size(); ++i) {
      VendorRange x = v[i];
      std::size_t j = i;
      for (; j >= gap && v[j - gap].first > x.first; j -= gap) v[j] = v[j - gap];
      v[j] = x;
    }
  }
}

std::vector<VendorRange> merged(std::vector<VendorRange> ranges) {
  sort_ranges(ranges);
  std::vector<VendorRange> out;
  for (const auto& r : ranges) {
    if (!out.empty() && r.first <= out.back().last + 1u) {
      out.back().last = std::max(out.back().last, r.last);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

bool overlap(const std::vector<VendorRange>& a, const std::vector<VendorRange>& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].last < b[j].first) ++i;
    else if (b[j].last < a[i].first) ++j;
    else return true;
  }
  return false;
}

// NumPubRestrictions(12), then PurposeId(6), RestrictionType(2), NumEntries(12), entries.
std::vector<PublisherRestriction> restrictions(BitReader& in) {
  const char* field = "PublisherRestrictions";
  std::vector<PublisherRestriction> out;
  auto count = in.read(12, field);
  for (std::uint64_t r = 0; r < count && in.ok(); ++r) {
    std::size_t at = in.position();
    PublisherRestriction pr;
    pr.purpose_id = static_cast<std::uint8_t>(in.read(6, field));
    auto type = in.read(2, field);
    if (in.ok() && pr.purpose_id == 0) in.fail_at(at, field, "purpose id 0 does not exist");
    if (in.ok() && type == 3) in.fail_at(at + 6, field, "restriction type 3 is undefined");
    pr.type = static_cast<RestrictionType>(type);
    auto entries = in.read(12, field);
    for (std::uint64_t e = 0; e < entries && in.ok(); ++e) {
      unsigned first = 0, last = 0;
      if (range_entry(in, field, first, last))
        pr.vendors.push_back({static_cast<std::uint16_t>(first), static_cast<std::uint16_t>(last)});
    }
    pr.vendors = merged(std::move(pr.vendors));
    out.push_back(std::move(pr));
  }
  return out;
}

// A vendor may have one restriction type per purpose.
std::optional<Error> contradiction(const std::vector<PublisherRestriction>& list) {
  std::uint64_t purposes = 0, twice = 0;  // purposes with a restriction, and with more than one
  for (const auto& r : list) {
    twice |= purposes & (std::uint64_t{1} << r.purpose_id);
    purposes |= std::uint64_t{1} << r.purpose_id;
  }
  std::array<std::vector<VendorRange>, 3> by_type;
  for (unsigned purpose = 1; purpose < 64; ++purpose) {
    if (!(twice >> purpose & 1u)) continue;
    bool any = false;
    for (auto& v : by_type) v.clear();
    for (const auto& r : list)
      if (r.purpose_id == purpose) {
        auto& v = by_type[static_cast<unsigned>(r.type)];
        v.insert(v.end(), r.vendors.begin(), r.vendors.end());
        any = true;
      }
    if (!any) continue;
    for (auto& v : by_type) v = merged(std::move(v));
    if (overlap(by_type[0], by_type[1]) || overlap(by_type[0], by_type[2]) ||
        overlap(by_type[1], by_type[2]))
      return Error{code::contradictory_signal, "",
                   detail::join({"PublisherRestrictions: a vendor has two restriction types for purpose ",
                                 detail::num(purpose)})};
  }
  return std::nullopt;
}

void core_segment(BitReader& in, TcString& tc) {
  tc.version = static_cast<int>(in.read(6, "Version"));
  if (in.ok() && tc.version != 2) {
    in.fail_at(0, "Version", detail::join({"only TCF v2 TC strings are read; this is version ",
                                           detail::num(tc.version)}));
    return;
  }
  tc.created = static_cast<std::int64_t>(in.read(36, "Created")) * 100;
  tc.last_updated = static_cast<std::int64_t>(in.read(36, "LastUpdated")) * 100;
  tc.cmp_id = static_cast<int>(in.read(12, "CmpId"));
  tc.cmp_version = static_cast<int>(in.read(12, "CmpVersion"));
  tc.consent_screen = static_cast<int>(in.read(6, "ConsentScreen"));
  tc.consent_language = letters(in, "ConsentLanguage");
  tc.vendor_list_version = static_cast<int>(in.read(12, "VendorListVersion"));
  tc.policy_version = static_cast<int>(in.read(6, "TcfPolicyVersion"));
  tc.is_service_specific = in.flag("IsServiceSpecific");
  tc.use_non_standard_texts = in.flag("UseNonStandardTexts");
  tc.special_feature_optins = static_cast<std::uint32_t>(id_bits(in.read(12, "SpecialFeatureOptIns"), 12));
  tc.purpose_consents = static_cast<std::uint32_t>(id_bits(in.read(24, "PurposesConsent"), 24));
  tc.purpose_legitimate_interests =
      static_cast<std::uint32_t>(id_bits(in.read(24, "PurposesLITransparency"), 24));
  tc.purpose_one_treatment = in.flag("PurposeOneTreatment");
  tc.publisher_country_code = letters(in, "PublisherCC");
  tc.vendor_consents = vendor_set(in, "VendorConsents");
  tc.vendor_legitimate_interests = vendor_set(in, "VendorLegitimateInterests");
  tc.publisher_restrictions = restrictions(in);
}

void publisher_segment(BitReader& in, TcString& tc) {
  PublisherTc p;
  p.consents = static_cast<std::uint32_t>(id_bits(in.read(24, "PubPurposesConsent"), 24));
  p.legitimate_interests =
      static_cast<std::uint32_t>(id_bits(in.read(24, "PubPurposesLITransparency"), 24));
  p.num_custom_purposes = static_cast<std::uint8_t>(in.read(6, "NumCustomPurposes"));
  p.custom_consents = id_bits(in.read(p.num_custom_purposes, "CustomPurposesConsent"), p.num_custom_purposes);
  p.custom_legitimate_interests =
      id_bits(in.read(p.num_custom_purposes, "CustomPurposesLITransparency"), p.num_custom_purposes);
  tc.publisher_tc = p;
}

// The TCF v2.3 rules on a string that decoded (R-SIG-1), first in string
// order: a broken one is `noncompliant_signal`, naming the field.
std::optional<Error> v23_rule_broken(const TcString& tc, std::size_t length, std::size_t offset,
                                     std::size_t allowed_vendors_at) {
  std::optional<Error> error;
  auto broken = [&](std::size_t bit, const char* field, const std::string& what) {
    error = detail::signal_error(code::noncompliant_signal, offset + bit / 6, field, what);
  };
  if (tc.policy_version < 4) {
    broken(kPolicyVersionBit, "TcfPolicyVersion",
           detail::join({"TCF v2.2 and v2.3 strings have policy version 4 or more; this one has ",
                         detail::num(static_cast<std::uint64_t>(tc.policy_version))}));
  } else if (!tc.is_service_specific) {
    broken(kServiceSpecificBit, "IsServiceSpecific",
           "must be 1: global-scope strings are invalid since 2021-09-01");
  } else if (std::uint32_t li = tc.purpose_legitimate_interests & 0b111101u) {
    unsigned purpose = static_cast<unsigned>(__builtin_ctz(li)) + 1;
    broken(kPurposesLiBit + purpose - 1, "PurposesLITransparency",
           detail::join({"legitimate interest for purpose ", detail::num(purpose),
                         " must be 0: purposes 1 and 3-6 take consent only"}));
  } else if (allowed_vendors_at != std::string_view::npos) {
    broken(allowed_vendors_at * 6, "SegmentType",
           "segment type 2 (AllowedVendors) left the TCF with Global Scope and Out-of-Band in 2021; "
           "v2.2 and v2.3 define 1 (DisclosedVendors) and 3 (PublisherTC)");
  } else if (tc.is_v23() && !tc.vendors_disclosed) {
    broken(length * 6, "DisclosedVendors",
           "a TC string created or updated from 2026-03-01 (TCF v2.3) must carry the Disclosed Vendors segment");
  }
  return error;
}

}  // namespace

std::vector<std::uint16_t> VendorSet::ids() const {
  std::vector<std::uint16_t> out;
  for (std::size_t w = 0; w < bits.size(); ++w)
    for (std::uint64_t word = bits[w]; word; word &= word - 1)
      out.push_back(static_cast<std::uint16_t>(w * 64 + static_cast<unsigned>(__builtin_ctzll(word)) + 1));
  return out;
}

std::optional<RestrictionType> TcString::restriction(unsigned purpose, unsigned vendor_id) const {
  for (const auto& r : publisher_restrictions) {
    if (r.purpose_id != purpose) continue;
    for (const auto& v : r.vendors)
      if (vendor_id >= v.first && vendor_id <= v.last) return r.type;
  }
  return std::nullopt;
}

Result<TcString> decode_tc_string(std::string_view text, std::size_t offset) {
  if (text.size() > kMaxSignalBytes)
    return Error{code::invalid_signal, "", "is longer than 100000 characters"};
  TcString tc;
  std::optional<Error> error;
  std::size_t start = 0, allowed_vendors_at = std::string_view::npos;
  bool allowed_seen = false;
  for (int segment = 0; !error; ++segment) {
    std::size_t dot = text.find('.', start);
    std::string_view part = text.substr(start, dot == std::string_view::npos ? text.npos : dot - start);
    BitReader in(part, offset + start, error);
    if (segment == 0) {
      core_segment(in, tc);
    } else if (in.ok()) {
      auto type = in.read(3, "SegmentType");
      bool seen = (type == 1 && tc.vendors_disclosed) || (type == 2 && allowed_seen) ||
                  (type == 3 && tc.publisher_tc);
      if (type == 0 || type > 3) {
        in.fail_at(0, "SegmentType",
                   type == 0 ? std::string("a second core segment")
                             : detail::join({"segment type ", detail::num(type),
                                             " is undefined (1 disclosed vendors, 3 publisher TC)"}));
      } else if (seen) {
        in.fail_at(0, "SegmentType", detail::join({"segment type ", detail::num(type), " appears twice"}));
      } else if (type == 1) {
        tc.vendors_disclosed = vendor_set(in, "DisclosedVendors");
      } else if (type == 2) {
        // Read for its form, then refused below as a rule break (it decodes).
        allowed_seen = true;
        allowed_vendors_at = start;
        vendor_set(in, "AllowedVendors");
      } else {
        publisher_segment(in, tc);
      }
    }
    in.finish(kTcfPadding);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (error) return *error;
  if (auto broken = v23_rule_broken(tc, text.size(), offset, allowed_vendors_at)) return *broken;
  if (auto contradictory = contradiction(tc.publisher_restrictions)) return *contradictory;
  return tc;
}

}  // namespace privacy
