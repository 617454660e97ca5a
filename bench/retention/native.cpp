// Retention sweep benchmark, native side: the same household as
// bench/retention/run.mjs sets up through the package (1,000,000 recordings in
// 10,000 profiles), built through privacy::Engine::execute_json, then
// `previewSweep` at T0 timed. Prints its figures as one JSON line on stdout for
// run.mjs; progress goes to stderr.
//
// Usage: bench_retention_native [--recordings N] [--profiles N] [--repeats N] [--chunk N] [--limit N] [--full-repeats N]
// Two passes on the one household: `previewSweep` listing the first `limit`
// due recordings (the rules pass), `repeats` times, then listing every due
// recording, `full-repeats` times; each after one untimed warm-up.

#include <privacy/engine.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Options {
    std::int64_t recordings = 1'000'000;
    std::int64_t profiles = 10'000;
    std::int64_t repeats = 5;
    std::int64_t chunk = 10'000;
    std::int64_t limit = 100;       // the rules pass: list at most this many due recordings
    std::int64_t full_repeats = 3;  // then with every due recording listed
};

// 2026-11-01T00:00Z (Date.UTC(2026, 10, 1)).
constexpr std::int64_t t0 = 1'793'491'200'000;
constexpr std::int64_t minutes_in_two_years = 730LL * 24 * 60;
constexpr std::int64_t device_count = 3;
constexpr std::array<const char*, 4> settings = {"dont_save", "3_months", "18_months", "until_deleted"};

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view name = argv[i];
        if (i + 1 >= argc) throw std::invalid_argument("missing value for " + std::string(name));
        const std::int64_t value = std::stoll(argv[++i]);
        if (value < 1) throw std::invalid_argument(std::string(name) + " needs a positive integer");
        if (name == "--recordings") options.recordings = value;
        else if (name == "--profiles") options.profiles = value;
        else if (name == "--repeats") options.repeats = value;
        else if (name == "--chunk") options.chunk = value;
        else if (name == "--limit") options.limit = value;
        else if (name == "--full-repeats") options.full_repeats = value;
        else throw std::invalid_argument("unknown option " + std::string(name));
    }
    return options;
}

// Runs one command through the JSON interface; a failure ends the program.
Json run(privacy::Engine& engine, const Json& command) {
    const std::string answer_text = engine.execute_json(command.dump());
    Json answer = Json::parse(answer_text);
    if (answer.value("type", "") != "success") {
        std::cerr << "bench_retention_native: " << command.value("command", "?") << " failed: " << answer_text.substr(0, 2000)
                  << '\n';
        std::exit(1);
    }
    return answer;
}

Json retention_policy() {
    auto category = [](const char* name, const std::string& purpose) {
        return Json{{"category", name},
                    {"childMaxMonths", 18},
                    {"adultMaxMonths", nullptr},
                    {"purpose", purpose},
                    {"businessNeed", "Kept only as long as needed to " + [&] {
                         std::string lower = purpose;
                         std::transform(lower.begin(), lower.end(), lower.begin(),
                                        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                         return lower;
                     }() + "."}};
    };
    return Json{{"categories",
                 Json::array({category("audio", "Answer the request and let the family play it back"),
                              category("transcript", "Show the family what was heard"),
                              category("derived", "Improve answers to this household")})},
                {"justSaidWindowMinutes", 10}};
}

Json recording_input(std::int64_t i, std::int64_t profiles) {
    const std::string n = std::to_string(i);
    Json recording{{"id", "r" + n},
                   {"profileId", "p" + std::to_string(i % profiles)},
                   {"deviceId", "d" + std::to_string(i % device_count)},
                   {"capturedAt", t0 - ((i * 7919) % minutes_in_two_years) * 60'000},
                   {"audio", nullptr},
                   {"transcript", "turn on the lights"},
                   {"derived", Json::array({Json{{"id", "i" + n}, {"kind", "intent"}}})}};
    if (i % 2 == 0) recording["audio"] = Json{{"ref", "a" + n}, {"durationMs", 1500}};
    return recording;
}

void set_up(privacy::Engine& engine, const Options& options) {
    run(engine, {{"command", "createHousehold"},
                 {"actor", "operator"},
                 {"now", t0},
                 {"id", "bench"},
                 {"name", "Benchmark household"},
                 {"retentionPolicy", retention_policy()}});
    run(engine, {{"command", "addGuardian"},
                 {"actor", "operator"},
                 {"now", t0},
                 {"guardian", {{"id", "g1"}, {"name", "Guardian 1"}, {"verified", true}}}});
    for (std::int64_t d = 0; d < device_count; ++d) {
        const std::string n = std::to_string(d);
        run(engine, {{"command", "addDevice"},
                     {"actor", "g1"},
                     {"now", t0},
                     {"device", {{"id", "d" + n}, {"name", "Device " + n}}}});
    }
    for (std::int64_t p = 0; p < options.profiles; ++p) {
        const std::string n = std::to_string(p);
        const std::string id = "p" + n;
        const bool child = p % 2 == 0;
        run(engine, {{"command", "addProfile"},
                     {"actor", "g1"},
                     {"now", t0},
                     {"profile", {{"id", id}, {"name", "Profile " + n}, {"kind", child ? "child" : "adult"}}}});
        if (child) {
            // R-CON-1: no recording into a child profile before verified parental consent.
            run(engine, {{"command", "requestConsent"},
                         {"actor", "g1"},
                         {"now", t0},
                         {"profileId", id},
                         {"method", "signed_form"}});
            run(engine, {{"command", "recordConsent"},
                         {"actor", "g1"},
                         {"now", t0},
                         {"profileId", id},
                         {"method", "signed_form"},
                         {"reference", "form-" + id},
                         {"verifiedBy", "Benchmark operator"}});
        }
        run(engine, {{"command", "setRetention"},
                     {"actor", child ? std::string("g1") : id},
                     {"now", t0},
                     {"profileId", id},
                     {"setting", settings[static_cast<std::size_t>(p % 4)]}});
    }
    for (std::int64_t start = 0; start < options.recordings; start += options.chunk) {
        const std::int64_t end = std::min(start + options.chunk, options.recordings);
        Json recordings = Json::array();
        for (std::int64_t i = start; i < end; ++i) recordings.push_back(recording_input(i, options.profiles));
        const Json answer = run(engine, {{"command", "addRecordings"}, {"actor", "system"}, {"recordings", std::move(recordings)}, {"now", t0}});
        if (answer["result"].value("added", -1) != end - start) {
            std::cerr << "bench_retention_native: addRecordings added " << answer["result"].dump() << " of "
                      << end - start << '\n';
            std::exit(1);
        }
    }
}

double milliseconds_since(Clock::time_point started) {
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

// FNV-1a, 32 bits, over the text's bytes: run.mjs hashes the same way.
std::string fnv1a(std::string_view text) {
    std::uint32_t hash = 0x811c9dc5u;
    for (const unsigned char byte : text) {
        hash ^= byte;
        hash *= 0x01000193u;
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex(8, '0');
    for (int i = 7; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = digits[hash & 0xfu];
    return hex;
}

// One pass: an untimed warm-up, then `repeats` timed previewSweep calls
// listing at most `limit` due recordings (0: all). Null when it failed.
Json sweep_pass(privacy::Engine& engine, std::int64_t limit, std::int64_t repeats) {
    Json sweep{{"command", "previewSweep"}, {"actor", "system"}, {"now", t0}};
    if (limit > 0) sweep["limit"] = limit;
    const std::string command = sweep.dump();
    std::string answer = engine.execute_json(command);  // warm-up, untimed
    std::vector<double> runs;
    for (std::int64_t r = 0; r < repeats; ++r) {
        answer.clear();
        answer.shrink_to_fit();
        const auto started = Clock::now();
        answer = engine.execute_json(command);
        runs.push_back(milliseconds_since(started));
    }
    const Json parsed = Json::parse(answer);
    if (parsed.value("type", "") != "success") {
        std::cerr << "bench_retention_native: previewSweep failed: " << answer.substr(0, 2000) << '\n';
        return nullptr;
    }
    const Json& plan = parsed["result"];
    // The due ids, sorted, one a line: run.mjs digests the others' the same way.
    std::vector<std::string> due_ids;
    due_ids.reserve(plan["due"].size());
    for (const Json& recording : plan["due"]) due_ids.push_back(recording["id"].get<std::string>());
    if (limit == 0) std::sort(due_ids.begin(), due_ids.end());  // a limited list keeps its order
    std::string joined;
    for (std::size_t i = 0; i < due_ids.size(); ++i) {
        if (i > 0) joined += '\n';
        joined += due_ids[i];
    }
    const Json first_due_ids(std::vector<std::string>(
        due_ids.begin(), due_ids.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, due_ids.size()))));
    return Json{{"runsMs", runs},
                {"dueCount", plan["dueCount"]},
                {"nextDueAt", plan["nextDueAt"]},
                {"counts", plan["counts"]},
                {"dueIdsDigest", fnv1a(joined)},
                {"firstDueIds", first_due_ids},
                {"answerBytes", answer.size()},
                {"answerHash", fnv1a(answer)}};
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = parse_options(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "bench_retention_native: " << error.what() << '\n';
        return 2;
    }

    privacy::Engine engine;
    std::cerr << "native: setting up " << options.recordings << " recordings in " << options.profiles << " profiles\n";
    const auto load_started = Clock::now();
    set_up(engine, options);
    const double load_ms = milliseconds_since(load_started);

    Json figures{{"implementation", "native"},
                 {"recordings", options.recordings},
                 {"profiles", options.profiles},
                 {"loadMs", load_ms}};
    for (const bool full : {false, true}) {
        const Json pass = sweep_pass(engine, full ? 0 : options.limit, full ? options.full_repeats : options.repeats);
        if (pass.is_null()) return 1;
        figures[full ? "full" : "rules"] = pass;
    }
    std::cout << figures.dump() << std::endl;
    return 0;
}
