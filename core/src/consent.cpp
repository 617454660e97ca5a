#include "privacy/consent.hpp"

#include "names.hpp"

#include <array>
#include <utility>

namespace privacy {
namespace {
constexpr detail::Names<ConsentMethod, 9> kMethods{{
    {ConsentMethod::signed_form, "signed_form"},
    {ConsentMethod::payment_card, "payment_card"},
    {ConsentMethod::toll_free_call, "toll_free_call"},
    {ConsentMethod::video_call, "video_call"},
    {ConsentMethod::government_id, "government_id"},
    {ConsentMethod::knowledge_based, "knowledge_based"},
    {ConsentMethod::face_match, "face_match"},
    {ConsentMethod::text_plus, "text_plus"},
    {ConsentMethod::email_plus, "email_plus"},
}};
constexpr detail::Names<ConsentState, 4> kStates{{
    {ConsentState::none, "none"},
    {ConsentState::pending, "pending"},
    {ConsentState::verified, "verified"},
    {ConsentState::revoked, "revoked"},
}};
}  // namespace

std::string_view to_string(ConsentMethod m) { return detail::name_of(kMethods, m); }
std::optional<ConsentMethod> consent_method_from(std::string_view t) { return detail::value_of(kMethods, t); }
bool backs_disclosure(ConsentMethod m) { return m != ConsentMethod::email_plus; }

const std::vector<ConsentMethod>& all_consent_methods() {
  static const std::vector<ConsentMethod> methods = [] {
    std::vector<ConsentMethod> out;
    for (const auto& [k, n] : kMethods) out.push_back(k);
    return out;
  }();
  return methods;
}

std::string_view to_string(ConsentState s) { return detail::name_of(kStates, s); }
std::optional<ConsentState> consent_state_from(std::string_view t) { return detail::value_of(kStates, t); }

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
  return Error{code::conflict, "consent",
               std::string("cannot ") + kEvents[static_cast<int>(event)] + " consent that is " +
                   std::string(to_string(from)) +
                   " (legal: none/revoked/verified -> pending -> verified -> revoked; pending -> none)"};
}

}  // namespace privacy
