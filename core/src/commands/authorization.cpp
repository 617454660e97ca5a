// The authorization table (R-CON-6, R-INT-5) answered from the specs, and
// describeCommands' answer (describe.cpp natively, embedded in wasm).
#include "../household/context.hpp"
#include "access_rows.hpp"
#include "privacy/engine.hpp"

namespace privacy {

Result<AccessTable> cmd::AuthorizationTable::apply(Ctx&) const {
  AccessTable out;
  for (const auto& [kind, name] : Words<ActorKind>::table) out.actor_kinds.push_back(kind);
  out.rows = all_rows(AllCommands{});
  return out;
}

Result<RawJson> cmd::DescribeCommands::apply(Ctx&) const { return RawJson{describe_commands_json()}; }

}  // namespace privacy
