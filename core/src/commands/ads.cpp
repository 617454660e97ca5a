// Ad eligibility and the signals it reads (R-ADS-1..6, R-AGE-1..4,
// R-SIG-1..4): decoding, the decision for a person, and GPC recorded on them.
#include "../ads/ads_json.hpp"
#include "../json/codec.hpp"
#include "../household/context.hpp"
#include "../household/views.hpp"
#include "../signals/signals_json.hpp"

namespace privacy {

namespace {
// A decoder's errors are at the command's field.
template <class Decoded>
Result<Decoded> decoded(Result<Decoded> result, const char* field) {
  if (result) return result;
  Errors errors = result.errors();
  for (auto& e : errors) e.path = field;
  return errors;
}

// An age signal as the decision reads it; a bound pair that cannot be true is refused.
Result<std::vector<AgeSignal>> signals_of(const std::vector<cmd::AgeSignalInput>& in) {
  std::vector<AgeSignal> out;
  Errors errors;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto& s = in[i];
    AgeSignal a;
    a.source = age_source(s.source);
    a.lower = s.source == SignalSource::apple ? s.lower_bound : s.age_lower;
    a.upper = s.source == SignalSource::apple ? s.upper_bound : s.age_upper;
    a.declaration = s.age_range_declaration;
    a.status = s.user_status;
    a.band = s.band;
    std::string at = "ageSignals[" + std::to_string(i) + "]";
    if (a.lower && a.upper && *a.lower > *a.upper) errors.push_back({code::invalid_input, at, "its upper bound is below its lower bound"});
    if (s.source == SignalSource::apple && !a.lower && !a.upper)
      errors.push_back({code::invalid_input, at, "an Apple age range has lowerBound, upperBound or both"});
    out.push_back(a);
  }
  if (!errors.empty()) return errors;
  return out;
}
}  // namespace

Result<TcString> cmd::DecodeTcString::apply(Ctx&) const { return decoded(decode_tc_string(tc_string), "tcString"); }
Result<GppString> cmd::DecodeGpp::apply(Ctx&) const { return decoded(decode_gpp(gpp_string), "gppString"); }

AdDecision cmd::DecideAds::closed(Errors errors) { return fail_closed(std::move(errors)); }

Result<AdDecision> cmd::DecideAds::apply(Ctx& ctx) const {
  AdRequest request;
  request.now = ctx.now;
  request.context = context.value_or(AdContext::general);
  std::vector<AgeSignal> signals;
  if (age_signals) {
    auto read = signals_of(*age_signals);
    if (!read) return closed(read.errors());
    signals = std::move(*read);
  }
  request.age_signals = signals;
  std::optional<std::string> place = jurisdiction;
  if (profile_id) {
    const Profile& p = *ctx.h.profile(*profile_id);
    // A teen is never treated as an adult here (R-AGE-4).
    request.age = p.kind == ProfileKind::child ? AgeGroup::child : p.kind == ProfileKind::teen ? AgeGroup::teen : AgeGroup::adult;
    if (p.birth_date) request.birth_date = parse_date(*p.birth_date);
    request.gpc_recorded = p.gpc_at.has_value();
    if (!place) place = ctx.h.s.household.jurisdiction;
  }
  if (ctx.h.exists) request.overrides = &ctx.h.s.jurisdiction_policy;
  if (device_id) {
    const Device* d = ctx.h.exists ? ctx.h.device(*device_id) : nullptr;
    if (!d) return closed({{code::not_found, "deviceId", "no device '" + *device_id + "' in this household"}});
    request.gpc_recorded = request.gpc_recorded || d->gpc_at.has_value();
  }
  if (place) request.jurisdiction = *place;
  if (tc_string) request.tc_string = *tc_string;
  if (gpp_string) request.gpp_string = *gpp_string;
  if (gpp_sid) request.gpp_sid = std::span<const int>(*gpp_sid);
  request.gpc = gpc.value_or(false);
  request.vendor_id = vendor_id;
  return decide_ads(request);
}

// R-SIG-3: the signal binds the person from now on; a saved choice that
// would share their data (a child's disclosure consent) gives way, recorded.
Result<Profile> cmd::RecordGpc::apply(Ctx& ctx) const {
  const std::uint32_t slot = *ctx.h.profile_slot(profile_id);
  const Profile& p = ctx.h.s.profiles[slot];
  bool conflict = p.consent && p.consent->disclosure;
  if (p.gpc_at && !conflict) return p;  // already in force: nothing changes
  Profile& edit = ctx.h.edit_profile(slot);
  if (!edit.gpc_at) edit.gpc_at = ctx.now;
  if (conflict) edit.consent->disclosure = false;
  ctx.log(AuditAction::gpc_recorded, {{"profileId", profile_id}, {"disclosureWithdrawn", conflict}});
  return ctx.h.s.profiles[slot];
}

Result<Device> cmd::RecordDeviceGpc::apply(Ctx& ctx) const {
  const Device* d = ctx.h.device(device_id);
  if (!d) return Error{code::not_found, "deviceId", "no device '" + device_id + "' in this household"};
  if (d->gpc_at) return *d;  // already in force
  std::uint32_t slot = static_cast<std::uint32_t>(d - ctx.h.s.devices.data());
  ctx.h.edit_device(slot).gpc_at = ctx.now;
  ctx.log(AuditAction::gpc_recorded, {{"deviceId", device_id}});
  return ctx.h.s.devices[slot];
}

void json::write_value(std::string& out, const TcString& tc) { write_json(out, tc); }
void json::write_value(std::string& out, const GppString& gpp) { write_json(out, gpp); }

void json::write_value(std::string& out, const AdDecision& decision) {
  out += to_json(decision).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json cmd::DecodeTcString::output_schema() { return tc_string_schema(); }
nlohmann::json cmd::DecodeGpp::output_schema() { return gpp_string_schema(); }
nlohmann::json cmd::DecideAds::output_schema() { return ad_decision_schema(); }

}  // namespace privacy
