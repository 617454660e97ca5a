// The native side of bench/signals (issue 10, target 1). run.mjs writes the
// strings and the commands and prints the table; this program answers:
//   bench_signals_native <tc-file> <gpp-file> <commands-file> <seconds per measure>
// The commands file is the set-up (lines before the first "#"), then groups
// "#<name>" of commands: each group's answers through Engine::execute_json
// are hashed (FNV-1a over the answers, each followed by "\n"), so that
// run.mjs can check that the package answers the same bytes. Then it times
// decode_tc_string alone (issue 10: a 600-character string in at most 2 us),
// decide_ads over the C++ API, the JSON facade's decideAds, and decode_gpp.
// Prints one JSON object.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "privacy/ads.hpp"
#include "privacy/engine.hpp"
#include "privacy/signals.hpp"

namespace {

std::vector<std::string> lines(const char* path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

std::uint32_t fnv1a(std::string_view text, std::uint32_t hash = 0x811c9dc5u) {
  for (const unsigned char byte : text) {
    hash ^= byte;
    hash *= 0x01000193u;
  }
  return hash;
}

// Runs `one(i)` over the inputs round after round for at least `seconds`;
// the best ops per second of `rounds` such measures (the machine is shared).
template <class F>
double per_second(std::size_t count, double seconds, int rounds, F one) {
  using clock = std::chrono::steady_clock;
  double best = 0;
  std::size_t sink = 0;
  for (int round = 0; round < rounds; ++round) {
    std::size_t ops = 0;
    auto start = clock::now();
    double elapsed = 0;
    do {
      for (std::size_t i = 0; i < count; ++i) sink += one(i);
      ops += count;
      elapsed = std::chrono::duration<double>(clock::now() - start).count();
    } while (elapsed < seconds);
    best = std::max(best, static_cast<double>(ops) / elapsed);
  }
  if (sink == 42) std::cerr << "";  // keep the work observable
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: bench_signals_native <tc-file> <gpp-file> <commands-file> <seconds>\n";
    return 2;
  }
  const auto tc = lines(argv[1]);
  const auto gpp = lines(argv[2]);
  const auto commands = lines(argv[3]);
  const double seconds = std::stod(argv[4]);
  if (tc.empty() || gpp.empty() || commands.empty()) return 2;

  // The set-up, then each group's answers hashed.
  privacy::Engine engine;
  std::map<std::string, std::vector<std::string>> groups;
  std::string group;
  for (const auto& line : commands) {
    if (line[0] == '#') {
      group = line.substr(1);
      continue;
    }
    if (group.empty()) {
      const std::string answer = engine.execute_json(line);
      if (answer.rfind("{\"type\":\"success\"", 0) != 0) {
        std::cerr << "bench_signals_native: set-up failed: " << answer.substr(0, 500) << '\n';
        return 1;
      }
    } else {
      groups[group].push_back(line);
    }
  }
  std::string hashes;
  for (const auto& [name, list] : groups) {
    std::uint32_t hash = 0x811c9dc5u;
    for (const auto& command : list) hash = fnv1a(engine.execute_json(command) + "\n", hash);
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", hash);
    hashes += (hashes.empty() ? "" : ",") + ("\"" + name + "\":\"" + hex + "\"");
  }

  auto decide = [](privacy::AdRequest r) {
    r.age = privacy::AgeGroup::adult;
    r.context = privacy::AdContext::general;
    r.vendor_id = 755;
    r.now = 1'793'491'200'000;
    auto d = privacy::decide_ads(r);
    return static_cast<std::size_t>(d.level) + d.reasons.size();
  };
  const double tc_decide = per_second(tc.size(), seconds, 3, [&](std::size_t i) {
    privacy::AdRequest r;
    r.jurisdiction = "DE";
    r.tc_string = tc[i];
    return decide(r);
  });
  const double tc_decode = per_second(tc.size(), seconds, 5, [&](std::size_t i) {
    auto decoded = privacy::decode_tc_string(tc[i]);
    return decoded ? static_cast<std::size_t>(decoded->cmp_id) : 0u;
  });
  const auto& tc_commands = groups["decideTc"];
  const double tc_engine = per_second(tc_commands.size(), seconds, 3, [&](std::size_t i) {
    return engine.execute_json(tc_commands[i]).size();
  });
  const double gpp_decide = per_second(gpp.size(), seconds, 3, [&](std::size_t i) {
    privacy::AdRequest r;
    r.jurisdiction = "US-CA";
    r.gpp_string = gpp[i];
    return decide(r);
  });
  const double gpp_decode = per_second(gpp.size(), seconds, 3, [&](std::size_t i) {
    auto decoded = privacy::decode_gpp(gpp[i]);
    return decoded ? decoded->sections.size() : 0u;
  });
  std::size_t chars = 0;
  for (const auto& s : tc) chars += s.size();
  std::cout << "{\"hashes\":{" << hashes << "},\"tcDecodeUs\":" << 1e6 / tc_decode
            << ",\"tcMeanChars\":" << static_cast<double>(chars) / static_cast<double>(tc.size())
            << ",\"tcDecide\":" << tc_decide << ",\"tcDecode\":" << tc_decode << ",\"tcEngine\":" << tc_engine
            << ",\"gppDecide\":" << gpp_decide << ",\"gppDecode\":" << gpp_decode << "}\n";
  return 0;
}
