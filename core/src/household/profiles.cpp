// Profiles and their lifecycle (R-PRO-1..3).
#include "../json/codec.hpp"
#include "deleting.hpp"
#include "privacy/profiles.hpp"
#include "views.hpp"

namespace privacy {

namespace {

// Whole years from a birth date to `now` (UTC), or none without one.
std::optional<int> age_at(const std::optional<std::string>& birth_date, Instant now) {
  if (!birth_date) return std::nullopt;
  Profile p;
  p.birth_date = birth_date;
  int years = 0;
  while (years < 200) {
    auto next = birthday(p, years + 1);
    if (!next || *next > now) break;
    ++years;
  }
  return years;
}

// R-AGE-1, R-AGE-3: the kind a birth date allows at `now`. A child profile
// is for someone under the place's age of digital consent (13 in the US and
// the UK, up to 16 in the EU): a parent's consent covers them. A teen
// profile is from that age to 17, an adult's from 18.
std::optional<Error> kind_against_age(ProfileKind kind, const std::optional<std::string>& birth_date, Instant now,
                                      int consent_age, const std::string& path) {
  auto birth = birth_date ? parse_date(*birth_date) : std::nullopt;
  if (birth && *birth > now) return Error{code::invalid_input, path, "is in the future"};
  auto age = age_at(birth_date, now);
  if (!age) return std::nullopt;
  bool fits = kind == ProfileKind::child  ? *age < consent_age
              : kind == ProfileKind::teen ? *age >= consent_age && *age < kAdultAge
                                          : *age >= kAdultAge;
  if (fits) return std::nullopt;
  // Where the consent age is 18 (an operator's choice) there is no teen band.
  const std::string teens = consent_age < kAdultAge
                                ? ", a teen " + std::to_string(consent_age) + " to 17"
                                : ", and there are no teen profiles";
  return Error{code::invalid_input, path,
               "makes the person " + std::to_string(*age) + ": here a child profile is under " + std::to_string(consent_age) +
                   teens + ", an adult 18 or over (R-AGE-1, R-AGE-3)"};
}

}  // namespace

Result<Profile> cmd::AddProfile::apply(Ctx& ctx) const {
  Household::Impl& h = ctx.h;
  if (h.removed_profile(profile.id))
    return Error{code::conflict, "profile.id", "id '" + profile.id + "' belonged to a removed profile and is never used again"};
  if (h.actor_id_taken(profile.id)) return Error{code::conflict, "profile.id", "id '" + profile.id + "' is already used"};
  if (auto wrong = kind_against_age(profile.kind, profile.birth_date, ctx.now, household_policy(h).consent_age,
                                    "profile.birthDate"))
    return *wrong;
  Profile p;
  p.id = profile.id;
  p.name = profile.name;
  p.kind = profile.kind;
  p.birth_date = profile.birth_date;
  p.retention = profile.retention.value_or(default_retention(profile.kind));
  p.voice_deletion = profile.voice_deletion.value_or(false);
  // R-CON-1: a new child waits for consent; a teen or an adult is enabled at once.
  p.enabled = profile.kind != ProfileKind::child;
  if (profile.kind == ProfileKind::child) p.consent = Consent{};
  p.created_at = ctx.now;
  h.add_profile(p);
  ctx.log(AuditAction::profile_added, json::to_tree(p));
  return p;
}

Result<Profile> cmd::RenameProfile::apply(Ctx& ctx) const {
  const std::uint32_t slot = *ctx.h.profile_slot(profile_id);
  std::string previous = ctx.h.s.profiles[slot].name;
  ctx.h.edit_profile(slot).name = name;
  ctx.log(AuditAction::profile_renamed, {{"profileId", profile_id}, {"from", previous}, {"to", name}});
  return ctx.h.s.profiles[slot];
}

namespace {
// The profile's data goes with a receipt, then the profile; its id stays
// taken (R-PRO-1, R-DEL-3, R-INT-2).
ProfileRemoval remove(Ctx& ctx, const std::string& profile_id, const std::string& request_id) {
  DeletionReceipt receipt = delete_profile_data(ctx, profile_id, request_id, DeletionKind::profile);
  ctx.h.add_removed_profile({profile_id, ctx.now, request_id});
  ctx.h.erase_profile(*ctx.h.profile_slot(profile_id));
  ctx.log(AuditAction::profile_removed, {{"profileId", profile_id}, {"requestId", request_id}});
  return ProfileRemoval{profile_id, std::move(receipt)};
}
}  // namespace

Result<ProfileRemoval> cmd::RemoveProfile::apply(Ctx& ctx) const {
  const DeletionReceipt* done = ctx.h.receipt(request_id);
  if (!ctx.h.profile(profile_id)) {
    // Removed already: the same request from the same actor is answered, once more, as done (R-DEL-5).
    if (done && done->kind == DeletionKind::profile && done->profile_id == profile_id && done->actor == ctx.actor.id)
      return ProfileRemoval{profile_id, already_done(*done, ctx.now)};
    return Error{code::not_found, "profileId", "no profile '" + profile_id + "' in this household"};
  }
  if (done) return Error{code::conflict, "requestId", "request id '" + request_id + "' is already used"};
  return remove(ctx, profile_id, request_id);
}

Result<Profile> cmd::EnableProfile::apply(Ctx& ctx) const {
  const std::uint32_t slot = *ctx.h.profile_slot(profile_id);
  const Profile& p = ctx.h.s.profiles[slot];
  if (enabled && p.consent->state != ConsentState::verified)
    return Error{code::consent_required, "enabled",
                 "a child profile is enabled only with verified parental consent (R-CON-1)"};
  ctx.h.edit_profile(slot).enabled = enabled;
  ctx.log(AuditAction::profile_enabled, {{"profileId", profile_id}, {"enabled", enabled}});
  return ctx.h.s.profiles[slot];
}

Result<Profile> cmd::KeepProfile::apply(Ctx& ctx) const {
  const std::uint32_t slot = *ctx.h.profile_slot(profile_id);
  Profile& p = ctx.h.edit_profile(slot);
  p.kept_at = ctx.now;
  p.inactive_notified_at.reset();
  ctx.log(AuditAction::profile_kept, {{"profileId", profile_id}});
  return ctx.h.s.profiles[slot];
}

// R-PRO-3: only the parent's explicit choice changes what the profile is;
// data collected while a child keeps the child maximum (collectedAsChild).
Result<Profile> cmd::ResolveAgeReview::apply(Ctx& ctx) const {
  const std::uint32_t slot = *ctx.h.profile_slot(profile_id);
  const Profile& p = ctx.h.s.profiles[slot];
  if (!p.age_review_flagged_at)
    return Error{code::conflict, "profileId", "this profile is not flagged for an age review"};
  if (static_cast<int>(kind) < static_cast<int>(p.kind))
    return Error{code::invalid_input, "kind", "a review never makes a profile younger"};
  if (kind != p.kind)
    if (auto wrong = kind_against_age(kind, p.birth_date, ctx.now, household_policy(ctx.h).consent_age, "kind")) return *wrong;
  std::string from(word(p.kind));
  Profile& edit = ctx.h.edit_profile(slot);
  edit.age_review_flagged_at.reset();
  edit.age_reviewed_at = ctx.now;
  if (kind != ProfileKind::child) {
    edit.kind = kind;
    edit.consent.reset();
    edit.enabled = true;
    edit.inactive_notified_at.reset();
  }
  ctx.log(AuditAction::age_review_resolved, {{"profileId", profile_id}, {"from", from}, {"kind", std::string(word(kind))}});
  return ctx.h.s.profiles[slot];
}

// R-PRO-2 and R-PRO-3 at `now`: notices, withdrawals, removals, reviews.
Result<ProfileSweep> cmd::SweepProfiles::apply(Ctx& ctx) const {
  Household::Impl& h = ctx.h;
  const RetentionPolicy& policy = h.s.retention_policy;
  ProfileSweep out;
  std::vector<std::string> to_remove;
  const int consent_age = household_policy(h).consent_age;
  for (std::uint32_t i = 0; i < h.s.profiles.size(); ++i) {
    const Profile& p = h.s.profiles[i];
    switch (lifecycle_step(p, policy, ctx.now)) {
      case LifecycleStep::notify:
        h.edit_profile(i).inactive_notified_at = ctx.now;
        out.notified.push_back({p.id, *removal_due_at(p, policy)});
        ctx.log(AuditAction::profile_inactive_notified, {{"profileId", p.id}});
        break;
      case LifecycleStep::reactivated:
        h.edit_profile(i).inactive_notified_at.reset();
        out.reactivated.push_back(p.id);
        ctx.log(AuditAction::profile_reactivated, {{"profileId", p.id}});
        break;
      case LifecycleStep::remove: to_remove.push_back(p.id); break;
      case LifecycleStep::none: break;
    }
    if (auto due = age_review_due_at(h.s.profiles[i], consent_age); due && *due <= ctx.now) {
      h.edit_profile(i).age_review_flagged_at = ctx.now;
      out.age_review.push_back(p.id);
      ctx.log(AuditAction::age_review_flagged, {{"profileId", p.id}});
    }
  }
  for (const auto& id : to_remove)
    out.removed.push_back(remove(ctx, id, h.fresh_request_id("inactive-" + id + "-" + std::to_string(ctx.now))));
  return out;
}

Result<ProfileExport> cmd::ExportProfileData::apply(Ctx& ctx) const {
  const Household::Impl& h = ctx.h;
  const std::uint32_t slot = *h.profile_slot(profile_id);
  ProfileExport out;
  out.household_id = h.s.household.id;
  out.profile = h.s.profiles[slot];
  out.effective_retention = effective(h, out.profile);
  const RetentionRule rule = rule_of(h, out.profile);
  for (auto i : slots_of_profile(h, slot)) out.recordings.push_back(view_of(h.s.recordings[i], rule));
  for (const auto& t : h.s.tombstones)
    if (t.profile_id == profile_id) out.tombstones.push_back(t);
  for (const auto& r : h.s.receipts)
    if (r.profile_id == profile_id) out.receipts.push_back(r);
  return out;
}

}  // namespace privacy
