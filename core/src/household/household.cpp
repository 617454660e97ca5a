// The Household's shared pieces: construction, the access check, the audit
// log's append and entry hash.
#include <nlohmann/json.hpp>

#include "../json/codec.hpp"
#include "../sha256.hpp"
#include "context.hpp"

namespace privacy {

Household::Household() : impl_(std::make_unique<Impl>()) {}
Household::~Household() = default;
Household::Household(Household&&) noexcept = default;
Household& Household::operator=(Household&&) noexcept = default;

bool Household::exists() const { return impl_->exists; }
const HouseholdState& Household::state() const { return impl_->s; }
std::string Household::export_json() const { return json::to_text(impl_->s); }
std::string Household::state_digest() const { return impl_->digest(); }

Target target_of(const Profile& p) {
  switch (p.kind) {
    case ProfileKind::child: return Target::child;
    case ProfileKind::teen: return Target::teen;
    case ProfileKind::adult: break;
  }
  return Target::adult;
}

bool allowed(const Access& access, Target target, const Acting& a, std::string_view target_id) {
  if (!access.applies(target)) return false;
  const Rule& rule = access.rule(target);
  const std::uint32_t b = bit(a.kind);
  if (rule.allow & b) return true;
  return (rule.self & b) && a.id == target_id;
}

Error forbidden(std::string_view command, Target target, const Acting& a) {
  std::string on = target == Target::household ? std::string(" in this household")
                                               : (target == Target::adult ? " for an " : " for a ") +
                                                     std::string(word(target)) + " profile";
  return Error{code::forbidden, "actor",
               "'" + a.id + "' (" + std::string(word(a.kind)) + ") may not " + std::string(command) + on +
                   " (R-CON-6, R-INT-5: see the authorization table)"};
}

namespace {
// Everything but the hash, in the order of AuditEntry::fields.
struct EntryBody {
  const AuditEntry& e;
};
}  // namespace

std::string entry_hash(const AuditEntry& e) {
  if (!e.state_digest) {
    // Schema 1 and 2 hashed nlohmann's sorted dump of these six fields.
    nlohmann::json body = {{"seq", e.seq},         {"at", e.at},
                           {"actor", e.actor},     {"action", std::string(word(e.action))},
                           {"details", e.details}, {"prevHash", e.prev_hash}};
    return sha256_hex(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  AuditEntry body = e;
  std::string text = json::to_text(body);
  // Drop the trailing ,"hash":"..."} so the hash covers every other field.
  std::size_t cut = text.rfind(",\"hash\":");
  text.resize(cut);
  text += '}';
  return sha256_hex(text);
}

void Ctx::log(AuditAction action, nlohmann::json details) {
  AuditEntry e;
  const AuditEntry* last = h.last_entry();
  e.seq = last ? last->seq + 1 : 1;
  e.at = now;
  e.actor = actor.id;
  e.on_behalf_of = actor.on_behalf_of;
  e.action = action;
  e.details = std::move(details);
  e.state_digest = h.digest();
  e.prev_hash = last ? last->hash : kGenesisHash;
  e.hash = entry_hash(e);
  h.append_audit(std::move(e));
  effects.changed = true;
}

}  // namespace privacy
