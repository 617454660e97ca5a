// The commands described from their specs: the authorization table
// (R-CON-6, R-INT-5) and describeCommands (JSON Schemas of every input and
// answer), from which scripts/generate.mjs writes the package's types and
// methods and the README's reference.
#include "../household/context.hpp"
#include "../json/describe.hpp"
#include "privacy/ads.hpp"
#include "privacy/engine.hpp"

namespace privacy {

namespace {

std::vector<ActorKind> kinds_in(std::uint32_t bits) {
  std::vector<ActorKind> out;
  for (const auto& [kind, name] : Words<ActorKind>::table)
    if (bits & bit(kind)) out.push_back(kind);
  return out;
}

template <class C>
void access_rows(std::vector<AccessRow>& rows) {
  constexpr const CommandInfo& info = C::info;
  if (info.subject == Subject::none) return;
  for (const auto& [target, name] : Words<Target>::table) {
    if (!info.access.applies(target)) continue;
    const Rule& rule = info.access.rule(target);
    rows.push_back({std::string(info.name), target, kinds_in(rule.allow), kinds_in(rule.self)});
  }
}

template <class... C>
std::vector<AccessRow> all_rows(CommandList<C...>) {
  std::vector<AccessRow> rows;
  (access_rows<C>(rows), ...);
  return rows;
}

json::Schema audits_of(std::uint64_t bits) {
  json::Schema out = json::Schema::array();
  for (const auto& [action, name] : Words<AuditAction>::table)
    if (bits >> static_cast<unsigned>(action) & 1u) out.push_back(std::string(name));
  return out;
}

// A command's input: the fields every command shares, then its own.
template <class C>
json::Schema input_schema(json::Schemas& s) {
  constexpr const CommandInfo& info = C::info;
  s.input = true;
  json::Schema schema = json::object_schema<C>(s);
  json::Schema& props = schema["properties"];
  json::Schema shared = json::Schema::object();
  shared["command"] = {{"const", std::string(info.name)}};
  if (info.subject != Subject::none) {
    shared["actor"] = {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxIdBytes},
                       {"description", "who acts (R-INT-5): a guardian or profile id, operator, system, device:<id>, support:<agent>"}};
    shared["onBehalfOf"] = {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxIdBytes},
                            {"description", "a support agent's verified guardian"}};
  }
  if (info.needs_now) shared["now"] = json::kind_schema(s, schema::At{});
  for (auto& [key, value] : props.items()) shared[key] = value;
  props = shared;
  json::Schema required = {"command"};
  if (info.subject != Subject::none && info.subject != Subject::optional_profile) required.push_back("actor");
  if (info.needs_now) required.push_back("now");
  for (const auto& r : schema["required"]) required.push_back(r);
  schema["required"] = required;
  if (info.subject == Subject::optional_profile) schema["dependentRequired"] = {{"profileId", {"actor"}}};
  return schema;
}

template <class C>
json::Schema output_schema(json::Schemas& s) {
  s.input = false;
  if constexpr (requires { C::output_schema(); }) {
    // A schema written beside its encoder (the signals', the disclosure's): named in $defs too.
    json::Schema schema = C::output_schema();
    schema.erase("$schema");
    s.defs[C::answer_type] = std::move(schema);
    return json::Schema{{"$ref", std::string("#/$defs/") + C::answer_type}};
  }
  else return json::output_schema_of<typename C::Output>(s);
}

template <class C>
json::Schema describe(json::Schemas& s) {
  constexpr const CommandInfo& info = C::info;
  std::vector<AccessRow> rows;
  access_rows<C>(rows);
  json::Schema access = json::Schema::array();
  for (const auto& r : rows) access.push_back(json::Schema::parse(json::to_text(r)));
  return {{"name", std::string(info.name)},
          {"summary", std::string(info.summary)},
          {"changes", info.changes},
          {"deletes", info.deletes},
          {"audits", audits_of(info.audits)},
          {"actor", info.subject == Subject::none            ? "none"
                    : info.subject == Subject::optional_profile ? "with profileId"
                                                                 : "required"},
          {"access", access},
          {"input", input_schema<C>(s)},
          {"output", output_schema<C>(s)}};
}

template <class... C>
json::Schema describe_all(CommandList<C...>) {
  json::Schemas s;
  json::Schema commands = json::Schema::array();
  (commands.push_back(describe<C>(s)), ...);
  // The closed sets every answer may carry, for the generated types.
  s.input = false;
  json::kind_schema(s, schema::Choice<AuditAction>{});
  json::kind_schema(s, schema::Choice<UseVerdict>{});
  json::kind_schema(s, schema::Choice<Reason>{});
  json::kind_schema(s, schema::Choice<AdLevel>{});
  json::kind_schema(s, schema::Choice<AgeTreatment>{});
  json::kind_schema(s, schema::Choice<AgeBand>{});
  json::kind_schema(s, schema::Choice<AgeSource>{});
  json::kind_schema(s, schema::Choice<StripAction>{});
  // What a COPPA request must not carry (R-SIG-4), for the package's direct decision.
  json::Schema strip = json::Schema::array();
  for (const auto& f : kCoppaStrip) strip.push_back({{"field", std::string(f.field)}, {"action", std::string(word(f.action))}});
  json::Schema codes = json::Schema::array();
  for (const char* c : kErrorCodes) codes.push_back(c);
  s.defs["ErrorCode"] = {{"type", "string"}, {"enum", codes}};
  return {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
          {"schemaVersion", kSchemaVersion},
          {"commands", commands},
          {"constants", {{"coppaStrip", strip}}},
          {"$defs", s.defs}};
}

}  // namespace

std::string describe_commands_json() {
  static const std::string text = describe_all(AllCommands{}).dump(-1, ' ', false, json::Schema::error_handler_t::replace);
  return text;
}

Result<AccessTable> cmd::AuthorizationTable::apply(Ctx&) const {
  AccessTable out;
  for (const auto& [kind, name] : Words<ActorKind>::table) out.actor_kinds.push_back(kind);
  out.rows = all_rows(AllCommands{});
  return out;
}

Result<RawJson> cmd::DescribeCommands::apply(Ctx&) const { return RawJson{describe_commands_json()}; }

nlohmann::json cmd::DescribeCommands::output_schema() {
  return {{"type", "object"}, {"description", "this document"}};
}

nlohmann::json cmd::PrivacyDisclosure::output_schema() {
  return {{"type", "object"},
          {"properties", {{"disclosure", {{"type", "object"}}}, {"html", {{"type", "string"}}}}},
          {"required", {"disclosure", "html"}},
          {"additionalProperties", false}};
}


}  // namespace privacy
