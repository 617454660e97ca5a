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
  };
  for (const char* command : setup) e.execute_json(command);
  return e;
}

void check(const std::string& answer) {
  if (answer.rfind("{\"errors\":", 0) != 0 && answer.rfind("{\"result\":", 0) != 0) __builtin_trap();
  // decideAds never fails (it fails closed), and never allows a sale.
  if (answer.find("\"saleAllowed\":true") != std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  privacy::Engine fresh;
  check(fresh.execute_json(text));
  static privacy::Engine with_household = household();
  privacy::Engine copy = with_household;
  check(copy.execute_json(text));
  return 0;
}
