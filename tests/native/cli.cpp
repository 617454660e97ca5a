// Runs JSON commands through the engine, one per line of standard input, and
// prints each answer on its own line: the native side of tests/vectors and a
// quick way to try the engine from a shell.
#include <iostream>
#include <string>

#include "privacy/engine.hpp"

int main() {
  privacy::Engine engine;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    std::cout << engine.execute_json(line) << '\n';
  }
  return 0;
}
