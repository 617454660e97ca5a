#pragma once
// Deletion requests (R-DEL-1..6), their receipts, and the voice-request parser.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "privacy/errors.hpp"
#include "privacy/recordings.hpp"

namespace privacy {

enum class DeletionKind { ids, range, device, all, just_said, today, sweep };
std::string_view to_string(DeletionKind kind);
std::optional<DeletionKind> deletion_kind_from(std::string_view text);

struct DeletionRequest {
  std::string request_id;
  std::string actor;
  std::string profile_id;
  DeletionKind kind = DeletionKind::ids;
  std::vector<std::string> ids;  // duplicates removed, first order kept
  std::optional<Instant> from;   // [from, to) on captured_at
  std::optional<Instant> to;
  std::optional<std::string> device_id;
  std::optional<int> utc_offset_minutes;  // -720..840, for `today`
  Instant now = 0;
};

inline constexpr int kMinUtcOffsetMinutes = -720;
inline constexpr int kMaxUtcOffsetMinutes = 840;
inline constexpr std::size_t kMaxIdsPerRequest = 100'000;

// What was asked, normalised: the part of a request that must match when the
// same request id comes again (R-DEL-5).
nlohmann::json request_scope(const DeletionRequest& request);

struct DeletionReceipt {
  std::string request_id;
  DeletionKind kind = DeletionKind::ids;
  std::string actor;
  std::optional<std::string> profile_id;
  Instant requested_at = 0;
  nlohmann::json scope = nlohmann::json::object();
  std::string status;                 // deleted | nothing_to_delete | already_done
  std::optional<std::string> reason;  // nothing_recent | already_deleted | no_match | already_done
  std::vector<std::string> recording_ids;
  ArtifactCounts counts;
  bool operator==(const DeletionReceipt&) const = default;
};

// R-DEL-2: what a spoken request asks for.
enum class VoiceCommand { just_said, today };
std::string_view to_string(VoiceCommand command);

inline constexpr std::size_t kMaxUtteranceBytes = 1000;

// Turns an utterance into a request: case, punctuation, a leading wake word
// and politeness are ignored; the common English phrasings of "delete what I
// just said" and "delete everything I said today" are understood; anything
// else is `not_understood`.
Result<VoiceCommand> parse_voice_request(std::string_view utterance);

}  // namespace privacy
