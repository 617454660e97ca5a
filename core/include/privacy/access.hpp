#pragma once
// The rows of the authorization table that commands share (R-CON-6, R-INT-5):
// each command's spec names one of these; the README's table, the
// authorizationTable answer and every check come from the specs.
#include "privacy/schema.hpp"

namespace privacy::access {

using K = ActorKind;

// A verified parent, or support acting on one's request.
inline constexpr std::uint32_t parent = bit(K::verified_guardian) | bit(K::support_with_request);
inline constexpr std::uint32_t service = bit(K::operator_) | bit(K::system);
inline constexpr std::uint32_t everyone = (1u << 11) - 1;

// Household set-up and the written policy: the operator.
inline constexpr Access operator_only = on_household({bit(K::operator_)});
// Adding guardians: the operator or a verified parent.
inline constexpr Access admin = on_household({bit(K::operator_) | parent});
// Adding devices: also an adult member.
inline constexpr Access devices = on_household({bit(K::operator_) | parent | bit(K::adult)});
// Who is in the household and how it is set up (no recordings): members and the service.
inline constexpr Access members =
    on_household({service | parent | bit(K::unverified_guardian) | bit(K::adult) | bit(K::teen)});
// Everything the household holds (exports, the audit log, tombstones, imports).
inline constexpr Access custodians = on_household({service | parent});
// The service's own jobs.
inline constexpr Access system = on_household({bit(K::system)});
inline constexpr Access sweep_preview = on_household({service | parent});
// Intake: the service, or the device the recording was made on.
inline constexpr Access intake = on_household({bit(K::system) | bit(K::device)});
// What the operator publishes: anyone may read it.
inline constexpr Access published = on_household({everyone});
// A profile's data and settings: a child's by a parent; a teen's by a
// parent or the teen; an adult's by the adult.
inline constexpr Access manage = on_profiles({parent}, {parent, bit(K::teen)}, {0, bit(K::adult)});
// A child's consent and lifecycle: a parent only.
inline constexpr Access child_only = on_children({parent});
// A minor's age review (R-PRO-3: a child at the age of digital consent, a teen at 18): a parent.
inline constexpr Access minors = on_profiles({parent}, {parent}, {});
// Adding a profile: a child's or a teen's by a parent, an adult's also by the operator.
inline constexpr Access add_profile = on_profiles({parent}, {parent}, {bit(K::operator_) | parent});
// A voice request: the speaker on their own profile, or a parent typing it.
inline constexpr Access speak =
    on_profiles({parent, bit(K::child)}, {parent, bit(K::teen)}, {0, bit(K::adult)});
// An ad decision for a known person: the service, a parent looking, the person.
inline constexpr Access ads =
    on_profiles({service | parent}, {service | parent, bit(K::teen)}, {service, bit(K::adult)});
// Global Privacy Control for a person (R-SIG-3): the service that saw it, a parent, the person.
inline constexpr Access gpc = on_profiles({service | parent}, {service | parent, bit(K::teen)}, {service, bit(K::adult)});
// mayUse: the service asks before using a recording.
inline constexpr Access use = on_household({service | parent});

}  // namespace privacy::access
