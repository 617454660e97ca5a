// A backend's view of the engine: JSON commands in, tagged JSON answers out,
// through privacy::Engine::execute_json (the same commands the npm package
// sends). One household: a verified parent, a device, a child with verifiable
// parental consent, one recording, and the parent deleting it. Prints the
// deletion receipt; on any failure prints the engine's errors and exits 1.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>
#include <privacy/engine.hpp>

namespace {

// Runs one command; a failure answer is {"type":"failure","errors":[{code,path,message}]}.
bool run(privacy::Engine& engine, const std::string& command, nlohmann::json& result) {
  const nlohmann::json answer = nlohmann::json::parse(engine.execute_json(command), nullptr, false);
  if (answer.is_object() && answer.value("type", "") == "success" && answer.contains("result")) {
    result = answer["result"];
    return true;
  }
  std::fprintf(stderr, "command failed: %s\nanswer: %s\n", command.c_str(), answer.dump().c_str());
  return false;
}

}  // namespace

int main() {
  privacy::Engine engine;
  // The core reads no clock: every command says when it happens.
  const char* commands[] = {
      R"({"command": "createHousehold", "actor": "operator", "now": "2026-11-29T12:00:00Z",
          "id": "h1", "name": "The Riveras",
          "retentionPolicy": {"justSaidWindowMinutes": 10, "categories": [
            {"category": "audio", "childMaxMonths": 18, "adultMaxMonths": null,
             "purpose": "answering requests", "businessNeed": "improving answers"},
            {"category": "transcript", "childMaxMonths": 18, "adultMaxMonths": null,
             "purpose": "answering requests", "businessNeed": "improving answers"},
            {"category": "derived", "childMaxMonths": 18, "adultMaxMonths": null,
             "purpose": "answering requests", "businessNeed": "improving answers"}]}})",
      R"({"command": "addGuardian", "actor": "operator", "now": "2026-11-29T12:00:00Z",
          "guardian": {"id": "g1", "name": "Ana", "verified": true}})",
      R"({"command": "addDevice", "actor": "g1", "now": "2026-11-29T12:00:00Z",
          "device": {"id": "d1", "name": "Kitchen speaker"}})",
      R"({"command": "addProfile", "actor": "g1", "now": "2026-11-29T12:00:00Z",
          "profile": {"id": "c1", "name": "Maya", "kind": "child"}})",
      R"({"command": "requestConsent", "actor": "g1", "now": "2026-11-29T12:00:00Z",
          "profileId": "c1", "method": "signed_form"})",
      R"({"command": "recordConsent", "actor": "g1", "now": "2026-11-29T12:01:00Z",
          "profileId": "c1", "method": "signed_form", "reference": "form-2291", "verifiedBy": "Acme Verify"})",
      R"({"command": "addRecording", "actor": "system", "now": "2026-11-29T12:05:00Z",
          "recording": {"id": "r1", "profileId": "c1", "deviceId": "d1", "capturedAt": "2026-11-29T12:04:30Z",
                        "audio": {"ref": "blob/r1", "durationMs": 1800}, "transcript": "play some music",
                        "derived": [{"id": "r1-intent", "kind": "intent"}]}})",
  };
  nlohmann::json result;
  for (const char* command : commands) {
    if (!run(engine, command, result)) return 1;
  }
  if (!run(engine, R"({"command": "deleteRecordings", "actor": "g1", "now": "2026-11-29T12:10:00Z",
                       "requestId": "req-1", "profileId": "c1", "kind": "ids", "ids": ["r1"]})", result)) {
    return 1;
  }
  std::printf("%s\n", result.dump(2).c_str());
  return 0;
}
