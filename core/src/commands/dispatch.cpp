// The JSON facade: one generic reader and writer for every command of
// AllCommands, over Household::run(). A command's fields, limits and words
// come from its spec; nothing here names a command.
#include <array>
#include <cstdlib>
#include <exception>

#include "../household/run.hpp"
#include "../json/codec.hpp"
#include "../utf8.hpp"
#include "privacy/engine.hpp"

namespace privacy {

namespace {

void append_errors(std::string& out, const Errors& errors) {
  out += '[';
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i) out += ',';
    out += "{\"code\":";
    json::append_quoted(out, errors[i].code);
    out += ",\"path\":";
    json::append_quoted(out, errors[i].path);
    out += ",\"message\":";
    json::append_quoted(out, errors[i].message);
    out += '}';
  }
  out += ']';
}

std::string failure_text(const Errors& errors) {
  std::string out = "{\"type\":\"failure\",\"errors\":";
  append_errors(out, errors);
  out += '}';
  return out;
}

template <class Out>
std::string success_text(const Out& result, const Effects& fx) {
  std::string out = "{\"type\":\"success\",\"result\":";
  if constexpr (json::is_reference_wrapper<Out>::value) json::write_value(out, result.get());
  else json::write_value(out, result);
  out += ",\"effects\":{\"changed\":";
  json::write_value(out, fx.changed);
  out += ",\"deletedRecordingIds\":";
  json::write_value(out, fx.deleted_recording_ids);
  out += "}}";
  return out;
}

// The keys every command shares (command, actor, onBehalfOf, now), read by
// one function rather than once per command. False for the command's own keys.
struct SharedKeys {
  bool command = false, actor = false, behalf = false, now = false;
};

bool read_shared(json::Pull& p, const CommandInfo& info, const std::string& key, Actor& actor, Instant& now,
                 SharedKeys& seen) {
  const bool acts = info.subject != Subject::none;
  bool* flag = key == "command"                 ? &seen.command
               : acts && key == "actor"         ? &seen.actor
               : acts && key == "onBehalfOf"    ? &seen.behalf
               : info.needs_now && key == "now" ? &seen.now
                                                : nullptr;
  if (!flag) return false;
  if (*flag) {
    p.fail(code::invalid_input, "appears twice in this object");
    p.skip();
    return true;
  }
  *flag = true;
  if (flag == &seen.command) {
    p.skip();
  } else if (flag == &seen.actor) {
    if (auto id = p.string("an id")) actor.id = std::move(*id);
  } else if (flag == &seen.behalf) {
    json::read_value(p, actor.on_behalf_of, schema::Id{});
  } else {
    json::read_value(p, now, schema::At{});
  }
  return true;
}

// Reads {command, actor, onBehalfOf, now, ...the command's fields} into a Call.
template <class C>
void read_call(json::Pull& p, Call<C>& call, std::string_view state) {
  constexpr const CommandInfo& info = C::info;
  SharedKeys shared;
  json::Seen seen = 0;
  if (!p.enter_object()) return;
  while (p.next_key()) {
    const std::string& key = p.key();
    if (read_shared(p, info, key, call.actor, call.now, shared)) continue;
    if (!json::read_field(p, call.input, key, seen)) {
      p.fail(code::invalid_input, "is not a known field");
      p.skip();
    }
  }
  if (!p.ok()) return;
  if constexpr (requires { call.input.state; }) {
    // The state beside the command (execute_json with two texts): read by
    // the import itself, in one pass.
    if (!state.empty()) {
      if (json::mark_field<C>("state", seen)) call.input.state = state;
      else p.fail_at("state", code::invalid_input, "is given twice: in the command and beside it");
    }
  }
  if (info.needs_now && !shared.now) p.fail_at("now", code::invalid_input, "is required: the core never reads a clock");
  json::check_fields(p, call.input, seen);
}

template <class C>
std::string handle(Household& household, std::string_view text, std::string_view state) {
  Errors errors;
  Call<C> call;
  {
    json::Pull p(text, errors);
    read_call(p, call, state);
    p.finish();
  }
  Effects fx;
  if constexpr (requires { C::closed(Errors{}); }) {
    // Fails closed: any problem is the most protective answer, never a failure.
    if (!errors.empty()) return success_text(C::closed(std::move(errors)), fx);
    auto out = household.run(call, &fx);
    return out ? success_text(*out, fx) : success_text(C::closed(out.errors()), fx);
  } else {
    if (!errors.empty()) return failure_text(errors);
    auto out = household.run(call, &fx);
    return out ? success_text(*out, fx) : failure_text(out.errors());
  }
}

using Handler = std::string (*)(Household&, std::string_view, std::string_view);
struct Entry {
  std::string_view name;
  Handler handler;
  bool takes_state;
};

template <class C>
constexpr bool takes_state() {
  return requires(C c) { c.state; };
}

template <class... C>
constexpr auto make_table(CommandList<C...>) {
  return std::array<Entry, sizeof...(C)>{Entry{C::info.name, &handle<C>, takes_state<C>()}...};
}
constexpr auto kTable = make_table(AllCommands{});

// The command's name: the value of the object's "command" key (the package
// writes it first, so this usually reads one key).
std::optional<std::string> command_name(std::string_view text, Errors& errors) {
  json::Pull p(text, errors);
  if (!p.enter_object()) return std::nullopt;
  while (p.next_key()) {
    if (p.key() == "command") return p.string("a command's name");
    p.skip();
  }
  p.finish();
  if (errors.empty()) errors.push_back({code::invalid_input, "command", "is required: the command's name"});
  return std::nullopt;
}

std::string too_large(const char* what, std::size_t limit) {
  return failure_text({{code::too_large, "", std::string(what) + " is larger than " + std::to_string(limit >> 20) + " MiB"}});
}

}  // namespace

std::string Engine::execute_json(std::string_view text) { return execute_json(text, {}); }

Engine::Text Engine::export_state(std::string_view text) {
  try {
    Errors errors;
    Call<cmd::ExportState> call;
    {
      json::Pull p(text, errors);
      read_call(p, call, {});
      p.finish();
    }
    if (errors.empty()) {
      auto name = command_name(text, errors);
      if (name && *name != cmd::ExportState::info.name)
        errors.push_back({code::invalid_input, "command", "must be " + std::string(cmd::ExportState::info.name)});
    }
    if (!errors.empty()) return {false, failure_text(errors)};
    auto out = household_.run(call);
    if (!out) return {false, failure_text(out.errors())};
    return {true, json::to_text(out->get())};
  } catch (...) {
#ifdef PRIVACY_ABORT_ON_EXCEPTION
    std::abort();
#endif
    return {false, failure_text({{code::internal, "", "internal error"}})};
  }
}

nlohmann::json Engine::execute(const nlohmann::json& command) {
  std::string answer = execute_json(command.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return nlohmann::json::parse(answer, nullptr, /*allow_exceptions=*/false);
}

std::string Engine::execute_json(std::string_view text, std::string_view state) {
  try {
    if (text.size() > kMaxStateBytes) return too_large("the command", kMaxStateBytes);
    if (state.size() > kMaxStateBytes) return too_large("the state", kMaxStateBytes);
    Errors errors;
    auto name = command_name(text, errors);
    if (!name) return failure_text(errors);
    for (const Entry& e : kTable) {
      if (e.name != *name) continue;
      if (!e.takes_state && !state.empty())
        return failure_text({{code::invalid_input, "state", "only importState and previewImport take a state"}});
      if (!e.takes_state && text.size() > kMaxCommandBytes) return too_large("the command", kMaxCommandBytes);
      return e.handler(household_, text, state);
    }
    return failure_text({{code::not_found, "command", "unknown command '" + detail::utf8_prefix(*name, 64) + "'"}});
  } catch (const std::exception& ex) {
    // The last line of defence natively (allocation failure): an answer, never
    // a throw. The wasm build has no exceptions, so under the fuzzers one is a crash.
#ifdef PRIVACY_ABORT_ON_EXCEPTION
    std::abort();
#endif
    return failure_text({{code::internal, "", std::string("internal error: ") + ex.what()}});
  } catch (...) {
#ifdef PRIVACY_ABORT_ON_EXCEPTION
    std::abort();
#endif
    return failure_text({{code::internal, "", "internal error"}});
  }
}

}  // namespace privacy
