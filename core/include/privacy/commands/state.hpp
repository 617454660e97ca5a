#pragma once
// Command specs: the audit log (R-INT-3), export and import (R-INT-1, R-INT-2).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "privacy/access.hpp"
#include "privacy/views.hpp"

namespace privacy {
struct Ctx;
}  // namespace privacy

namespace privacy::cmd {

struct AuditLog {
  static constexpr CommandInfo info{
      .name = "auditLog",
      .summary = "The audit log, a page at a time.",
      .access = access::custodians,
      .needs_now = false};
  std::optional<std::int64_t> offset;
  std::optional<std::int64_t> limit;
  using Output = AuditPage;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("offset", &AuditLog::offset, schema::Int{0, kMaxCount}, "default 0");
    v("limit", &AuditLog::limit, schema::Int{1, 10'000}, "default 1000");
  }
};

struct VerifyAuditLog {
  static constexpr CommandInfo info{
      .name = "verifyAuditLog",
      .summary = "Checks the chain, the order of time and the state digest; with an anchored head, a cut too (R-INT-3).",
      .access = access::custodians,
      .needs_now = false};
  std::optional<AuditHead> expected_head;
  using Output = AuditCheck;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("expectedHead", &VerifyAuditLog::expected_head, schema::Object<AuditHead>{},
      "a head kept elsewhere (overview's auditHead)");
  }
};

struct ExportState {
  static constexpr CommandInfo info{
      .name = "exportState",
      .summary = "The whole state, versioned; it imports back byte for byte (R-INT-1).",
      .access = access::custodians,
      .needs_now = false};
  // The state itself, not a copy; valid until the next command.
  using Output = std::reference_wrapper<const HouseholdState>;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V&) {}
};

// What an import reads (the state's own text is read separately, so that a
// large household need not be held twice).
struct ImportScope {
  std::optional<AuditHead> expected_head;
  template <class V> static void fields(V& v) {
    v("expectedHead", &ImportScope::expected_head, schema::Object<AuditHead>{},
      "R-INT-3: refuse a state whose log does not hold this entry");
  }
};

struct ImportState : ImportScope {
  static constexpr CommandInfo info{
      .name = "importState",
      .summary = "Loads or restores a state: verified first (R-INT-1, R-INT-3); into the same household, every deletion it holds stays (R-INT-2).",
      .subject = Subject::incoming_state,
      .access = access::custodians,
      .changes = true,
      .deletes = true,
      .audits = actions({AuditAction::state_imported, AuditAction::state_restored, AuditAction::state_migrated}),
      .needs_household = false};
  std::string_view state;  // JSON text, read and verified as a whole
  using Output = ImportAnswer;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("state", &ImportState::state, schema::Embedded<HouseholdState>{}, "as exportState gave it (schema 1, 2 or 3)");
    ImportScope::fields(v);
  }
};

struct PreviewImport : ImportScope {
  static constexpr CommandInfo info{
      .name = "previewImport",
      .summary = "What importState would do with a state, without doing it (R-INT-2).",
      .subject = Subject::incoming_state,
      .access = access::custodians,
      .needs_household = false};
  std::string_view state;
  using Output = ImportAnswer;
  Result<Output> apply(Ctx& ctx) const;
  template <class V> static void fields(V& v) {
    v("state", &PreviewImport::state, schema::Embedded<HouseholdState>{});
    ImportScope::fields(v);
  }
};

}  // namespace privacy::cmd
