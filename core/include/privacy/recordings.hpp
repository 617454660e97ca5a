#pragma once
// Recordings: one utterance each, with its artifacts (audio, transcript,
// derived items), and what deleting one leaves behind (a tombstone).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/time.hpp"

namespace privacy {

enum class DerivedKind { intent, annotation, training_copy };
std::string_view to_string(DerivedKind kind);
std::optional<DerivedKind> derived_kind_from(std::string_view text);

struct DerivedItem {
  std::string id;
  DerivedKind kind = DerivedKind::intent;
  bool operator==(const DerivedItem&) const = default;
};

struct Audio {
  std::string ref;  // where the bytes live (a blob key, an object-store key)
  std::int64_t duration_ms = 0;
  bool operator==(const Audio&) const = default;
};

struct Recording {
  std::string id;
  std::string profile_id;
  std::string device_id;
  Instant captured_at = 0;
  std::optional<Audio> audio;
  std::optional<std::string> transcript;
  std::vector<DerivedItem> derived;
  bool operator==(const Recording&) const = default;
};

inline constexpr std::size_t kMaxTranscriptBytes = 10'000;
inline constexpr std::size_t kMaxDerivedItems = 64;

// How many of each artifact kind (R-DEL-5 receipts).
struct ArtifactCounts {
  std::int64_t recordings = 0;
  std::int64_t audio = 0;
  std::int64_t transcript = 0;
  std::int64_t intent = 0;
  std::int64_t annotation = 0;
  std::int64_t training_copy = 0;
  void add(const Recording& recording);
  bool operator==(const ArtifactCounts&) const = default;
};

// What a deleted recording leaves (R-DEL-4): enough to answer "no" forever.
struct Tombstone {
  std::string recording_id;
  std::string profile_id;
  Instant deleted_at = 0;
  std::string request_id;
  bool operator==(const Tombstone&) const = default;
};

// R-DEL-4 purposes.
// `disclosure`: to third parties (ads, analytics or training by others).
enum class Purpose { service, playback, review, training, analytics, disclosure, sale };
std::string_view to_string(Purpose purpose);
std::optional<Purpose> purpose_from(std::string_view text);

}  // namespace privacy
