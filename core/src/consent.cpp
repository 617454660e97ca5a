#include "privacy/consent.hpp"

#include <string>

namespace privacy {

Result<ConsentState> next_consent_state(ConsentState from, ConsentEvent event) {
  switch (event) {
    case ConsentEvent::request:
      if (from != ConsentState::pending) return ConsentState::pending;
      break;
    case ConsentEvent::verify:
      if (from == ConsentState::pending) return ConsentState::verified;
      break;
    case ConsentEvent::cancel:
      if (from == ConsentState::pending) return ConsentState::none;
      break;
    case ConsentEvent::revoke:
      if (from == ConsentState::verified) return ConsentState::revoked;
      break;
  }
  static constexpr const char* kEvents[] = {"request", "verify", "cancel", "revoke"};
  return Error{code::conflict, "profileId",
               std::string("cannot ") + kEvents[static_cast<int>(event)] + " consent that is " +
                   std::string(word(from)) +
                   " (legal: none/revoked/verified -> pending -> verified -> revoked; pending -> none)"};
}

}  // namespace privacy
