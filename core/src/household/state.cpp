// The audit log's queries and the state's export (R-INT-1, R-INT-3).
#include "audit.hpp"
#include "context.hpp"

namespace privacy {

Result<AuditPage> cmd::AuditLog::apply(Ctx& ctx) const {
  const auto& entries = ctx.h.s.audit_log;
  AuditPage out;
  out.total = static_cast<std::int64_t>(entries.size());
  const std::size_t first = static_cast<std::size_t>(offset.value_or(0));
  const std::size_t count = static_cast<std::size_t>(limit.value_or(1000));
  for (std::size_t i = first; i < entries.size() && out.entries.size() < count; ++i) out.entries.push_back(entries[i]);
  return out;
}

Result<AuditCheck> cmd::VerifyAuditLog::apply(Ctx& ctx) const {
  const auto& log = ctx.h.s.audit_log;
  AuditCheck out;
  out.entries = static_cast<std::int64_t>(log.size());
  out.head_hash = log.empty() ? kGenesisHash : log.back().hash;
  out.first_invalid = audit_problem(log, ctx.h.digest(), expected_head);
  out.intact = !out.first_invalid;
  return out;
}

Result<std::reference_wrapper<const HouseholdState>> cmd::ExportState::apply(Ctx& ctx) const {
  return std::cref(ctx.h.s);
}

}  // namespace privacy
