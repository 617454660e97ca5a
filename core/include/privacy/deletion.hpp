#pragma once
// R-DEL-2: the voice-request parser.
#include <cstddef>
#include <string_view>

#include "privacy/errors.hpp"
#include "privacy/words.hpp"

namespace privacy {

inline constexpr std::size_t kMaxUtteranceBytes = 1000;

// Turns an utterance into a request: case, punctuation, a leading wake word
// and politeness are ignored; the common English phrasings of "delete what I
// just said" and "delete everything I said today" are understood; anything
// else is `not_understood`.
Result<VoiceCommand> parse_voice_request(std::string_view utterance);

}  // namespace privacy
