// The module's functions, called from bindings/index.mjs. Plain C functions
// over one byte buffer rather than embind: a command's text is written into
// the buffer with TextEncoder.encodeInto, numbers are arguments, the answer
// is read back from the buffer with TextDecoder. No C++ exception can cross
// (the engine answers every input and the wasm build has none); an abort
// traps, and index.mjs stops every engine on the module (R-INT-4).
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/engine.hpp"
#include "privacy/household.hpp"

namespace {

std::vector<std::unique_ptr<privacy::Engine>> engines;  // by number; a closed one leaves an empty slot
std::string buffer;  // what JS writes into
std::string answer;  // what JS reads back

privacy::Engine* engine(int id) {
  return id >= 0 && static_cast<std::size_t>(id) < engines.size() ? engines[static_cast<std::size_t>(id)].get() : nullptr;
}

std::string_view part(std::uint32_t at, std::uint32_t length) { return std::string_view(buffer).substr(at, length); }

// The direct path of decideAds (issue 10): the decision as numbers, which
// index.mjs names from the frozen word tables.
struct Decision {
  privacy::CompactDecision compact;
  std::uint8_t jurisdiction_length = 0;
  char jurisdiction[15] = {};
} decision;

static_assert(privacy::words_in_value_order<privacy::AdLevel>() && privacy::words_in_value_order<privacy::Reason>() &&
              privacy::words_in_value_order<privacy::AgeTreatment>() && privacy::words_in_value_order<privacy::AgeBand>() &&
              privacy::words_in_value_order<privacy::AgeSource>() && privacy::words_in_value_order<privacy::AdContext>());
// index.mjs reads these places (DECISION in bindings/decision.mjs).
static_assert(offsetof(privacy::CompactDecision, level) == 0);
static_assert(offsetof(privacy::CompactDecision, reason_count) == 11);
static_assert(offsetof(privacy::CompactDecision, reasons) == 12);
static_assert(offsetof(privacy::CompactDecision, sid_count) == 44);
static_assert(offsetof(privacy::CompactDecision, gpp_sid) == 46);
static_assert(offsetof(Decision, jurisdiction_length) == 110);
static_assert(offsetof(Decision, jurisdiction) == 111);

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int fp_open() {
  for (std::size_t i = 0; i < engines.size(); ++i)
    if (!engines[i]) {
      engines[i] = std::make_unique<privacy::Engine>();
      return static_cast<int>(i);
    }
  engines.push_back(std::make_unique<privacy::Engine>());
  return static_cast<int>(engines.size() - 1);
}

EMSCRIPTEN_KEEPALIVE void fp_close(int id) {
  if (engine(id)) engines[static_cast<std::size_t>(id)].reset();
}

// Room for `size` bytes of input; the pointer is valid until the next call.
EMSCRIPTEN_KEEPALIVE char* fp_buffer(std::uint32_t size) {
  if (buffer.size() < size) buffer.resize(size);
  return buffer.data();
}

// Frees the input buffer (after a large state).
EMSCRIPTEN_KEEPALIVE void fp_release() {
  std::string().swap(buffer);
  std::string().swap(answer);
}

EMSCRIPTEN_KEEPALIVE const char* fp_answer() { return answer.data(); }

// A command: its text at [0, length); the answer's length is returned.
EMSCRIPTEN_KEEPALIVE std::uint32_t fp_execute(int id, std::uint32_t length) {
  answer = engine(id)->execute_json(part(0, length));
  return static_cast<std::uint32_t>(answer.size());
}

// importState and previewImport: the command at [0, command), the state after it.
EMSCRIPTEN_KEEPALIVE std::uint32_t fp_execute_with_state(int id, std::uint32_t command, std::uint32_t state) {
  answer = engine(id)->execute_json(part(0, command), part(command, state));
  std::string().swap(buffer);  // the state is read: do not hold it twice
  return static_cast<std::uint32_t>(answer.size());
}

// exportState: 1 and the state's own text, or 0 and the failure's answer.
EMSCRIPTEN_KEEPALIVE int fp_export(int id, std::uint32_t length) {
  auto out = engine(id)->export_state(part(0, length));
  answer = std::move(out.text);
  return out.ok ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE std::uint32_t fp_answer_length() { return static_cast<std::uint32_t>(answer.size()); }

// decideAds without JSON: the strings one after another in the buffer
// (actor, profileId, deviceId, jurisdiction, tcString, gppString), their
// lengths, and which are given (bit 0 profileId, 1 deviceId, 2 jurisdiction,
// 3 tcString, 4 gppString, 5 gpc, 6 vendorId, 7 context, 8 age unknown, 9 actor).
EMSCRIPTEN_KEEPALIVE const Decision* fp_decide(int id, std::uint32_t actor, std::uint32_t profile, std::uint32_t device,
                                               std::uint32_t place, std::uint32_t tc, std::uint32_t gpp,
                                               std::uint32_t given, int context, int vendor, double now) {
  using privacy::cmd::DecideAds;
  // Over the limit: the JSON path refuses it with its message (decision.mjs
  // does not look at a signal's length or characters; the core does).
  if (tc > privacy::kMaxSignalBytes || gpp > privacy::kMaxSignalBytes) {
    decision.compact = {};
    decision.compact.error_count = 1;
    return &decision;
  }
  privacy::Call<DecideAds> call;
  std::uint32_t at = 0;
  auto next = [&](std::uint32_t length) {
    std::string_view s = part(at, length);
    at += length;
    return std::string(s);
  };
  if (given & (1u << 9)) call.actor.id = next(actor);
  if (given & (1u << 0)) call.input.profile_id = next(profile);
  if (given & (1u << 1)) call.input.device_id = next(device);
  if (given & (1u << 2)) call.input.jurisdiction = next(place);
  if (given & (1u << 3)) call.input.tc_string = next(tc);
  if (given & (1u << 4)) call.input.gpp_string = next(gpp);
  if (given & (1u << 5)) call.input.gpc = true;
  if (given & (1u << 6)) call.input.vendor_id = vendor;
  if (given & (1u << 7)) call.input.context = static_cast<privacy::AdContext>(context);
  if (given & (1u << 8)) call.input.age = privacy::UnknownAge::unknown;
  call.now = static_cast<privacy::Instant>(now);
  auto result = engine(id)->household().run(call);
  privacy::AdDecision d = result ? std::move(*result) : DecideAds::closed(result.errors());
  decision.compact = privacy::compact(d);
  decision.jurisdiction_length = static_cast<std::uint8_t>(std::min<std::size_t>(d.jurisdiction.size(), sizeof decision.jurisdiction));
  std::copy_n(d.jurisdiction.data(), decision.jurisdiction_length, decision.jurisdiction);
  return &decision;
}

}  // extern "C"
