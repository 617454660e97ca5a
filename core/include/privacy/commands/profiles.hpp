#pragma once
// Command specs: profiles, their lifecycle (R-PRO-1..3) and verifiable
// parental consent (R-CON-1..6).
#include <optional>
#include <string>

#include "privacy/access.hpp"
#include "privacy/views.hpp"

namespace privacy {
struct Ctx;
}  // namespace privacy

namespace privacy::cmd {

struct AddProfile {
  static constexpr CommandInfo info{
      .name = "addProfile",
      .summary = "Adds a child, teen or adult profile; a child starts without consent and not enabled (R-PRO-1, R-CON-1).",
      .subject = Subject::new_profile,
      .access = access::add_profile,
      .changes = true,
      .audits = actions({AuditAction::profile_added})};
  NewProfile profile;
  using Output = Profile;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("profile", &AddProfile::profile, schema::Object<NewProfile>{}); }
};

struct RenameProfile {
  static constexpr CommandInfo info{
      .name = "renameProfile",
      .summary = "Renames a profile.",
      .subject = Subject::profile,
      .access = access::manage,
      .changes = true,
      .audits = actions({AuditAction::profile_renamed})};
  std::string profile_id;
  std::string name;
  using Output = Profile;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &RenameProfile::profile_id, schema::Id{});
    v("name", &RenameProfile::name, schema::Text{kMaxNameBytes, true});
  }
};

struct RemoveProfile {
  static constexpr CommandInfo info{
      .name = "removeProfile",
      .summary = "Removes a profile and deletes all its data, with a receipt; its id is never used again (R-PRO-1, R-DEL-3).",
      .subject = Subject::profile,
      .access = access::manage,
      .changes = true,
      .deletes = true,
      .audits = actions({AuditAction::recordings_deleted, AuditAction::profile_removed})};
  std::string profile_id;
  std::string request_id;
  using Output = ProfileRemoval;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &RemoveProfile::profile_id, schema::Id{});
    v("requestId", &RemoveProfile::request_id, schema::Id{}, "the receipt's id; the same id again does nothing");
  }
};

struct EnableProfile {
  static constexpr CommandInfo info{
      .name = "enableProfile",
      .summary = "Enables a child profile (only with verified consent, R-CON-1) or pauses it.",
      .subject = Subject::profile,
      .access = access::child_only,
      .changes = true,
      .audits = actions({AuditAction::profile_enabled})};
  std::string profile_id;
  bool enabled = false;
  using Output = Profile;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &EnableProfile::profile_id, schema::Id{});
    v("enabled", &EnableProfile::enabled, schema::Bool{});
  }
};

struct KeepProfile {
  static constexpr CommandInfo info{
      .name = "keepProfile",
      .summary = "Keeps an inactive child profile; its inactivity clock restarts (R-PRO-2).",
      .subject = Subject::profile,
      .access = access::child_only,
      .changes = true,
      .audits = actions({AuditAction::profile_kept})};
  std::string profile_id;
  using Output = Profile;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("profileId", &KeepProfile::profile_id, schema::Id{}); }
};

struct ResolveAgeReview {
  static constexpr CommandInfo info{
      .name = "resolveAgeReview",
      .summary = "The parent's decision on a profile flagged for an age review: it becomes `kind`, or stays (R-PRO-3).",
      .subject = Subject::profile,
      // A child's review at the consent age and a teen's at 18 (R-PRO-3): a parent.
      .access = on_profiles({access::parent}, {access::parent}, {}),
      .changes = true,
      .audits = actions({AuditAction::age_review_resolved})};
  std::string profile_id;
  ProfileKind kind = ProfileKind::child;
  using Output = Profile;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &ResolveAgeReview::profile_id, schema::Id{});
    v("kind", &ResolveAgeReview::kind, schema::Choice<ProfileKind>{},
      "what the profile is from now on: its current kind keeps it as it is");
  }
};

struct SweepProfiles {
  static constexpr CommandInfo info{
      .name = "sweepProfiles",
      .summary = "At now: inactivity notices, withdrawals and removals (R-PRO-2), and age reviews (R-PRO-3).",
      .access = access::system,
      .changes = true,
      .deletes = true,
      .audits = actions({AuditAction::profile_inactive_notified, AuditAction::profile_reactivated,
                         AuditAction::recordings_deleted, AuditAction::profile_removed,
                         AuditAction::age_review_flagged})};
  using Output = ProfileSweep;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V&) {}
};

struct ExportProfileData {
  static constexpr CommandInfo info{
      .name = "exportProfileData",
      .summary = "One profile's data for its parent (or the person): recordings, tombstones, receipts (R-CON-4).",
      .subject = Subject::profile,
      .access = access::manage,
      .needs_now = false};
  std::string profile_id;
  using Output = ProfileExport;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("profileId", &ExportProfileData::profile_id, schema::Id{}); }
};

struct RequestConsent {
  static constexpr CommandInfo info{
      .name = "requestConsent",
      .summary = "Starts verifiable parental consent by an approved method; a verified child stops collecting until it is given again (R-CON-1, R-CON-2).",
      .subject = Subject::profile,
      .access = access::child_only,
      .changes = true,
      .audits = actions({AuditAction::consent_requested})};
  std::string profile_id;
  ConsentMethod method = ConsentMethod::signed_form;
  using Output = ConsentAnswer;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &RequestConsent::profile_id, schema::Id{});
    v("method", &RequestConsent::method, schema::Choice<ConsentMethod>{});
  }
};

struct RecordConsent {
  static constexpr CommandInfo info{
      .name = "recordConsent",
      .summary = "Records the verification of a pending consent, with its evidence; the child is enabled (R-CON-1, R-CON-2).",
      .subject = Subject::profile,
      .access = access::child_only,
      .changes = true,
      .audits = actions({AuditAction::consent_verified})};
  std::string profile_id;
  ConsentMethod method = ConsentMethod::signed_form;
  std::string reference;
  std::string verified_by;
  using Output = ConsentAnswer;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &RecordConsent::profile_id, schema::Id{});
    v("method", &RecordConsent::method, schema::Choice<ConsentMethod>{});
    v("reference", &RecordConsent::reference, schema::Text{kMaxNameBytes, true}, "the verifier's reference");
    v("verifiedBy", &RecordConsent::verified_by, schema::Text{kMaxNameBytes, true}, "who verified");
  }
};

struct CancelConsent {
  static constexpr CommandInfo info{
      .name = "cancelConsent",
      .summary = "Cancels a pending consent request; the child stays without consent (R-CON-1).",
      .subject = Subject::profile,
      .access = access::child_only,
      .changes = true,
      .audits = actions({AuditAction::consent_cancelled})};
  std::string profile_id;
  using Output = ConsentAnswer;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) { v("profileId", &CancelConsent::profile_id, schema::Id{}); }
};

struct RevokeConsent {
  static constexpr CommandInfo info{
      .name = "revokeConsent",
      .summary = "Revokes consent: collection stops at once; the parent chooses whether the data is deleted now (R-CON-4).",
      .subject = Subject::profile,
      .access = access::child_only,
      .changes = true,
      .deletes = true,
      .audits = actions({AuditAction::consent_revoked, AuditAction::recordings_deleted})};
  std::string profile_id;
  bool delete_data = false;
  std::optional<std::string> request_id;
  using Output = ConsentAnswer;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &RevokeConsent::profile_id, schema::Id{});
    v("deleteData", &RevokeConsent::delete_data, schema::Bool{}, "delete the child's recordings now", schema::Presence::optional);
    v("requestId", &RevokeConsent::request_id, schema::Id{}, "the receipt's id; required with deleteData");
  }
};

struct SetDisclosureConsent {
  static constexpr CommandInfo info{
      .name = "setDisclosureConsent",
      .summary = "Turns the separate consent to disclosure to the notice's named third parties on or off (R-CON-2, R-CON-3).",
      .subject = Subject::profile,
      .access = access::child_only,
      .changes = true,
      .audits = actions({AuditAction::disclosure_consent_set})};
  std::string profile_id;
  bool enabled = false;
  using Output = ConsentAnswer;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &SetDisclosureConsent::profile_id, schema::Id{});
    v("enabled", &SetDisclosureConsent::enabled, schema::Bool{});
  }
};

struct StoreConsentEvent {
  static constexpr CommandInfo info{
      .name = "storeConsentEvent",
      .summary = "An app store's notice: a revocation is a parent's revocation (R-CON-4); a significant change needs the parent's consent again (R-CON-5, R-AGE-5).",
      .subject = Subject::profile,
      .access = on_children({access::service}),
      .changes = true,
      .deletes = true,
      .audits = actions({AuditAction::consent_revoked, AuditAction::consent_requested, AuditAction::recordings_deleted})};
  std::string profile_id;
  Store store = Store::apple;
  StoreEvent event = StoreEvent::revoked;
  bool delete_data = false;
  std::optional<std::string> request_id;
  using Output = ConsentAnswer;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("profileId", &StoreConsentEvent::profile_id, schema::Id{});
    v("store", &StoreConsentEvent::store, schema::Choice<Store>{}, "Apple RESCIND_CONSENT, Play revoked approval, Amazon revocation");
    v("event", &StoreConsentEvent::event, schema::Choice<StoreEvent>{});
    v("deleteData", &StoreConsentEvent::delete_data, schema::Bool{}, "with a revocation: delete the child's recordings now", schema::Presence::optional);
    v("requestId", &StoreConsentEvent::request_id, schema::Id{}, "the receipt's id; required with deleteData");
  }
};

}  // namespace privacy::cmd
