#include "privacy/deletion.hpp"


#include <algorithm>
#include <string>
#include <vector>
#include <array>
#include <utility>

namespace privacy {
namespace {

using WordList = std::vector<std::string>;

// Lower-cases ASCII, drops apostrophes ("today's" -> "todays", also the
// typographic U+2019), and turns every other non-alphanumeric byte into a
// word break.
WordList words_of(std::string_view text) {
  WordList out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\'') continue;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x99) {
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(static_cast<char>(c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

bool starts_with(const WordList& w, std::size_t at, std::initializer_list<std::string_view> phrase) {
  if (w.size() - at < phrase.size()) return false;
  std::size_t i = at;
  for (auto p : phrase)
    if (w[i++] != p) return false;
  return true;
}

// Removes the first matching phrase at the front, repeatedly.
void strip_front(WordList& w, std::initializer_list<std::initializer_list<std::string_view>> phrases) {
  bool again = true;
  while (again && !w.empty()) {
    again = false;
    for (const auto& p : phrases) {
      if (starts_with(w, 0, p)) {
        w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(p.size()));
        again = true;
        break;
      }
    }
  }
}

void strip_back(WordList& w, std::initializer_list<std::initializer_list<std::string_view>> phrases) {
  bool again = true;
  while (again && !w.empty()) {
    again = false;
    for (const auto& p : phrases) {
      if (w.size() >= p.size() && starts_with(w, w.size() - p.size(), p)) {
        w.resize(w.size() - p.size());
        again = true;
        break;
      }
    }
  }
}

bool is_any(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

}  // namespace

// A small closed grammar, written by hand: no packaged library parses these
// requests, and std::regex would add ~100 KB to the WebAssembly module. An
// utterance is understood only when every word is accounted for, so "delete
// what I just said and order pizza" or "don't delete that" are not.
Result<VoiceCommand> parse_voice_request(std::string_view utterance) {
  if (utterance.size() > kMaxUtteranceBytes)
    return Error{code::too_large, "utterance", "is longer than " + std::to_string(kMaxUtteranceBytes) + " bytes"};
  WordList w = words_of(utterance);
  strip_front(w, {{"hey", "alexa"}, {"alexa"}, {"ok", "google"}, {"okay", "google"},
                  {"hey", "google"}, {"hey", "siri"}, {"siri"}, {"hey", "assistant"},
                  {"assistant"}, {"computer"}, {"echo"}, {"amazon"}});
  strip_front(w, {{"please"}, {"can", "you"}, {"could", "you"}, {"would", "you"},
                  {"will", "you"}, {"i", "want", "you", "to"}, {"i", "would", "like", "you", "to"},
                  {"id", "like", "you", "to"}, {"i", "want", "to"}, {"go", "ahead", "and"},
                  {"kindly"}});
  strip_back(w, {{"please"}, {"thanks"}, {"thank", "you"}, {"for", "me"}, {"right", "now"}});
  Error not_understood{code::not_understood, "utterance",
                       "not a deletion request this engine understands; say \"delete what I "
                       "just said\" or \"delete everything I said today\""};
  if (w.size() < 2 || !is_any(w[0], {"delete", "erase", "remove", "forget", "clear", "wipe",
                                     "scrub", "discard"}))
    return not_understood;
  bool today = false, just = false, that_only = true;
  for (std::size_t i = 1; i < w.size(); ++i) {
    const auto& word = w[i];
    if (!is_any(word, {"what", "i", "ive", "have", "just", "said", "say", "asked", "told", "you",
                       "that", "the", "last", "thing", "things", "my", "recording", "recordings",
                       "request", "requests", "command", "commands", "everything", "all", "of",
                       "from", "today", "todays", "voice", "history", "now", "this", "been",
                       "saying", "to", "stuff"}))
      return not_understood;
    if (word == "today" || word == "todays") today = true;
    if (word == "just" || word == "last") just = true;
    if (!is_any(word, {"that", "this", "recording", "request", "command"})) that_only = false;
  }
  if (today && just) return not_understood;  // contradictory: which one?
  if (today) return VoiceCommand::today;
  if (just || that_only) return VoiceCommand::just_said;
  return not_understood;
}

}  // namespace privacy
