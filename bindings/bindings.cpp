// embind glue, kept thin: one class whose one method takes a JSON command
// and returns the engine's JSON answer. Plain text crosses the boundary, so
// nothing but the engine itself needs .delete(), and no C++ exception can
// cross it (Engine::execute_json never throws).
#include <emscripten/bind.h>

#include <string>

#include "privacy/engine.hpp"

namespace {

class EngineHandle {
 public:
  std::string execute(const std::string& command) { return engine_.execute_json(command); }

 private:
  privacy::Engine engine_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(family_privacy) {
  emscripten::class_<EngineHandle>("Engine")
      .constructor<>()
      .function("execute", &EngineHandle::execute);
}
