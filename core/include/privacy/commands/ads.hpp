#pragma once
// Command specs: ad eligibility and the consent signals it reads (R-ADS-1..6,
// R-AGE-1..4, R-SIG-1..4).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/access.hpp"
#include "privacy/ads.hpp"
#include "privacy/views.hpp"

namespace privacy {
struct Ctx;
// decideAds for nobody known (R-ADS-5). Outside cmd:: so that its schema's name is UnknownAge.
enum class UnknownAge { unknown };
}  // namespace privacy

namespace privacy::cmd {

inline constexpr std::size_t kMaxSignalText = kMaxSignalBytes;
inline constexpr std::size_t kMaxAgeSignals = 16;
inline constexpr int kMaxAge = 150;  // bounds beyond a human life are a typing error

struct DecodeTcString {
  static constexpr CommandInfo info{
      .name = "decodeTcString",
      .summary = "Decodes an IAB TCF TC string strictly, field by field, with the v2.3 rules (R-SIG-1), or says where it is wrong.",
      .subject = Subject::none,
      .needs_household = false,
      .needs_now = false};
  std::string tc_string;
  using Output = TcString;
  Result<Output> apply(Ctx& ctx) const;
  static constexpr const char* answer_type = "TcString";
  static nlohmann::json output_schema();
  template <class V> static void fields(V& v) {
    v("tcString", &DecodeTcString::tc_string, schema::Text{kMaxSignalText});
  }
};

struct DecodeGpp {
  static constexpr CommandInfo info{
      .name = "decodeGpp",
      .summary = "Decodes an IAB GPP string strictly, every section it names (R-SIG-2), or says where it is wrong.",
      .subject = Subject::none,
      .needs_household = false,
      .needs_now = false};
  std::string gpp_string;
  using Output = GppString;
  Result<Output> apply(Ctx& ctx) const;
  static constexpr const char* answer_type = "GppString";
  static nlohmann::json output_schema();
  template <class V> static void fields(V& v) {
    v("gppString", &DecodeGpp::gpp_string, schema::Text{kMaxSignalText});
  }
};

// One age signal as a platform or a person gives it (R-AGE-2, sources S7).
struct AgeSignalInput {
  SignalSource source = SignalSource::self_declared;
  std::optional<int> lower_bound;   // Apple
  std::optional<int> upper_bound;
  std::optional<AppleDeclaration> age_range_declaration;
  std::optional<StoreUserStatus> user_status;  // Google Play, Amazon
  std::optional<int> age_lower;
  std::optional<int> age_upper;
  std::optional<AgeBand> band;  // self- or parent-declared
  static constexpr const char* type_name = "AgeSignal";
  template <class V> static void fields(V& v) {
    v("source", &AgeSignalInput::source, schema::Choice<SignalSource>{});
    v("lowerBound", &AgeSignalInput::lower_bound, schema::Int{0, kMaxAge}, "Apple Declared Age Range");
    v("upperBound", &AgeSignalInput::upper_bound, schema::Int{0, kMaxAge});
    v("ageRangeDeclaration", &AgeSignalInput::age_range_declaration, schema::Choice<AppleDeclaration>{});
    v("userStatus", &AgeSignalInput::user_status, schema::Choice<StoreUserStatus>{}, "Google Play Age Signals, Amazon");
    v("ageLower", &AgeSignalInput::age_lower, schema::Int{0, kMaxAge});
    v("ageUpper", &AgeSignalInput::age_upper, schema::Int{0, kMaxAge});
    v("band", &AgeSignalInput::band, schema::Choice<AgeBand>{}, "self- or parent-declared");
    v.when("source", &AgeSignalInput::source, SignalSource::apple, {}, {"lowerBound", "upperBound", "ageRangeDeclaration"});
    v.when("source", &AgeSignalInput::source, SignalSource::google_play, {"userStatus"}, {"ageLower", "ageUpper"});
    v.when("source", &AgeSignalInput::source, SignalSource::amazon, {"userStatus"}, {"ageLower", "ageUpper"});
    v.when("source", &AgeSignalInput::source, SignalSource::self_declared, {"band"});
    v.when("source", &AgeSignalInput::source, SignalSource::parent_declared, {"band"});
  }
};

struct DecideAds {
  static constexpr CommandInfo info{
      .name = "decideAds",
      .summary = "Which ads a person may see and what to pass on: never a sale, never personalised for a child, a teen only where the place allows; fails closed (R-ADS-1..6, R-AGE-1..4, R-SIG-1..4).",
      .subject = Subject::optional_profile,
      .access = access::ads,
      .needs_household = false};
  std::optional<std::string> profile_id;
  std::optional<UnknownAge> age;
  std::optional<std::string> device_id;
  std::optional<AdContext> context;
  std::optional<std::string> jurisdiction;
  std::optional<std::vector<AgeSignalInput>> age_signals;
  std::optional<std::string> tc_string;
  std::optional<std::string> gpp_string;
  std::optional<std::vector<int>> gpp_sid;
  std::optional<bool> gpc;
  std::optional<int> vendor_id;
  using Output = AdDecision;
  Result<Output> apply(Ctx& ctx) const;
  // Any problem, in the input or the signals, gives the most protective decision.
  static Output closed(Errors errors);
  static constexpr const char* answer_type = "AdDecision";
  static nlohmann::json output_schema();
  template <class V> static void fields(V& v) {
    v("profileId", &DecideAds::profile_id, schema::Id{}, "whose ad it is");
    v("age", &DecideAds::age, schema::Choice<UnknownAge>{}, "for nobody known (R-ADS-5)");
    v("deviceId", &DecideAds::device_id, schema::Id{}, "the household device the request comes from: its recorded GPC applies (R-SIG-3)");
    v("context", &DecideAds::context, schema::Choice<AdContext>{}, "default: general");
    v("jurisdiction", &DecideAds::jurisdiction, schema::Place{}, "where the request comes from; default: the household's (R-AGE-3)");
    v("ageSignals", &DecideAds::age_signals, schema::List<schema::Object<AgeSignalInput>>{{}, kMaxAgeSignals},
      "R-AGE-2: the lowest band any of them shows decides");
    v("tcString", &DecideAds::tc_string, schema::Text{kMaxSignalText});
    v("gppString", &DecideAds::gpp_string, schema::Text{kMaxSignalText});
    v("gppSid", &DecideAds::gpp_sid, schema::List<schema::Int>{{1, 65535}, 32}, "the GPP sections in force (OpenRTB regs.gpp_sid); default: all in the string");
    v("gpc", &DecideAds::gpc, schema::Bool{}, "Sec-GPC: 1 or navigator.globalPrivacyControl (R-SIG-3)");
    v("vendorId", &DecideAds::vendor_id, schema::Int{1, 65535}, "the TCF vendor the ad would go to");
    v.one_of({"profileId", "age"});
  }
};

struct RecordGpc {
  static constexpr CommandInfo info{
      .name = "recordGpc",
      .summary = "Records Global Privacy Control for the person: it stays in force when later requests lack it, and a conflicting saved choice gives way (R-SIG-3).",
      .subject = Subject::profile,
      .access = access::gpc,
      .changes = true,
      .audits = actions({AuditAction::gpc_recorded})};
  std::string profile_id;
  using Output = Profile;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("profileId", &RecordGpc::profile_id, schema::Id{}); }
};

struct RecordDeviceGpc {
  static constexpr CommandInfo info{
      .name = "recordDeviceGpc",
      .summary = "Records Global Privacy Control sent by a device: it applies to every decision on that device from now on (R-SIG-3).",
      .access = on_household({access::service | access::parent | bit(ActorKind::adult)}),
      .changes = true,
      .audits = actions({AuditAction::gpc_recorded})};
  std::string device_id;
  using Output = Device;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("deviceId", &RecordDeviceGpc::device_id, schema::Id{}); }
};

}  // namespace privacy::cmd

namespace privacy {
PRIVACY_WORDS(UnknownAge, {UnknownAge::unknown, "unknown"});
}  // namespace privacy
