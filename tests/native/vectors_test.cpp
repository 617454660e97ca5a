// Replays the shared scenarios in tests/vectors: the native build must give
// the recorded answers byte for byte (the JS suite checks the wasm build
// against the same files). Answers are written with keys in the order of each
// type's fields, so the files are read keeping their key order and the raw
// text is compared.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "privacy/engine.hpp"

namespace fs = std::filesystem;
using ordered = nlohmann::ordered_json;

TEST_CASE("shared vectors replay byte for byte") {  // covers R-RET-1..6, R-DEL-1..6, R-INT-1..5 (see each file's "covers")
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(PRIVACY_VECTORS_DIR))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 18);
  std::size_t steps = 0;
  std::set<std::string> covered;
  std::set<int> schemas;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    ordered vector = ordered::parse(text.str());
    CAPTURE(path.filename().string());
    REQUIRE(vector.at("covers").size() > 0);
    for (const auto& id : vector["covers"]) covered.insert(id.get<std::string>());
    privacy::Engine engine;
    const ordered& state = vector.at("state");
    schemas.insert(state.at("schemaVersion").get<int>());
    ordered import = {{"command", "importState"}, {"actor", vector.at("import").at("actor")},
                      {"now", vector.at("import").at("now")}};
    const std::string answer = engine.execute_json(import.dump(), state.dump());
    INFO("import: " << answer.substr(0, 300));
    REQUIRE(answer.rfind(R"({"type":"success")", 0) == 0);
    // A schema 3 state loads as it is: its export is the same text.
    if (state["schemaVersion"] == 3) CHECK(engine.household().export_json() == state.dump());
    for (const auto& step : vector.at("steps")) {
      const std::string command = step.at("command").dump();
      INFO(path.filename().string() << ": " << command.substr(0, 200));
      CHECK(engine.execute_json(command) == step.at("expected").dump());
      ++steps;
    }
  }
  CHECK(steps >= 150);
  // Migration from each older schema is a shared vector.
  CHECK(schemas == std::set<int>{1, 2, 3});
  for (const char* id : {"R-RET-1", "R-RET-2", "R-RET-3", "R-RET-4", "R-RET-5", "R-RET-6", "R-DEL-1", "R-DEL-2",
                         "R-DEL-3", "R-DEL-4", "R-DEL-5", "R-DEL-6", "R-CON-1", "R-CON-6", "R-PRO-3", "R-INT-1",
                         "R-INT-2", "R-INT-3", "R-INT-4", "R-INT-5"}) {
    CAPTURE(id);
    CHECK(covered.count(id));
  }
}
