#pragma once
// Schema 1 and 2 states, brought to schema 3 (R-INT-1).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/errors.hpp"

namespace privacy {

struct Migration {
  nlohmann::json state;                // schema 3, still to be read and checked
  int from = 0;
  std::vector<std::string> repaired;   // states schema 2 reached but could not import
};

Result<Migration> migrate(nlohmann::json legacy);

}  // namespace privacy
