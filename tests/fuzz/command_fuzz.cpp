// libFuzzer target: the engine's JSON entry point. Whatever the text, an
// answer comes back tagged success or failure and nothing throws; the input
// runs against a fresh engine and then a household, so commands that need
// state are reached too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "privacy/engine.hpp"

namespace {

privacy::Engine household() {
  privacy::Engine e;
  const char* setup[] = {
      R"({"command":"createHousehold","actor":"operator","now":0,"id":"h1","name":"H","retentionPolicy":{"categories":[{"category":"audio","childMaxMonths":18,"adultMaxMonths":null,"purpose":"p","businessNeed":"b"},{"category":"transcript","childMaxMonths":18,"adultMaxMonths":null,"purpose":"p","businessNeed":"b"},{"category":"derived","childMaxMonths":18,"adultMaxMonths":null,"purpose":"p","businessNeed":"b"}],"justSaidWindowMinutes":10}})",
      R"({"command":"addGuardian","actor":"operator","now":0,"guardian":{"id":"g1","name":"G","verified":true}})",
      R"({"command":"addProfile","actor":"g1","now":0,"profile":{"id":"c1","name":"C","kind":"child"}})",
      R"({"command":"addProfile","actor":"g1","now":0,"profile":{"id":"a1","name":"A","kind":"adult"}})",
      R"({"command":"addDevice","actor":"g1","now":0,"device":{"id":"d1","name":"D"}})",
      R"({"command":"requestConsent","actor":"g1","now":0,"profileId":"c1","method":"signed_form"})",
      R"({"command":"recordConsent","actor":"g1","now":0,"profileId":"c1","method":"signed_form","reference":"r","verifiedBy":"v"})",
      R"({"command":"addRecording","actor":"system","now":0,"recording":{"id":"r1","profileId":"c1","deviceId":"d1","capturedAt":0}})",
  };
  for (const char* command : setup) e.execute_json(command);
  return e;
}

void check(const std::string& answer) {
  if (answer.rfind("{\"type\":\"failure\",\"errors\":", 0) != 0 && answer.rfind("{\"type\":\"success\",\"result\":", 0) != 0)
    __builtin_trap();
  // decideAds never fails (it fails closed), and never allows a sale.
  if (answer.find("\"saleAllowed\":true") != std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  privacy::Engine fresh;
  check(fresh.execute_json(text));
  // The checked core aborts if any command breaks an invariant (R-INT-1).
  privacy::Engine with_household = household();
  check(with_household.execute_json(text));
  return 0;
}
