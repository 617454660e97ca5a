#pragma once
// Household::run(): what every command shares, written once. Included where
// commands are dispatched (commands/dispatch.cpp), which instantiates it for
// every command of AllCommands.
#include <type_traits>

#include "../json/codec.hpp"
#include "context.hpp"

#ifdef PRIVACY_CHECK_INVARIANTS
#include <cstdio>
#include <cstdlib>
#endif

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

#ifdef PRIVACY_CHECK_INVARIANTS
// Test and sanitizer builds: every command's result passes the invariants,
// and a failed command changed nothing.
[[noreturn]] inline void broken(std::string_view command, const std::string& what) {
  std::fprintf(stderr, "family-privacy: %.*s broke an invariant: %s\n", static_cast<int>(command.size()),
               command.data(), what.c_str());
  std::abort();
}
#endif

}  // namespace detail

template <class C>
Result<typename C::Output> Household::run(const Call<C>& call, Effects* effects) {
  Effects scratch;
  Effects& fx = effects ? *effects : scratch;
  fx = Effects{};
  Impl& h = *impl_;
  constexpr const CommandInfo& info = C::info;
  if (info.needs_household && !h.exists)
    return Error{code::not_found, "", "no household yet: createHousehold or importState first"};

  const std::string* profile_id = detail::subject_profile(call.input);
  const bool needs_actor =
      info.subject != Subject::none && (info.subject != Subject::optional_profile || profile_id);
  Acting acting{ActorKind::other_household, call.actor.id, std::nullopt};
  if (needs_actor) {
    if (call.actor.id.empty())
      return Error{code::invalid_input, "actor",
                   "is required: every command on household data names who acts (R-INT-5)"};
    if (!json::valid_id(call.actor.id))
      return Error{code::invalid_input, "actor", "must be an id: a non-empty string of at most 128 bytes"};
    if (call.actor.on_behalf_of && !starts_with(call.actor.id, kSupportPrefix))
      return Error{code::invalid_input, "onBehalfOf", "only a support agent acts on someone's behalf"};
    acting = h.resolve(call.actor);
    Target target = Target::household;
    std::string_view target_id;
    if (info.subject == Subject::profile || info.subject == Subject::optional_profile) {
      if (!h.exists) return Error{code::not_found, "profileId", "no household yet: no profiles"};
      const Profile* p = h.profile(*profile_id);
      if constexpr (requires { C::answers_after_removal; }) {
        // Only its receipt can say who asked: the command answers itself.
        if (!p && h.removed_profile(*profile_id)) {
          Ctx repeat{h, acting, call.now, fx, call.actor};
          return call.input.apply(repeat);
        }
      }
      if (!p) return Error{code::not_found, "profileId", "no profile '" + *profile_id + "' in this household"};
      target = target_of(*p);
      target_id = p->id;
    } else if constexpr (requires { call.input.profile.kind; }) {
      target = call.input.profile.kind == ProfileKind::child  ? Target::child
               : call.input.profile.kind == ProfileKind::teen ? Target::teen
                                                               : Target::adult;
    }
    // An import into an empty engine is judged against the state coming in.
    bool judged_later = info.subject == Subject::incoming_state && !h.exists;
    if (!judged_later && !allowed(info.access, target, acting, target_id))
      return forbidden(info.name, target, acting);
  }
  if (info.changes && h.exists)
    if (const AuditEntry* last = h.last_entry(); last && call.now < last->at)
      return Error{code::out_of_order, "now",
                   "is before the audit log's last entry (" + format_iso8601(last->at) +
                       "): audit time never runs backwards (R-INT-3)"};

#ifdef PRIVACY_CHECK_INVARIANTS
  const std::string before = h.exists ? h.digest() : std::string();
  const std::size_t entries = h.s.audit_log.size();
#endif
  Ctx ctx{h, std::move(acting), call.now, fx, call.actor};
  Result<typename C::Output> out = call.input.apply(ctx);
#ifdef PRIVACY_CHECK_INVARIANTS
  if (!out && (h.s.audit_log.size() != entries || (h.exists && h.digest() != before)))
    detail::broken(info.name, "a failed command changed the state");
  if (!info.changes && fx.changed) detail::broken(info.name, "a read changed the state");
  if (fx.changed)
    if (Errors problems = check(); !problems.empty())
      detail::broken(info.name, problems.front().path + ": " + problems.front().message);
#endif
  return out;
}

}  // namespace privacy
