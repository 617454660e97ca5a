// The voice-request parser (R-DEL-2): the common English phrasings of "delete
// what I just said" and "delete everything I said today", and what it refuses.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "fixtures.hpp"
#include "privacy/deletion.hpp"

using privacy::parse_voice_request;
using privacy::VoiceCommand;

namespace {

void understood(const std::string& utterance, VoiceCommand expected) {
  INFO("utterance: " << utterance);
  auto parsed = parse_voice_request(utterance);
  REQUIRE(parsed.ok());
  CHECK(*parsed == expected);
}

void refused(const std::string& utterance, const char* code = "not_understood") {
  INFO("utterance: " << utterance);
  auto parsed = parse_voice_request(utterance);
  REQUIRE_FALSE(parsed.ok());
  REQUIRE(parsed.errors().size() == 1);
  CHECK(std::string_view(parsed.errors()[0].code) == code);
  CHECK(parsed.errors()[0].path == "utterance");
  CHECK_FALSE(parsed.errors()[0].message.empty());
}

}  // namespace

TEST_CASE("\"delete what I just said\" in its common phrasings") {  // covers R-DEL-2
  for (const char* s : {
           "delete what I just said",
           "Delete what I just said",
           "DELETE WHAT I JUST SAID",
           "delete what i just said.",
           "Delete what I just said!",
           "delete what I just said?!",
           "  delete   what I   just said  ",
           "delete, what I just said",
           "erase what I just said",
           "remove what I just said",
           "forget what I just said",
           "delete what I've just said",
           "delete what I have just said",
           "delete the last thing I said",
           "delete my last recording",
           "delete my last request",
           "delete that",
           "delete this recording",
           "delete that recording",
           "delete the last command",
           "scrub that",
       })
    understood(s, VoiceCommand::just_said);
}

TEST_CASE("\"delete everything I said today\" in its common phrasings") {  // covers R-DEL-2
  for (const char* s : {
           "delete everything I said today",
           "Delete everything I said today.",
           "DELETE EVERYTHING I SAID TODAY",
           "delete everything I've said today",
           "delete all of my recordings from today",
           "delete today's recordings",
           "delete todays recordings",
           "delete my recordings from today",
           "delete everything from today",
           "delete what I said today",
           "erase all my voice history from today",
           "clear today's voice history",
           "wipe everything I have been saying today",
       })
    understood(s, VoiceCommand::today);
}

TEST_CASE("wake words in front are ignored") {  // covers R-DEL-2
  understood("Alexa, delete what I just said", VoiceCommand::just_said);
  understood("alexa delete what I just said", VoiceCommand::just_said);
  understood("Hey Alexa, delete everything I said today", VoiceCommand::today);
  understood("hey google delete what I just said", VoiceCommand::just_said);
  understood("Hey Google, delete everything I said today", VoiceCommand::today);
  understood("OK Google, delete what I just said", VoiceCommand::just_said);
  understood("Okay Google, delete what I just said", VoiceCommand::just_said);
  understood("Hey Siri, forget what I said today", VoiceCommand::today);
  understood("Computer, delete that", VoiceCommand::just_said);
  understood("Echo, delete that", VoiceCommand::just_said);
  understood("Alexa, Alexa, delete that", VoiceCommand::just_said);
  // A wake word alone, or in the middle, is not a request.
  refused("Alexa");
  refused("Hey Google");
  refused("delete Alexa what I just said");
}

TEST_CASE("politeness before and after is ignored") {  // covers R-DEL-2
  understood("please delete what I just said", VoiceCommand::just_said);
  understood("Alexa, please delete what I just said", VoiceCommand::just_said);
  understood("Alexa, can you delete what I just said please", VoiceCommand::just_said);
  understood("Could you please delete everything I said today, thanks", VoiceCommand::today);
  understood("hey google would you delete everything I said today thank you", VoiceCommand::today);
  understood("I want you to delete what I just said", VoiceCommand::just_said);
  understood("I'd like you to delete everything I said today", VoiceCommand::today);
  understood("go ahead and delete that for me", VoiceCommand::just_said);
  understood("kindly delete what I just said right now", VoiceCommand::just_said);
  understood("Alexa, please, delete everything I said today. Thank you!", VoiceCommand::today);
}

TEST_CASE("the typographic apostrophe is an apostrophe") {  // covers R-DEL-2
  understood("delete today\u2019s recordings", VoiceCommand::today);
  understood("delete what I\u2019ve just said", VoiceCommand::just_said);
  understood("Alexa, delete everything I\u2019ve said today", VoiceCommand::today);
  refused("don\u2019t delete what I just said");
}

TEST_CASE("negations are not requests") {  // covers R-DEL-2
  refused("don't delete what I just said");
  refused("dont delete that");
  refused("do not delete what I just said");
  refused("never delete what I just said");
  refused("Alexa, don't delete everything I said today");
  refused("please don't delete that");
  refused("delete nothing");
  refused("delete what I just said not");
}

TEST_CASE("extra words make a request not understood") {  // covers R-DEL-2
  refused("delete what I just said and order pizza");
  refused("delete what I just said and everything from yesterday");
  refused("delete everything I said yesterday");
  refused("delete everything my sister said today");
  refused("delete what I just said on the kitchen speaker");
  refused("tell me a joke");
  refused("what did I just say");
  refused("play what I just said");
  refused("I just said delete");
}

TEST_CASE("too broad or contradictory requests are refused") {  // covers R-DEL-2
  refused("delete everything");
  refused("Alexa, delete everything");
  refused("delete all my recordings");
  refused("delete my voice history");
  refused("delete");
  refused("please delete");
  refused("delete what I just said today");  // which one?
  refused("delete the last thing I said today");
}

TEST_CASE("empty and oversized utterances") {  // covers R-DEL-2
  refused("");
  refused("   ");
  refused("...!?");
  refused(std::string("\0\0\0", 3));
  refused("\xff\xfe delete");
  // At most 1000 bytes: 1000 is read, 1001 is refused as too large.
  std::string phrase = "delete what I just said";
  std::string at_limit = phrase + std::string(1000 - phrase.size(), ' ');
  REQUIRE(at_limit.size() == 1000);
  understood(at_limit, VoiceCommand::just_said);
  refused(at_limit + " ", "too_large");
  refused(std::string(1001, 'a'), "too_large");
  refused(std::string(100'000, 'a'), "too_large");
}

TEST_CASE("parseVoiceRequest through the engine") {  // covers R-DEL-2
  using namespace fixtures;
  Engine e;  // no household needed to parse
  CHECK(ok(e, {{"command", "parseVoiceRequest"}, {"utterance", "Hey Google, delete today's recordings"}}) ==
        json{{"kind", "today"}});
  CHECK(ok(e, {{"command", "parseVoiceRequest"}, {"utterance", "Alexa, delete that"}}) ==
        json{{"kind", "just_said"}});
  json out = e.execute({{"command", "parseVoiceRequest"}, {"utterance", "delete everything"}});
  CHECK(out["type"] == "failure");
  CHECK(has_error(out["errors"], "not_understood", "utterance"));
  out = e.execute({{"command", "parseVoiceRequest"}, {"utterance", std::string(1001, 'x')}});
  CHECK(has_error(out["errors"], "too_large", "utterance"));  // a limit is too_large (R-INT-4)
  out = e.execute({{"command", "parseVoiceRequest"}, {"utterance", 42}});
  CHECK(has_error(out["errors"], "invalid_input", "utterance"));
  out = e.execute({{"command", "parseVoiceRequest"}});
  CHECK(has_error(out["errors"], "invalid_input", "utterance"));
  out = e.execute({{"command", "parseVoiceRequest"}, {"utterance", "delete that"}, {"lang", "en"}});
  CHECK(has_error(out["errors"], "invalid_input", "lang"));
  // No household data is read: no actor is taken (R-INT-5).
  out = e.execute({{"command", "parseVoiceRequest"}, {"utterance", "delete that"}, {"actor", "c1"}});
  CHECK(has_error(out["errors"], "invalid_input", "actor"));
}
