// Replays the shared scenarios in tests/vectors: the native build must give
// the recorded answers byte for byte (the JS suite checks the wasm build
// against the same files).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "privacy/engine.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

TEST_CASE("shared vectors replay byte for byte") {  // covers R-RET-1..6, R-DEL-1..6 (see each file's "covers")
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(PRIVACY_VECTORS_DIR))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  std::size_t steps = 0;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    json vector = json::parse(text.str());
    REQUIRE(vector.at("covers").size() > 0);
    privacy::Engine engine;
    json import = {{"command", "importState"}, {"state", vector.at("state")}};
    REQUIRE(engine.execute(import).at("type") == "success");
    for (const auto& step : vector.at("steps")) {
      INFO(path.filename().string() << ": " << step.at("command").dump().substr(0, 200));
      CHECK(engine.execute_json(step.at("command").dump()) == step.at("expected").dump());
      ++steps;
    }
  }
  CHECK(steps >= 60);
}
