// The decision's words, written once: reason names, contexts, levels, age
// treatments, the COPPA strip list; and the compact form of a decision.
#include <algorithm>

#include "privacy/ads.hpp"

namespace privacy {




// Prebid Server's COPPA anonymisation: device ids, the IP's lowest 8 bits (IPv6
// to its first 56), precise geo (device.geo and user.geo alike), user ids.
const std::array<StripField, 23> kCoppaStrip = {{
    {"device.ifa", StripAction::remove},
    {"device.macsha1", StripAction::remove},
    {"device.macmd5", StripAction::remove},
    {"device.dpidsha1", StripAction::remove},
    {"device.dpidmd5", StripAction::remove},
    {"device.didsha1", StripAction::remove},
    {"device.didmd5", StripAction::remove},
    {"device.ip", StripAction::truncate_ipv4_8_bits},
    {"device.ipv6", StripAction::truncate_ipv6_to_56_bits},
    {"device.geo.lat", StripAction::remove},
    {"device.geo.lon", StripAction::remove},
    {"device.geo.metro", StripAction::remove},
    {"device.geo.city", StripAction::remove},
    {"device.geo.zip", StripAction::remove},
    {"user.id", StripAction::remove},
    {"user.buyeruid", StripAction::remove},
    {"user.yob", StripAction::remove},
    {"user.gender", StripAction::remove},
    {"user.geo.lat", StripAction::remove},
    {"user.geo.lon", StripAction::remove},
    {"user.geo.metro", StripAction::remove},
    {"user.geo.city", StripAction::remove},
    {"user.geo.zip", StripAction::remove},
}};

Reason reason_for_code(std::string_view error_code) {
  for (auto r = static_cast<std::size_t>(Reason::invalid_signal); r < kReasonCount; ++r)
    if (kReasonNames[r] == error_code) return static_cast<Reason>(r);
  return Reason::internal;
}

bool ReasonList::contains(Reason r) const { return std::find(begin(), end(), r) != end(); }

void ReasonList::add(Reason r) {
  if (contains(r) || count_ == kCapacity) return;
  if (!is_rule_id(r)) {
    items_[count_++] = r;
    return;
  }
  // A rule id goes after the rule ids already there, before the words.
  for (std::size_t i = count_; i > rules_; --i) items_[i] = items_[i - 1];
  items_[rules_++] = r;
  ++count_;
}

CompactDecision compact(const AdDecision& d) {
  CompactDecision c;
  c.level = static_cast<std::uint8_t>(d.level);
  c.age_treatment = static_cast<std::uint8_t>(d.age_treatment);
  c.coppa = d.coppa ? 1 : 0;
  c.gdpr = d.gdpr ? (*d.gdpr ? 1 : 0) : -1;
  c.gpc_header = d.gpc_header ? 1 : 0;
  c.gpc_honoured = d.gpc_honoured ? 1 : 0;
  c.age_band = d.age_band ? static_cast<std::uint8_t>(*d.age_band) : 0xFF;
  c.age_source = static_cast<std::uint8_t>(d.age_source);
  c.gpp = d.gpp ? 1 : 0;
  c.consent = d.consent ? 1 : 0;
  c.error_count = static_cast<std::uint8_t>(std::min<std::size_t>(d.errors.size(), 255));
  c.reason_count = static_cast<std::uint8_t>(d.reasons.size());
  for (std::size_t i = 0; i < d.reasons.size(); ++i) c.reasons[i] = static_cast<std::uint8_t>(d.reasons[i]);
  c.sid_count = static_cast<std::uint8_t>(std::min(d.gpp_sid.size(), c.gpp_sid.size()));
  for (std::size_t i = 0; i < c.sid_count; ++i) c.gpp_sid[i] = static_cast<std::uint16_t>(d.gpp_sid[i]);
  return c;
}

}  // namespace privacy
