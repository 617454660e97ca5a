// Native figures for the state's way in and out (issue 10, targets 2-4):
// intake in batches, export, import, and one deletion at a large household.
//   bench_state_native [recordings]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "privacy/engine.hpp"

namespace {

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

const char* kSetup[] = {
    R"({"command":"createHousehold","actor":"operator","now":1790000000000,"id":"h1","name":"Home","retentionPolicy":{"categories":[{"category":"audio","childMaxMonths":18,"adultMaxMonths":null,"purpose":"p","businessNeed":"b"},{"category":"transcript","childMaxMonths":18,"adultMaxMonths":null,"purpose":"p","businessNeed":"b"},{"category":"derived","childMaxMonths":18,"adultMaxMonths":null,"purpose":"p","businessNeed":"b"}]}})",
    R"({"command":"addGuardian","actor":"operator","now":1790000000000,"guardian":{"id":"g1","name":"Ana","verified":true}})",
    R"({"command":"addDevice","actor":"g1","now":1790000000000,"device":{"id":"d1","name":"Kitchen"}})",
    R"({"command":"addProfile","actor":"g1","now":1790000000000,"profile":{"id":"a1","name":"Sam","kind":"adult"}})",
};

std::string batch(int from, int count) {
  std::string out = R"({"command":"addRecordings","actor":"system","now":1790000000000,"recordings":[)";
  for (int i = from; i < from + count; ++i) {
    if (i > from) out += ',';
    std::string id = "r" + std::to_string(i);
    out += R"({"id":")" + id + R"(","profileId":"a1","deviceId":"d1","capturedAt":)" +
           std::to_string(1790000000000LL - i * 1000LL) + R"(,"audio":{"ref":"audio/)" + id +
           R"(","durationMs":1500},"transcript":"what the weather is like )" + id + R"(","derived":[{"id":")" + id +
           R"(-i","kind":"intent"}]})";
  }
  out += "]}";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int total = argc > 1 ? std::atoi(argv[1]) : 100000;
  privacy::Engine e;
  for (const char* c : kSetup) e.execute_json(c);
  double intake = 0;
  for (int from = 0; from < total; from += 10000) {
    std::string text = batch(from, std::min(10000, total - from));
    auto t = std::chrono::steady_clock::now();
    std::string answer = e.execute_json(text);
    intake += since(t);
    if (answer.rfind("{\"type\":\"success\"", 0) != 0) {
      std::printf("intake failed: %.300s\n", answer.c_str());
      return 1;
    }
  }
  auto t = std::chrono::steady_clock::now();
  auto state = e.export_state(R"({"command":"exportState","actor":"g1"})");
  double exported = since(t);
  privacy::Engine fresh;
  t = std::chrono::steady_clock::now();
  std::string answer = fresh.execute_json(R"({"command":"importState","actor":"g1","now":1790000000000})", state.text);
  double imported = since(t);
  t = std::chrono::steady_clock::now();
  std::string del = e.execute_json(
      R"({"command":"deleteRecordings","actor":"a1","now":1790000000000,"requestId":"q1","profileId":"a1","kind":"ids","ids":["r5"]})");
  double deleted = since(t);
  std::printf("recordings %d, state %.1f MB\n", total, static_cast<double>(state.text.size()) / 1e6);
  std::printf("intake  %.2f us per recording\n", intake * 1000.0 / total);
  std::printf("export  %.1f ms (%.0f MB/s)\n", exported, static_cast<double>(state.text.size()) / 1e3 / exported);
  std::printf("import  %.1f ms (%.0f MB/s) %.80s\n", imported, static_cast<double>(state.text.size()) / 1e3 / imported, answer.c_str());
  std::printf("delete  %.3f ms %.60s\n", deleted, del.c_str());
  return 0;
}
