#pragma once
// Verifiable parental consent (R-CON-1..5): the approved methods, the evidence
// each records, what each can back, and the legal transitions of a child's
// consent state.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/errors.hpp"
#include "privacy/time.hpp"

namespace privacy {

// R-CON-2, from 16 CFR 312.5(b).
enum class ConsentMethod {
  signed_form,
  payment_card,       // card or online payment, the transaction notified to the holder
  toll_free_call,     // with trained staff
  video_call,         // with trained staff
  government_id,      // checked, then deleted
  knowledge_based,    // knowledge-based authentication
  face_match,         // to a verified photo ID
  text_plus,
  email_plus,         // internal use only: never backs disclosure (R-CON-2, R-CON-3)
};
std::string_view to_string(ConsentMethod method);
std::optional<ConsentMethod> consent_method_from(std::string_view text);
// Email-plus backs internal use only; every other approved method also backs
// disclosure to third parties.
bool backs_disclosure(ConsentMethod method);
// Every method, in RULES.md order (for listings and the disclosure).
const std::vector<ConsentMethod>& all_consent_methods();

enum class ConsentState { none, pending, verified, revoked };
std::string_view to_string(ConsentState state);
std::optional<ConsentState> consent_state_from(std::string_view text);

// The evidence a verification records.
struct ConsentEvidence {
  ConsentMethod method = ConsentMethod::signed_form;
  std::string reference;    // the verifier's reference (form id, transaction id, call id)
  std::string verified_by;  // who verified: the provider or the staff member
  Instant verified_at = 0;
  bool operator==(const ConsentEvidence&) const = default;
};

struct Consent {
  ConsentState state = ConsentState::none;
  std::optional<ConsentMethod> requested_method;  // while pending
  std::optional<ConsentEvidence> evidence;        // once verified
  std::optional<int> notice_version;              // the privacy notice consented to
  bool disclosure = false;                        // R-CON-3: separate, off by default
  std::optional<Instant> revoked_at;
  std::optional<std::string> reason;              // why consent is needed again (material_change)
  bool operator==(const Consent&) const = default;
};

// Moves a consent along a legal transition, or says why it cannot:
//   none|revoked|verified(material change) -> pending   (request)
//   pending -> verified                                  (verify, with evidence)
//   pending -> none                                      (cancel)
//   verified -> revoked                                  (revoke)
enum class ConsentEvent { request, verify, cancel, revoke };
Result<ConsentState> next_consent_state(ConsentState from, ConsentEvent event);

}  // namespace privacy
