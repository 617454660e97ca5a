#pragma once
// The Household: one household's state and every command on it, typed. The
// JSON facade (engine.hpp) is a generic layer over this; C++ backends can
// call it directly:
//
//   privacy::Household h;
//   auto receipt = h.run(privacy::Call<privacy::cmd::DeleteRecordings>{
//       {"g1"}, now, {{.profile_id = "c1", .kind = privacy::RequestKind::all}, "req-1"}});
//
// run() checks the actor against the command's row of the authorization
// table, refuses a `now` before the audit log's last entry, applies the
// command or changes nothing, and writes the audit log. Every state it can
// reach passes check() and exports and imports back byte for byte (R-INT-1).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "privacy/commands.hpp"
#include "privacy/errors.hpp"

namespace privacy {

// Who acts (R-INT-5): a guardian or profile id, "operator", "system",
// "device:<id>" (intake from that device) or "support:<agent>" with the
// verified guardian whose request it carries in `on_behalf_of`.
struct Actor {
  std::string id;
  std::optional<std::string> on_behalf_of;
};

template <class C>
struct Call {
  Actor actor;
  Instant now = 0;
  C input;
};

// What a command did besides its answer.
struct Effects {
  bool changed = false;
  std::vector<std::string> deleted_recording_ids;
};

class Household {
 public:
  Household();
  ~Household();
  Household(Household&&) noexcept;
  Household& operator=(Household&&) noexcept;
  Household(const Household&) = delete;
  Household& operator=(const Household&) = delete;

  template <class C>
  Result<typename C::Output> run(const Call<C>& call, Effects* effects = nullptr);

  bool exists() const;
  const HouseholdState& state() const;
  // The state as exportState writes it, and its digest (R-INT-3).
  std::string export_json() const;
  std::string state_digest() const;
  // The invariants (R-INT-1), written once: what every command keeps and
  // every import must show.
  Errors check() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace privacy
