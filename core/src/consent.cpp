#include "privacy/consent.hpp"

#include <array>
#include <utility>

namespace privacy {
namespace {
constexpr std::array<std::pair<ConsentMethod, std::string_view>, 9> kMethods{{
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
constexpr std::array<std::pair<ConsentState, std::string_view>, 4> kStates{{
    {ConsentState::none, "none"},
    {ConsentState::pending, "pending"},
    {ConsentState::verified, "verified"},
    {ConsentState::revoked, "revoked"},
}};
}  // namespace

std::string_view to_string(ConsentMethod m) {
  for (const auto& [k, n] : kMethods)
    if (k == m) return n;
  return "";
}
std::optional<ConsentMethod> consent_method_from(std::string_view t) {
  for (const auto& [k, n] : kMethods)
    if (n == t) return k;
  return std::nullopt;
}
bool backs_disclosure(ConsentMethod m) { return m != ConsentMethod::email_plus; }

const std::vector<ConsentMethod>& all_consent_methods() {
  static const std::vector<ConsentMethod> methods = [] {
    std::vector<ConsentMethod> out;
    for (const auto& [k, n] : kMethods) out.push_back(k);
    return out;
  }();
  return methods;
}

std::string_view to_string(ConsentState s) {
  for (const auto& [k, n] : kStates)
    if (k == s) return n;
  return "";
}
std::optional<ConsentState> consent_state_from(std::string_view t) {
  for (const auto& [k, n] : kStates)
    if (n == t) return k;
  return std::nullopt;
}

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
