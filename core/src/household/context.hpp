#pragma once
// What a command's implementation gets: the household, the resolved actor,
// `now`, and the effects it reports. Each command's apply() (declared in its
// spec, defined in the file of its domain) is called by run() in run.cpp
// after the checks every command shares.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "impl.hpp"

namespace privacy {

struct Ctx {
  Household::Impl& h;
  Acting actor;
  Instant now = 0;
  Effects& effects;
  const Actor& asked;  // as the call named them, before resolving

  // Appends an audit entry that commits to the state as it is now (R-INT-3).
  void log(AuditAction action, nlohmann::json details);
  void deleted(const std::vector<std::string>& recording_ids) {
    effects.deleted_recording_ids.insert(effects.deleted_recording_ids.end(), recording_ids.begin(),
                                         recording_ids.end());
  }
};

// The command's own input error at `path`.
inline Error input_error(std::string path, std::string message) {
  return {code::invalid_input, std::move(path), std::move(message)};
}

// Whether `a` may act on `target` (the profile `target_id` for profile
// targets) by `access` (R-CON-6, R-INT-5).
bool allowed(const Access& access, Target target, const Acting& a, std::string_view target_id);
Target target_of(const Profile& p);
Error forbidden(std::string_view command, Target target, const Acting& a);

// The audit entry's hash: SHA-256 of its canonical JSON without `hash`
// (entries from schema 1 and 2 keep the formula they were written with).
std::string entry_hash(const AuditEntry& entry);
inline const std::string kGenesisHash(64, '0');


}  // namespace privacy
