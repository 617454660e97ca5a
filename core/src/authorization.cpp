#include "privacy/authorization.hpp"

#include "names.hpp"

#include <algorithm>
#include <array>

namespace privacy {
namespace {

constexpr detail::Names<ActorKind, 9> kKinds{{
    {ActorKind::verified_guardian, "verified_guardian"},
    {ActorKind::unverified_guardian, "unverified_guardian"},
    {ActorKind::other_household, "other_household"},
    {ActorKind::child, "child"},
    {ActorKind::adult, "adult"},
    {ActorKind::support_with_request, "support_with_request"},
    {ActorKind::support_without_request, "support_without_request"},
    {ActorKind::system, "system"},
    {ActorKind::operator_, "operator"},
}};

using K = ActorKind;
using D = Decision;

// Each row lists only who is allowed; every other kind is denied.
struct Spec {
  const char* command;
  Target target;
  std::vector<std::pair<ActorKind, Decision>> allowed;
};

std::vector<AuthorizationRow> build() {
  const std::vector<std::pair<ActorKind, Decision>> parent = {{K::verified_guardian, D::allow},
                                                              {K::support_with_request, D::allow}};
  const std::vector<std::pair<ActorKind, Decision>> self = {{K::adult, D::self_only}};
  const std::vector<std::pair<ActorKind, Decision>> op = {{K::operator_, D::allow}};
  const std::vector<std::pair<ActorKind, Decision>> admin = {{K::operator_, D::allow},
                                                             {K::verified_guardian, D::allow},
                                                             {K::support_with_request, D::allow}};
  const std::vector<std::pair<ActorKind, Decision>> sys = {{K::system, D::allow}};
  std::vector<Spec> specs = {
      {"createHousehold", Target::household, op},
      {"setRetentionPolicy", Target::household, op},
      {"setPrivacyNotice", Target::household, op},
      {"addGuardian", Target::household, admin},
      {"addDevice", Target::household, {{K::operator_, D::allow}, {K::verified_guardian, D::allow},
                                        {K::support_with_request, D::allow}, {K::adult, D::allow}}},
      {"addProfile", Target::child, parent},
      {"addProfile", Target::adult, admin},
      {"addRecording", Target::child, sys},
      {"addRecording", Target::adult, sys},
      {"sweep", Target::household, sys},
      {"sweepProfiles", Target::household, sys},
  };
  // Commands on one profile: a child's belong to a verified parent (or
  // support acting on one's request); an adult's to the adult alone.
  for (const char* command : {"setRetention", "setVoiceDeletion", "deleteRecordings", "previewDeletion",
                              "exportProfileData", "renameProfile", "removeProfile"}) {
    specs.push_back({command, Target::child, parent});
    specs.push_back({command, Target::adult, self});
  }
  for (const char* command : {"requestConsent", "recordConsent", "cancelConsent", "revokeConsent",
                              "setDisclosureConsent", "enableProfile", "keepProfile",
                              "resolveAgeReview"})
    specs.push_back({command, Target::child, parent});
  // R-DEL-2: a voice request is the speaker's own.
  specs.push_back({"voiceRequest", Target::child, {{K::child, D::self_only}}});
  specs.push_back({"voiceRequest", Target::adult, self});

  std::vector<AuthorizationRow> rows;
  for (auto& spec : specs) {
    AuthorizationRow row{spec.command, spec.target, {}};
    for (const auto& entry : kKinds) {
      const ActorKind kind = entry.first;
      auto it = std::find_if(spec.allowed.begin(), spec.allowed.end(),
                             [&](const auto& a) { return a.first == kind; });
      row.decisions.emplace_back(kind, it == spec.allowed.end() ? D::deny : it->second);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::string_view to_string(ActorKind kind) { return detail::name_of(kKinds, kind); }

const std::vector<ActorKind>& all_actor_kinds() {
  static const std::vector<ActorKind> kinds = [] {
    std::vector<ActorKind> out;
    for (const auto& [k, n] : kKinds) out.push_back(k);
    return out;
  }();
  return kinds;
}

std::string_view to_string(Target target) {
  switch (target) {
    case Target::household: return "household";
    case Target::child: return "child";
    case Target::adult: return "adult";
  }
  return "";
}

const std::vector<AuthorizationRow>& authorization_table() {
  static const std::vector<AuthorizationRow> rows = build();
  return rows;
}

bool authorize(std::string_view command, Target target, ActorKind kind, std::string_view actor_id,
               std::string_view target_profile_id) {
  for (const auto& row : authorization_table()) {
    if (row.command != command || row.target != target) continue;
    for (const auto& [k, decision] : row.decisions) {
      if (k != kind) continue;
      if (decision == Decision::allow) return true;
      if (decision == Decision::self_only) return actor_id == target_profile_id;
      return false;
    }
  }
  return false;  // not in the table: nobody
}

}  // namespace privacy
