#pragma once
// Household::run(): what every command shares, written once. Included where
// commands are dispatched (commands/dispatch.cpp), which instantiates it for
// every command of AllCommands. The checks themselves are plain functions
// (run.cpp): instantiated per command, they were most of the module's size.
#include <optional>
#include <type_traits>

#include "../json/codec.hpp"
#include "context.hpp"

namespace privacy {

namespace detail {

// The profile a command is about, if its spec names one.
template <class C>
const std::string* subject_profile(const C& in) {
  if constexpr (requires { in.profile_id; }) {
    if constexpr (json::is_optional<std::remove_cvref_t<decltype(in.profile_id)>>::value)
      return in.profile_id ? &*in.profile_id : nullptr;
    else
      return &in.profile_id;
  } else {
    return nullptr;
  }
}

// What the shared checks decided: a refusal, or who acts; `repeat` when the
// command is a repeated request about a profile already removed, which only
// the command itself can answer (from its receipt).
struct Admission {
  std::optional<Error> refusal;
  Acting acting{ActorKind::other_household, {}, std::nullopt};
  bool repeat = false;
};

// The household, the actor against the authorization table (R-CON-6,
// R-INT-5), and the audit clock (R-INT-3), for any command.
Admission admit(Household::Impl& h, const CommandInfo& info, const Actor& actor, Instant now,
                const std::string* profile_id, std::optional<ProfileKind> new_profile, bool answers_after_removal);

#ifdef PRIVACY_CHECK_INVARIANTS
// Test and sanitizer builds: every command's result passes the invariants,
// and a failed command changed nothing (R-INT-1); else abort.
struct Before {
  std::string digest;
  std::size_t entries = 0;
};
Before before(Household::Impl& h);
void verify_after(Household& household, Household::Impl& h, const CommandInfo& info, const Before& b, bool ok,
                  const Effects& fx);
#endif

}  // namespace detail

template <class C>
Result<typename C::Output> Household::run(const Call<C>& call, Effects* effects) {
  Effects scratch;
  Effects& fx = effects ? *effects : scratch;
  fx = Effects{};
  Impl& h = *impl_;
  std::optional<ProfileKind> new_profile;
  if constexpr (requires { call.input.profile.kind; }) new_profile = call.input.profile.kind;
  detail::Admission a = detail::admit(h, C::info, call.actor, call.now, detail::subject_profile(call.input),
                                      new_profile, requires { C::answers_after_removal; });
  if (a.refusal) return std::move(*a.refusal);
#ifdef PRIVACY_CHECK_INVARIANTS
  const detail::Before b = detail::before(h);
#endif
  Ctx ctx{h, std::move(a.acting), call.now, fx, call.actor};
  Result<typename C::Output> out = call.input.apply(ctx);
#ifdef PRIVACY_CHECK_INVARIANTS
  if (!a.repeat) detail::verify_after(*this, h, C::info, b, static_cast<bool>(out), fx);
#endif
  return out;
}

}  // namespace privacy
