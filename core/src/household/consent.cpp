// Verifiable parental consent (R-CON-1..6).
#include "deleting.hpp"
#include "privacy/consent.hpp"

namespace privacy {

namespace {

struct Step {
  std::uint32_t slot;
  ConsentState from;
};

// The child and the legal next state, or why not.
Result<Step> step(const Ctx& ctx, const std::string& profile_id, ConsentEvent event) {
  const std::uint32_t slot = *ctx.h.profile_slot(profile_id);
  const Profile& p = ctx.h.s.profiles[slot];
  if (p.kind != ProfileKind::child)
    return Error{code::invalid_input, "profileId", "parental consent is for child profiles"};
  auto next = next_consent_state(p.consent->state, event);
  if (!next) return next.errors();
  return Step{slot, p.consent->state};
}

ConsentAnswer answer(const Ctx& ctx, std::uint32_t slot) {
  const Profile& p = ctx.h.s.profiles[slot];
  return ConsentAnswer{p.id, *p.consent, p.enabled, std::nullopt};
}

}  // namespace

// From verified, asking again suspends collection until the new
// verification: pending is not consent (R-CON-1).
Result<ConsentAnswer> cmd::RequestConsent::apply(Ctx& ctx) const {
  auto s = step(ctx, profile_id, ConsentEvent::request);
  if (!s) return s.errors();
  Profile& p = ctx.h.edit_profile(s->slot);
  Consent& c = *p.consent;
  c.state = ConsentState::pending;
  c.requested_method = method;
  c.reason = s->from == ConsentState::verified ? std::optional(ConsentReason::requested_again) : std::nullopt;
  c.disclosure = false;
  p.enabled = false;
  ctx.log(AuditAction::consent_requested,
          {{"profileId", profile_id}, {"state", "pending"}, {"method", std::string(word(method))}});
  return answer(ctx, s->slot);
}

Result<ConsentAnswer> cmd::RecordConsent::apply(Ctx& ctx) const {
  auto s = step(ctx, profile_id, ConsentEvent::verify);
  if (!s) return s.errors();
  Profile& p = ctx.h.edit_profile(s->slot);
  Consent& c = *p.consent;
  c.state = ConsentState::verified;
  c.evidence = ConsentEvidence{method, reference, verified_by, ctx.now};
  c.requested_method.reset();
  c.notice_version = ctx.h.s.privacy_notice.version;
  c.reason.reset();
  c.revoked_at.reset();
  p.enabled = true;
  ctx.log(AuditAction::consent_verified, {{"profileId", profile_id},
                                          {"state", "verified"},
                                          {"method", std::string(word(method))},
                                          {"reference", reference},
                                          {"verifiedBy", verified_by}});
  return answer(ctx, s->slot);
}

Result<ConsentAnswer> cmd::CancelConsent::apply(Ctx& ctx) const {
  auto s = step(ctx, profile_id, ConsentEvent::cancel);
  if (!s) return s.errors();
  Consent& c = *ctx.h.edit_profile(s->slot).consent;
  c.state = ConsentState::none;
  c.requested_method.reset();
  c.reason.reset();
  ctx.log(AuditAction::consent_cancelled, {{"profileId", profile_id}, {"state", "none"}});
  return answer(ctx, s->slot);
}

// R-CON-4: collection stops at once; the parent chose whether the data goes now.
Result<ConsentAnswer> cmd::RevokeConsent::apply(Ctx& ctx) const {
  auto s = step(ctx, profile_id, ConsentEvent::revoke);
  if (!s) return s.errors();
  if (delete_data && !request_id) return Error{code::invalid_input, "requestId", "is required with deleteData"};
  if (delete_data && ctx.h.receipt(*request_id))
    return Error{code::conflict, "requestId", "request id '" + *request_id + "' is already used"};
  Profile& p = ctx.h.edit_profile(s->slot);
  p.consent->state = ConsentState::revoked;
  p.consent->revoked_at = ctx.now;
  p.consent->disclosure = false;
  p.enabled = false;
  ctx.log(AuditAction::consent_revoked, {{"profileId", profile_id}, {"state", "revoked"}, {"deleteData", delete_data}});
  ConsentAnswer out = answer(ctx, s->slot);
  if (delete_data) {
    auto slots = slots_of_profile(ctx.h, s->slot);
    DeletionReceipt receipt =
        receipt_for(ctx, *request_id, DeletionKind::all, profile_id, {{"kind", "all"}, {"profileId", profile_id}});
    if (slots.empty()) receipt.reason = NothingReason::no_match;
    out.receipt = delete_slots(ctx, std::move(receipt), slots);
  }
  return out;
}

// R-CON-3: separate, off by default, never a condition of the service; only
// after the notice names who receives the data, and only by a method that
// backs disclosure (R-CON-2).
Result<ConsentAnswer> cmd::SetDisclosureConsent::apply(Ctx& ctx) const {
  const std::uint32_t slot = *ctx.h.profile_slot(profile_id);
  const Profile& p = ctx.h.s.profiles[slot];
  if (p.kind != ProfileKind::child)
    return Error{code::invalid_input, "profileId", "parental consent is for child profiles"};
  if (enabled) {
    const Consent& c = *p.consent;
    if (c.state != ConsentState::verified)
      return Error{code::consent_required, "enabled", "disclosure consent needs verified consent to collection first"};
    if (!backs_disclosure(c.evidence->method))
      return Error{code::consent_required, "enabled",
                   "consent by " + std::string(word(c.evidence->method)) +
                       " backs internal use only; disclosure to third parties needs another approved method (R-CON-2)"};
    if (ctx.h.s.privacy_notice.third_parties.empty())
      return Error{code::consent_required, "enabled",
                   "the privacy notice names no third party and purpose yet: nothing can be disclosed (R-CON-3)"};
  }
  ctx.h.edit_profile(slot).consent->disclosure = enabled;
  ctx.log(AuditAction::disclosure_consent_set, {{"profileId", profile_id}, {"enabled", enabled}});
  return answer(ctx, slot);
}

// R-AGE-5: a store's revocation is a parent's revocation (R-CON-4); a
// significant change puts a verified consent back to pending, collection
// stopped, until the parent gives it again (R-CON-5).
Result<ConsentAnswer> cmd::StoreConsentEvent::apply(Ctx& ctx) const {
  const std::uint32_t slot = *ctx.h.profile_slot(profile_id);
  const Profile& p = ctx.h.s.profiles[slot];
  if (p.kind != ProfileKind::child)
    return Error{code::invalid_input, "profileId", "parental consent is for child profiles"};
  const std::string source(word(store));
  if (event == StoreEvent::revoked) {
    if (p.consent->state != ConsentState::verified)
      return Error{code::conflict, "event", "there is no verified consent to revoke"};
    if (delete_data && !request_id) return Error{code::invalid_input, "requestId", "is required with deleteData"};
    if (delete_data && ctx.h.receipt(*request_id))
      return Error{code::conflict, "requestId", "request id '" + *request_id + "' is already used"};
    Profile& edit = ctx.h.edit_profile(slot);
    edit.consent->state = ConsentState::revoked;
    edit.consent->revoked_at = ctx.now;
    edit.consent->disclosure = false;
    edit.enabled = false;
    ctx.log(AuditAction::consent_revoked,
            {{"profileId", profile_id}, {"state", "revoked"}, {"store", source}, {"deleteData", delete_data}});
    ConsentAnswer out = answer(ctx, slot);
    if (delete_data) {
      auto slots = slots_of_profile(ctx.h, slot);
      DeletionReceipt receipt =
          receipt_for(ctx, *request_id, DeletionKind::all, profile_id, {{"kind", "all"}, {"profileId", profile_id}});
      if (slots.empty()) receipt.reason = NothingReason::no_match;
      out.receipt = delete_slots(ctx, std::move(receipt), slots);
    }
    return out;
  }
  if (p.consent->state != ConsentState::verified)
    return Error{code::conflict, "event", "only a verified consent needs renewing"};
  if (delete_data || request_id)
    return Error{code::invalid_input, "deleteData", "is for a revocation; a significant change deletes nothing"};
  Profile& edit = ctx.h.edit_profile(slot);
  edit.consent->state = ConsentState::pending;
  edit.consent->requested_method = edit.consent->evidence->method;
  edit.consent->reason = ConsentReason::significant_change;
  edit.consent->disclosure = false;
  edit.enabled = false;
  ctx.log(AuditAction::consent_requested, {{"profileId", profile_id},
                                           {"state", "pending"},
                                           {"method", std::string(word(*edit.consent->requested_method))},
                                           {"store", source},
                                           {"reason", "significant_change"}});
  return answer(ctx, slot);
}

}  // namespace privacy
