#pragma once
// How the engine's types describe their fields, once: every record type and
// every command has a `fields(v)` that names each field with its kind and
// limits. From that one description the core reads JSON (refusing unknown and
// repeated fields, with a path for every problem), writes canonical JSON, and
// answers `describeCommands` with a JSON Schema, from which the package's
// TypeScript types and the README's command reference are generated.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "privacy/errors.hpp"
#include "privacy/words.hpp"

namespace privacy::schema {

struct Id {};                                    // a non-empty UTF-8 string of at most 128 bytes
struct Text { std::size_t max_bytes; bool non_empty = false; };
struct Bool {};
struct Int { std::int64_t min; std::int64_t max; };
struct At {};                                    // an instant: epoch ms, or ISO-8601 with an offset
struct Date {};                                  // YYYY-MM-DD
struct Hash {};                                  // SHA-256, 64 lower-case hex digits
template <class E> struct Choice {};             // one of Words<E>
template <class T> struct Object {};             // a record type with its own fields(v)
template <class K> struct List { K item; std::size_t max_items; };
struct Tree { std::size_t max_values; };         // free-form JSON (receipt scopes, audit details)
template <class T> struct Embedded {};           // a T kept as its JSON text, read by the command itself
struct Place { bool or_anywhere = false; };      // an ISO 3166 code ("DE", "US-CA"); or "*" for anywhere

// A field that is not a std::optional may still be left out of an input
// (its default then applies): `optional`.
enum class Presence { required, optional };

}  // namespace privacy::schema

namespace privacy {

// ---- who may act: one row per command and target kind (R-CON-6, R-INT-5) ----

constexpr std::uint32_t bit(ActorKind kind) { return 1u << static_cast<unsigned>(kind); }

// For one kind of target: the actor kinds that may act, and those that may
// act only on themself (the target profile is the actor).
struct Rule {
  std::uint32_t allow = 0;
  std::uint32_t self = 0;
};

struct Access {
  Rule household, child, teen, adult;
  std::uint8_t targets = 0;  // bit per Target this command acts on
  constexpr const Rule& rule(Target t) const {
    return t == Target::household ? household : t == Target::child ? child : t == Target::teen ? teen : adult;
  }
  constexpr bool applies(Target t) const { return (targets >> static_cast<unsigned>(t)) & 1u; }
};

constexpr Access on_household(Rule r) { return Access{r, {}, {}, {}, 1u << 0}; }
constexpr Access on_profiles(Rule child, Rule teen, Rule adult) {
  return Access{{}, child, teen, adult, (1u << 1) | (1u << 2) | (1u << 3)};
}
constexpr Access on_children(Rule child) { return Access{{}, child, {}, {}, 1u << 1}; }

// What the command is about, which decides the target of the access check.
enum class Subject {
  none,              // no household data: no actor
  household,         // the household as a whole
  profile,           // the profile named by `profileId`
  optional_profile,  // `profileId` when given (then an actor is required), else none
  new_profile,       // the profile being added (`profile.kind`)
  incoming_state,    // the household held, or else the one being imported
};

struct CommandInfo {
  std::string_view name;
  std::string_view summary;       // one line for the reference, with rule ids
  Subject subject = Subject::household;
  Access access{};
  bool changes = false;           // changes the state (and writes the audit log)
  bool deletes = false;           // may delete recordings
  std::uint64_t audits = 0;       // the audit actions it writes (bit per AuditAction)
  bool needs_household = true;    // refused before createHousehold/importState
  bool needs_now = true;          // takes `now`
};

constexpr std::uint64_t actions(std::initializer_list<AuditAction> list) {
  std::uint64_t out = 0;
  for (auto a : list) out |= std::uint64_t{1} << static_cast<unsigned>(a);
  return out;
}

}  // namespace privacy
