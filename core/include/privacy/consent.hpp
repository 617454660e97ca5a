#pragma once
// Verifiable parental consent (R-CON-1..5): what each approved method can
// back, and the legal transitions of a child's consent.
#include "privacy/errors.hpp"
#include "privacy/words.hpp"

namespace privacy {

// R-CON-2: email-plus and text-plus back internal use only; every other
// approved method also backs disclosure to third parties.
constexpr bool backs_disclosure(ConsentMethod m) {
  return m != ConsentMethod::email_plus && m != ConsentMethod::text_plus;
}

// The legal transitions:
//   none | revoked | verified -> pending   (request; from verified, collection stops until verified again)
//   pending -> verified                     (verify, with evidence)
//   pending -> none                         (cancel)
//   verified -> revoked                     (revoke)
enum class ConsentEvent { request, verify, cancel, revoke };
Result<ConsentState> next_consent_state(ConsentState from, ConsentEvent event);

}  // namespace privacy
