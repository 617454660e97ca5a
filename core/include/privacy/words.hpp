#pragma once
// Every closed set of words the engine reads or writes (RULES.md words), each
// written once here as an enum and its table. Messages ("must be one of ..."),
// JSON Schemas, the TypeScript types and the page's labels all derive from
// these tables.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace privacy {

template <class E>
struct Words;  // specialized below: static constexpr std::array<std::pair<E, std::string_view>, N> table

template <class E>
constexpr std::string_view word(E value) {
  for (const auto& [v, w] : Words<E>::table)
    if (v == value) return w;
  return "";
}

template <class E>
constexpr std::optional<E> from_word(std::string_view text) {
  for (const auto& [v, w] : Words<E>::table)
    if (w == text) return v;
  return std::nullopt;
}

// True when the table lists E's values in order 0, 1, 2, ...: what a compact
// answer that carries the numbers needs (bindings/decision.mjs).
template <class E>
constexpr bool words_in_value_order() {
  for (std::size_t i = 0; i < Words<E>::table.size(); ++i)
    if (static_cast<std::size_t>(Words<E>::table[i].first) != i) return false;
  return true;
}

// "a, b, c": the words of E, for messages.
template <class E>
std::string word_list() {
  std::string out;
  for (const auto& [v, w] : Words<E>::table) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

#define PRIVACY_WORDS(E, ...)                                                            \
  template <>                                                                            \
  struct Words<E> {                                                                      \
    static constexpr const char* name = #E;                                              \
    static constexpr auto table = std::to_array<std::pair<E, std::string_view>>({__VA_ARGS__}); \
  }
// R-AGE-1: a profile is a child's (under the place's age of digital consent:
// 13 in the US and the UK, R-AGE-3), a teen's (from that age to 17) or an adult's.
enum class ProfileKind { child, teen, adult };
PRIVACY_WORDS(ProfileKind, {ProfileKind::child, "child"}, {ProfileKind::teen, "teen"},
                              {ProfileKind::adult, "adult"});

// R-RET-1.
enum class RetentionSetting { dont_save, three_months, eighteen_months, until_deleted };
PRIVACY_WORDS(RetentionSetting, {RetentionSetting::dont_save, "dont_save"},
                                   {RetentionSetting::three_months, "3_months"},
                                   {RetentionSetting::eighteen_months, "18_months"},
                                   {RetentionSetting::until_deleted, "until_deleted"});

// The categories a written retention policy covers (R-RET-3, R-RET-4).
enum class ArtifactCategory { audio, transcript, derived };
PRIVACY_WORDS(ArtifactCategory, {ArtifactCategory::audio, "audio"},
                                   {ArtifactCategory::transcript, "transcript"},
                                   {ArtifactCategory::derived, "derived"});

enum class DerivedKind { intent, annotation, training_copy };
PRIVACY_WORDS(DerivedKind, {DerivedKind::intent, "intent"},
                              {DerivedKind::annotation, "annotation"},
                              {DerivedKind::training_copy, "training_copy"});

// R-DEL-4. `disclosure`: to third parties (ads, analytics or training by others).
enum class Purpose { service, playback, review, training, analytics, disclosure, sale };
PRIVACY_WORDS(Purpose, {Purpose::service, "service"}, {Purpose::playback, "playback"},
                          {Purpose::review, "review"}, {Purpose::training, "training"},
                          {Purpose::analytics, "analytics"}, {Purpose::disclosure, "disclosure"},
                          {Purpose::sale, "sale"});

// The answer of mayUse: allowed, or why not.
enum class UseVerdict { allowed, deleted, never_sold, past_due, consent_required, disclosure_consent_required };
PRIVACY_WORDS(UseVerdict, {UseVerdict::allowed, "allowed"}, {UseVerdict::deleted, "deleted"},
                             {UseVerdict::never_sold, "never_sold"}, {UseVerdict::past_due, "past_due"},
                             {UseVerdict::consent_required, "consent_required"},
                             {UseVerdict::disclosure_consent_required, "disclosure_consent_required"});

// R-CON-2, from 16 CFR 312.5(b).
enum class ConsentMethod {
  signed_form, payment_card, toll_free_call, video_call, government_id, knowledge_based,
  face_match, text_plus, email_plus,
};
PRIVACY_WORDS(ConsentMethod, {ConsentMethod::signed_form, "signed_form"},
                                {ConsentMethod::payment_card, "payment_card"},
                                {ConsentMethod::toll_free_call, "toll_free_call"},
                                {ConsentMethod::video_call, "video_call"},
                                {ConsentMethod::government_id, "government_id"},
                                {ConsentMethod::knowledge_based, "knowledge_based"},
                                {ConsentMethod::face_match, "face_match"},
                                {ConsentMethod::text_plus, "text_plus"},
                                {ConsentMethod::email_plus, "email_plus"});

enum class ConsentState { none, pending, verified, revoked };
PRIVACY_WORDS(ConsentState, {ConsentState::none, "none"}, {ConsentState::pending, "pending"},
                               {ConsentState::verified, "verified"}, {ConsentState::revoked, "revoked"});

// Why a child's consent is pending again.
enum class ConsentReason { requested_again, material_change, significant_change };
PRIVACY_WORDS(ConsentReason, {ConsentReason::requested_again, "requested_again"},
                                {ConsentReason::material_change, "material_change"},
                                {ConsentReason::significant_change, "significant_change"});

// R-AGE-5: an app store's notice about a child's consent.
enum class Store { apple, google_play, amazon };
PRIVACY_WORDS(Store, {Store::apple, "apple"}, {Store::google_play, "google_play"}, {Store::amazon, "amazon"});
enum class StoreEvent { revoked, significant_change };
PRIVACY_WORDS(StoreEvent, {StoreEvent::revoked, "revoked"}, {StoreEvent::significant_change, "significant_change"});

// R-DEL-1, R-DEL-2; `sweep` (R-RET-6), `retention` (a shortened setting,
// R-RET-5) and `profile` (removal, revocation, inactivity) are the engine's own.
enum class DeletionKind { ids, range, device, all, just_said, today, sweep, retention, profile };
PRIVACY_WORDS(DeletionKind, {DeletionKind::ids, "ids"}, {DeletionKind::range, "range"},
                               {DeletionKind::device, "device"}, {DeletionKind::all, "all"},
                               {DeletionKind::just_said, "just_said"}, {DeletionKind::today, "today"},
                               {DeletionKind::sweep, "sweep"}, {DeletionKind::retention, "retention"},
                               {DeletionKind::profile, "profile"});
// What a parent may ask for (deleteRecordings, previewDeletion).
enum class RequestKind { ids, range, device, all, just_said, today };
PRIVACY_WORDS(RequestKind, {RequestKind::ids, "ids"}, {RequestKind::range, "range"},
                              {RequestKind::device, "device"}, {RequestKind::all, "all"},
                              {RequestKind::just_said, "just_said"}, {RequestKind::today, "today"});

enum class ReceiptStatus { deleted, nothing_to_delete, already_done };
PRIVACY_WORDS(ReceiptStatus, {ReceiptStatus::deleted, "deleted"},
                                {ReceiptStatus::nothing_to_delete, "nothing_to_delete"},
                                {ReceiptStatus::already_done, "already_done"});
// Why a receipt deleted nothing.
enum class NothingReason { nothing_recent, already_deleted, no_match, already_done };
PRIVACY_WORDS(NothingReason, {NothingReason::nothing_recent, "nothing_recent"},
                                {NothingReason::already_deleted, "already_deleted"},
                                {NothingReason::no_match, "no_match"},
                                {NothingReason::already_done, "already_done"});

// R-DEL-2: what a spoken request asks for.
enum class VoiceCommand { just_said, today };
PRIVACY_WORDS(VoiceCommand, {VoiceCommand::just_said, "just_said"}, {VoiceCommand::today, "today"});

// Who is acting, resolved against the household (R-CON-6, R-INT-5).
enum class ActorKind {
  verified_guardian,        // a guardian of this household, verified as a parent
  unverified_guardian,      // a guardian of this household, not (yet) verified
  other_household,          // anyone not of this household
  child,                    // a child profile of this household
  teen,                     // a teen profile of this household
  adult,                    // an adult profile of this household
  device,                   // one of the household's devices ("device:<id>"), for intake
  support_with_request,     // "support:<id>" acting on a verified guardian's request
  support_without_request,  // "support:<id>" on their own
  system,                   // the service's own jobs (intake, sweeps)
  operator_,                // the operator (policy, notices, household set-up)
};
PRIVACY_WORDS(ActorKind, {ActorKind::verified_guardian, "verified_guardian"},
                             {ActorKind::unverified_guardian, "unverified_guardian"},
                             {ActorKind::other_household, "other_household"},
                             {ActorKind::child, "child"}, {ActorKind::teen, "teen"},
                             {ActorKind::adult, "adult"}, {ActorKind::device, "device"},
                             {ActorKind::support_with_request, "support_with_request"},
                             {ActorKind::support_without_request, "support_without_request"},
                             {ActorKind::system, "system"}, {ActorKind::operator_, "operator"});

// What a command acts on decides who may act.
enum class Target { household, child, teen, adult };
PRIVACY_WORDS(Target, {Target::household, "household"}, {Target::child, "child"},
                         {Target::teen, "teen"}, {Target::adult, "adult"});

// Every action the audit log records.
enum class AuditAction {
  household_created, retention_policy_set, privacy_notice_set, guardian_added, device_added,
  device_renamed, profile_added, profile_renamed, profile_removed, profile_enabled, profile_kept,
  age_review_flagged, age_review_resolved, profile_inactive_notified, profile_reactivated,
  consent_requested, consent_verified, consent_cancelled, consent_revoked, disclosure_consent_set,
  recordings_added, retention_set, voice_deletion_set, recordings_deleted, sweep, state_imported,
  state_restored, state_migrated, jurisdiction_set, jurisdiction_policy_set, gpc_recorded,
};
PRIVACY_WORDS(AuditAction, {AuditAction::household_created, "household_created"},
    {AuditAction::retention_policy_set, "retention_policy_set"},
    {AuditAction::privacy_notice_set, "privacy_notice_set"},
    {AuditAction::guardian_added, "guardian_added"},
    {AuditAction::device_added, "device_added"},
    {AuditAction::device_renamed, "device_renamed"},
    {AuditAction::profile_added, "profile_added"},
    {AuditAction::profile_renamed, "profile_renamed"},
    {AuditAction::profile_removed, "profile_removed"},
    {AuditAction::profile_enabled, "profile_enabled"},
    {AuditAction::profile_kept, "profile_kept"},
    {AuditAction::age_review_flagged, "age_review_flagged"},
    {AuditAction::age_review_resolved, "age_review_resolved"},
    {AuditAction::profile_inactive_notified, "profile_inactive_notified"},
    {AuditAction::profile_reactivated, "profile_reactivated"},
    {AuditAction::consent_requested, "consent_requested"},
    {AuditAction::consent_verified, "consent_verified"},
    {AuditAction::consent_cancelled, "consent_cancelled"},
    {AuditAction::consent_revoked, "consent_revoked"},
    {AuditAction::disclosure_consent_set, "disclosure_consent_set"},
    {AuditAction::recordings_added, "recordings_added"},
    {AuditAction::retention_set, "retention_set"},
    {AuditAction::voice_deletion_set, "voice_deletion_set"},
    {AuditAction::recordings_deleted, "recordings_deleted"},
    {AuditAction::sweep, "sweep"},
    {AuditAction::state_imported, "state_imported"},
    {AuditAction::state_restored, "state_restored"},
    {AuditAction::state_migrated, "state_migrated"},
    {AuditAction::jurisdiction_set, "jurisdiction_set"},
    {AuditAction::jurisdiction_policy_set, "jurisdiction_policy_set"},
    {AuditAction::gpc_recorded, "gpc_recorded"},);

// How an import changed the engine's household (R-INT-2).
enum class ImportOutcome { loaded, restored, updated, unchanged };
PRIVACY_WORDS(ImportOutcome, {ImportOutcome::loaded, "loaded"}, {ImportOutcome::restored, "restored"},
                                {ImportOutcome::updated, "updated"}, {ImportOutcome::unchanged, "unchanged"});

// Why verifyAuditLog (or an import) found the log broken (R-INT-3).
enum class AuditFault { sequence, chain, edited, time, digest, head };
PRIVACY_WORDS(AuditFault, {AuditFault::sequence, "sequence"}, {AuditFault::chain, "chain"},
                             {AuditFault::edited, "edited"}, {AuditFault::time, "time"},
                             {AuditFault::digest, "digest"}, {AuditFault::head, "head"});


}  // namespace privacy
