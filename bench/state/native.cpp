// The native side of bench/state (issue 10, targets 2-4): runs a script that
// bench/state/run.mjs writes, the same commands it sends through the package,
// and times each step, so that both sides work on byte-identical households.
//   bench_state_native <script>
// One step a line, tab-separated: <op> <label> <payload>
//   run     <label> <command JSON>   execute_json on the current engine
//   export  <label> <command JSON>   export_state; its text becomes the current text
//   load    <label> <path>           reads a file as the current text (untimed)
//   import  <label> <command JSON>   a fresh engine, then execute_json(command, current text)
//   fresh   -       -                a fresh, empty engine
// A label "-" is not reported. Prints one JSON object: for each label, every
// step's milliseconds, answer bytes and FNV-1a hash (of the answer or the
// exported text), and the answers themselves when short (run.mjs compares them
// with the package's). A failed command (other than one the script expects to
// fail, label ending in "!") ends the program with its answer.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/engine.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t hash = 0x811c9dc5u;
  for (const unsigned char byte : text) {
    hash ^= byte;
    hash *= 0x01000193u;
  }
  return hash;
}

struct Steps {
  std::vector<double> ms;
  std::vector<std::size_t> bytes;
  std::vector<std::uint32_t> hashes;
  std::vector<std::string> answers;  // only the short ones
};

constexpr std::size_t kShortAnswer = 16 * 1024;

bool succeeded(std::string_view answer) { return answer.rfind("{\"type\":\"success\"", 0) == 0; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bench_state_native <script>\n";
    return 2;
  }
  std::ifstream script(argv[1]);
  if (!script) {
    std::cerr << "bench_state_native: cannot read " << argv[1] << '\n';
    return 2;
  }
  auto engine = std::make_unique<privacy::Engine>();
  std::string text;  // the current state text
  std::map<std::string, Steps> labels;
  std::vector<std::string> order;
  auto record = [&](const std::string& label, double ms, std::string_view out, bool keep) {
    if (label == "-") return;
    if (!labels.count(label)) order.push_back(label);
    Steps& steps = labels[label];
    steps.ms.push_back(ms);
    steps.bytes.push_back(out.size());
    steps.hashes.push_back(fnv1a(out));
    if (keep && out.size() <= kShortAnswer) steps.answers.emplace_back(out);
  };
  auto check = [&](const std::string& label, const std::string& answer) {
    if (succeeded(answer) || (!label.empty() && label.back() == '!')) return true;
    std::cerr << "bench_state_native: " << label << " failed: " << answer.substr(0, 2000) << '\n';
    return false;
  };

  for (std::string line; std::getline(script, line);) {
    if (line.empty()) continue;
    const auto tab1 = line.find('\t');
    const auto tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) {
      std::cerr << "bench_state_native: bad line " << line.substr(0, 80) << '\n';
      return 2;
    }
    const std::string op = line.substr(0, tab1);
    const std::string label = line.substr(tab1 + 1, tab2 - tab1 - 1);
    const std::string_view payload = std::string_view(line).substr(tab2 + 1);
    if (op == "run") {
      const auto t = Clock::now();
      std::string answer = engine->execute_json(payload);
      const double ms = since(t);
      if (!check(label, answer)) return 1;
      record(label, ms, answer, true);
    } else if (op == "export") {
      const auto t = Clock::now();
      auto out = engine->export_state(payload);
      const double ms = since(t);
      if (!out.ok) {
        std::cerr << "bench_state_native: " << label << " failed: " << out.text.substr(0, 2000) << '\n';
        return 1;
      }
      text = std::move(out.text);
      record(label, ms, text, false);
    } else if (op == "load") {
      std::ifstream in{std::string(payload), std::ios::binary};
      if (!in) {
        std::cerr << "bench_state_native: cannot read " << payload << '\n';
        return 2;
      }
      std::ostringstream all;
      all << in.rdbuf();
      text = all.str();
    } else if (op == "import") {
      engine = std::make_unique<privacy::Engine>();
      const auto t = Clock::now();
      std::string answer = engine->execute_json(payload, text);
      const double ms = since(t);
      if (!check(label, answer)) return 1;
      record(label, ms, answer, true);
    } else if (op == "fresh") {
      engine = std::make_unique<privacy::Engine>();
    } else {
      std::cerr << "bench_state_native: unknown step " << op << '\n';
      return 2;
    }
  }

  std::string out = "{";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Steps& s = labels[order[i]];
    out += (i ? ",\"" : "\"") + order[i] + "\":{\"ms\":[";
    for (std::size_t k = 0; k < s.ms.size(); ++k) {
      char number[32];
      std::snprintf(number, sizeof number, "%s%.4f", k ? "," : "", s.ms[k]);
      out += number;
    }
    out += "],\"bytes\":[";
    for (std::size_t k = 0; k < s.bytes.size(); ++k) out += (k ? "," : "") + std::to_string(s.bytes[k]);
    out += "],\"hashes\":[";
    for (std::size_t k = 0; k < s.hashes.size(); ++k) {
      char hex[12];
      std::snprintf(hex, sizeof hex, "%s\"%08x\"", k ? "," : "", s.hashes[k]);
      out += hex;
    }
    out += "],\"answers\":[";
    for (std::size_t k = 0; k < s.answers.size(); ++k) out += (k ? "," : "") + s.answers[k];  // each is JSON
    out += "]}";
  }
  out += "}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
