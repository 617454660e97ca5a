// The IAB GPP string: "[header]~[section]~[section]...". The header is
// Type(6) = 3, Version(6) = 1, then the section ids as a Fibonacci range;
// each section follows in the same order. Sections are read by gpp.hpp's
// list: tcfeuv2 (2) as a TC string, uspv1 (6) here, and the US sections
// (7-27) in gpp_us.cpp.
#include "bits.hpp"
#include "gpp_us.hpp"
#include "privacy/gpp.hpp"

namespace privacy {

using detail::BitReader;

namespace {

// Section ids are small; a longer code is refused before it can overflow.
constexpr unsigned kMaxFibonacciBits = 24;

// A Fibonacci-coded integer ending in "11".
std::uint64_t fibonacci(BitReader& in, const char* field) {
  std::uint64_t value = 0, a = 1, b = 2;  // F(2), F(3)
  bool previous = false;
  for (unsigned i = 0; in.ok(); ++i) {
    bool bit = in.flag(field);
    if (bit && previous) return value;
    if (i == kMaxFibonacciBits) {
      in.fail(field, "Fibonacci number longer than 24 bits");
      break;
    }
    if (bit) value += a;
    previous = bit;
    std::uint64_t next = a + b;
    a = b;
    b = next;
  }
  return 0;
}

void decode_usp(std::string_view text, std::size_t base, UspV1& out, std::optional<Error>& error) {
  auto bad = [&](std::size_t at, const std::string& what) {
    error = Error{code::invalid_signal, "", detail::join({"at character ", detail::num(base + at), " (uspv1): ", what})};
  };
  if (text.size() != 4) return bad(0, "a US Privacy string has 4 characters");
  if (text[0] != '1') return bad(0, "only version 1 exists");
  char* fields[] = {&out.notice, &out.opt_out_sale, &out.lspa_covered};
  for (std::size_t i = 1; i < 4; ++i) {
    char c = text[i];
    if (c != 'Y' && c != 'N' && c != '-') return bad(i, "must be Y, N or -");
    *fields[i - 1] = c;
  }
}

}  // namespace

const char* gpp_section_name(int id) {
  static const char* const names[] = {
      nullptr, "tcfeuv1", "tcfeuv2", nullptr, nullptr, "tcfcav1", "uspv1", "usnat",
      "usca", "usva", "usco", "usut", "usct", "usfl", "usmt", "usor", "ustx", "usde",
      "usia", "usne", "usnh", "usnj", "ustn", "usmn", "usmd", "usin", "usky", "usri"};
  return id >= 0 && id < static_cast<int>(std::size(names)) ? names[id] : nullptr;
}

Result<GppString> decode_gpp(std::string_view text) {
  if (text.size() > kMaxSignalBytes)
    return Error{code::invalid_signal, "", "is longer than 100000 characters"};
  GppString gpp;
  std::optional<Error> error;
  std::size_t tilde = text.find('~');
  std::string_view header = text.substr(0, tilde);
  std::vector<std::size_t> starts;  // where each section starts
  for (std::size_t t = tilde; t != std::string_view::npos; t = text.find('~', t + 1)) starts.push_back(t + 1);

  BitReader in(header, 0, error);
  if (in.ok() && in.read(6, "Type") != 3)
    in.fail_at(0, "Type", "a GPP string starts with a header of type 3 (the character D)");
  gpp.version = static_cast<int>(in.read(6, "Version"));
  if (in.ok() && gpp.version != 1) in.fail_at(6, "Version", "only GPP version 1 exists");
  auto count = in.read(12, "SectionIds");
  std::uint64_t last = 0;
  for (std::uint64_t i = 0; i < count && in.ok(); ++i) {
    bool group = in.flag("SectionIds");
    std::uint64_t first = last + fibonacci(in, "SectionIds");
    last = group ? first + fibonacci(in, "SectionIds") : first;
    if (!in.ok()) break;
    if (last > 0xFFFF || gpp.section_ids.size() + (last - first) >= starts.size()) {
      in.fail("SectionIds", detail::join({"the header lists more sections than the string has (",
                                          detail::num(starts.size()), ")"}));
      break;
    }
    for (std::uint64_t id = first; id <= last; ++id) gpp.section_ids.push_back(static_cast<int>(id));
  }
  in.finish(detail::kGppPadding);
  if (!error && gpp.section_ids.size() != starts.size())
    in.fail_at(0, "SectionIds", detail::join({"the header lists ", detail::num(gpp.section_ids.size()),
                                              " sections; the string has ", detail::num(starts.size())}));
  for (std::size_t i = 0; i < starts.size() && !error; ++i) {
    std::size_t end = i + 1 < starts.size() ? starts[i + 1] - 1 : text.size();
    GppSection section;
    section.id = gpp.section_ids[i];
    section.text = std::string(text.substr(starts[i], end - starts[i]));
    if (section.text.empty()) {
      error = Error{code::invalid_signal, "",
                    detail::join({"at character ", detail::num(starts[i]), ": is empty"})};
    } else if (section.id == 2) {
      auto tc = decode_tc_string(section.text, starts[i]);
      if (tc) section.tcfeuv2 = std::move(*tc);
      else error = tc.errors().front();
    } else if (section.id == 6) {
      decode_usp(section.text, starts[i], section.uspv1.emplace(), error);
    } else if (is_us_section(section.id)) {
      detail::decode_us_section(section.text, starts[i], section.id, section.us.emplace(), error);
    }
    if (error) {
      const char* name = gpp_section_name(section.id);
      error->message = detail::join({"section ", detail::num(section.id), name ? " (" : "", name ? name : "",
                                     name ? ") " : " ", error->message});
    }
    gpp.sections.push_back(std::move(section));
  }
  if (error) return *error;
  return gpp;
}

}  // namespace privacy
