// embind glue, kept thin: one class whose methods take a JSON command and
// return the engine's JSON answer. Plain text crosses the boundary, so
// nothing but the engine itself needs .delete(), and no C++ exception can
// cross it (the engine answers every input and the wasm build has none).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "privacy/engine.hpp"

namespace {

class EngineHandle {
 public:
  std::string execute(const std::string& command) { return engine_.execute_json(command); }

  // An import's state arrives in pieces (index.mjs), then runs with its command.
  void clear_state() { std::string().swap(state_); }
  void append_state(const std::string& piece) { state_ += piece; }
  std::string run_with_state(const std::string& command) {
    std::string answer = engine_.execute_json(command, state_);
    clear_state();
    return answer;
  }

  // {ok, text}: the state's own JSON, or the failure's answer.
  emscripten::val export_state(const std::string& command) {
    auto out = engine_.export_state(command);
    emscripten::val result = emscripten::val::object();
    result.set("ok", out.ok);
    result.set("text", out.text);
    return result;
  }

 private:
  privacy::Engine engine_;
  std::string state_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(family_privacy) {
  emscripten::class_<EngineHandle>("Engine")
      .constructor<>()
      .function("execute", &EngineHandle::execute)
      .function("clearState", &EngineHandle::clear_state)
      .function("appendState", &EngineHandle::append_state)
      .function("runWithState", &EngineHandle::run_with_state)
      .function("exportState", &EngineHandle::export_state);
}
