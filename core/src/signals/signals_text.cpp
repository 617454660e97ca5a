// The decoded TC and GPP strings as JSON text (what decodeTcString and
// decodeGpp answer), written straight from the decoded structs. The US
// sections are written from the one layout table (us_sections.cpp).
#include <algorithm>

#include "../json/codec.hpp"
#include "../json/tokens.hpp"
#include "signals_json.hpp"
#include "us_sections.hpp"

namespace privacy {

namespace {

// The answers are written as text straight from the decoded structs (issue
// 10: building them as nlohmann trees and dumping them was most of
// decodeTcString's time). Each object's members come out with their keys
// sorted, the order nlohmann's std::map gave, so the bytes are the ones the
// recorded vectors hold.
class Members {
 public:
  explicit Members(std::string& out) : out_(out) { items_.reserve(24); }
  // The text of member `key`'s value, to append to (a key given again starts over).
  std::string& add(std::string_view key) {
    for (auto& item : items_) {
      if (item.key != key) continue;
      item.text.clear();
      return item.text;
    }
    items_.push_back({key, {}});
    return items_.back().text;
  }
  void number(std::string_view key, std::int64_t value) { json::write_value(add(key), value); }
  void boolean(std::string_view key, bool value) { add(key) += value ? "true" : "false"; }
  void text(std::string_view key, std::string_view value) { json::append_quoted(add(key), value); }
  void null(std::string_view key) { add(key) += "null"; }
  // The object is written when it goes out of scope, after its last member.
  ~Members() {
    std::sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
    out_ += '{';
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (i) out_ += ',';
      json::append_quoted(out_, items_[i].key);
      out_ += ':';
      out_ += items_[i].text;
    }
    out_ += '}';
  }

 private:
  struct Item {
    std::string_view key;
    std::string text;
  };
  std::string& out_;
  std::vector<Item> items_;
};

void ids(std::string& out, std::uint64_t bits) {
  out += '[';
  for (std::uint64_t word = bits; word; word &= word - 1) {
    if (out.back() != '[') out += ',';
    json::write_value(out, static_cast<std::int64_t>(__builtin_ctzll(word)) + 1);
  }
  out += ']';
}

template <std::size_t N>
void small_list(std::string& out, const std::array<std::uint8_t, N>& values, std::size_t count) {
  out += '[';
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += ',';
    json::write_value(out, static_cast<std::int64_t>(values[i]));
  }
  out += ']';
}

void write(std::string& out, const VendorSet& v) {
  Members m(out);
  m.number("maxVendorId", v.max_vendor_id);
  m.boolean("isRangeEncoding", v.is_range_encoding);
  std::string& list = m.add("ids");
  list += '[';
  for (std::size_t w = 0; w < v.bits.size(); ++w)
    for (std::uint64_t word = v.bits[w]; word; word &= word - 1) {
      if (list.back() != '[') list += ',';
      json::write_value(list, static_cast<std::int64_t>(w * 64 + static_cast<unsigned>(__builtin_ctzll(word)) + 1));
    }
  list += ']';
}

void write(std::string& out, const TcString& tc) {
  Members m(out);
  m.number("version", tc.version);
  m.number("created", tc.created);
  m.number("lastUpdated", tc.last_updated);
  m.number("cmpId", tc.cmp_id);
  m.number("cmpVersion", tc.cmp_version);
  m.number("consentScreen", tc.consent_screen);
  m.text("consentLanguage", {tc.consent_language.data(), 2});
  m.number("vendorListVersion", tc.vendor_list_version);
  m.number("policyVersion", tc.policy_version);
  m.boolean("isServiceSpecific", tc.is_service_specific);
  m.boolean("useNonStandardTexts", tc.use_non_standard_texts);
  ids(m.add("specialFeatureOptins"), tc.special_feature_optins);
  ids(m.add("purposeConsents"), tc.purpose_consents);
  ids(m.add("purposeLegitimateInterests"), tc.purpose_legitimate_interests);
  m.boolean("purposeOneTreatment", tc.purpose_one_treatment);
  m.text("publisherCountryCode", {tc.publisher_country_code.data(), 2});
  write(m.add("vendorConsents"), tc.vendor_consents);
  write(m.add("vendorLegitimateInterests"), tc.vendor_legitimate_interests);
  std::string& restrictions = m.add("publisherRestrictions");
  restrictions += '[';
  for (std::size_t i = 0; i < tc.publisher_restrictions.size(); ++i) {
    const auto& r = tc.publisher_restrictions[i];
    if (i) restrictions += ',';
    Members item(restrictions);
    item.number("purposeId", r.purpose_id);
    item.number("restrictionType", static_cast<int>(r.type));
    std::string& vendors = item.add("vendors");
    vendors += '[';
    for (std::size_t k = 0; k < r.vendors.size(); ++k) {
      if (k) vendors += ',';
      vendors += '[';
      json::write_value(vendors, static_cast<std::int64_t>(r.vendors[k].first));
      vendors += ',';
      json::write_value(vendors, static_cast<std::int64_t>(r.vendors[k].last));
      vendors += ']';
    }
    vendors += ']';
  }
  restrictions += ']';
  if (tc.vendors_disclosed) write(m.add("vendorsDisclosed"), *tc.vendors_disclosed);
  else m.null("vendorsDisclosed");
  if (tc.publisher_tc) {
    const PublisherTc& p = *tc.publisher_tc;
    Members publisher(m.add("publisherTC"));
    ids(publisher.add("publisherConsents"), p.consents);
    ids(publisher.add("publisherLegitimateInterests"), p.legitimate_interests);
    publisher.number("numCustomPurposes", p.num_custom_purposes);
    ids(publisher.add("publisherCustomConsents"), p.custom_consents);
    ids(publisher.add("publisherCustomLegitimateInterests"), p.custom_legitimate_interests);
  } else {
    m.null("publisherTC");
  }
}

using detail::name_of;

// Every field of the section's layout, in encoding order, then its sub-section.
void write(std::string& out, const UsSection& u) {
  Members m(out);
  const detail::UsLayout& layout = *detail::us_layout(u.id, u.version());
  for (std::size_t i = 0; i < layout.step_count; ++i) {
    const detail::UsStep& step = layout.steps[i];
    if (step.field == UsField::sensitive_data_processing)
      small_list(m.add(name_of(step.field)), u.sensitive_data_processing, u.sensitive_count);
    else if (step.field == UsField::known_child_sensitive_data_consents && step.count)
      small_list(m.add(name_of(step.field)), u.known_child, u.known_child_count);
    else if (step.field == UsField::known_child_sensitive_data_consents)
      m.number(name_of(step.field), u.known_child[0]);
    else
      m.number(name_of(step.field), u[step.field]);
  }
  if (layout.subsection == detail::UsSubsection::gpc) {
    if (u.gpc) m.boolean("gpc", *u.gpc);
    else m.null("gpc");
  } else if (layout.subsection == detail::UsSubsection::sensitive) {
    const char* name = name_of(UsField::sensitive_data_processing);
    if (u.sensitive_count) small_list(m.add(name), u.sensitive_data_processing, u.sensitive_count);
    else m.null(name);
  }
}

void write(std::string& out, const UspV1& u) {
  Members m(out);
  m.number("version", u.version);
  m.text("notice", {&u.notice, 1});
  m.text("optOutSale", {&u.opt_out_sale, 1});
  m.text("lspaCovered", {&u.lspa_covered, 1});
}

}  // namespace

void write_json(std::string& out, const TcString& tc) { write(out, tc); }

void write_json(std::string& out, const GppString& gpp) {
  Members m(out);
  m.number("version", gpp.version);
  std::string& section_ids = m.add("sectionIds");
  section_ids += '[';
  for (std::size_t i = 0; i < gpp.sections.size(); ++i) {
    if (i) section_ids += ',';
    json::write_value(section_ids, static_cast<std::int64_t>(gpp.sections[i].id));
  }
  section_ids += ']';
  std::string& sections = m.add("sections");
  sections += '[';
  for (std::size_t i = 0; i < gpp.sections.size(); ++i) {
    const GppSection& s = gpp.sections[i];
    if (i) sections += ',';
    Members section(sections);
    section.number("id", s.id);
    if (const char* name = gpp_section_name(s.id)) section.text("name", name);
    else section.null("name");
    section.text("text", s.text);
    std::string& fields = section.add("fields");
    if (s.tcfeuv2) write(fields, *s.tcfeuv2);
    else if (s.us) write(fields, *s.us);
    else if (s.uspv1) write(fields, *s.uspv1);
    else fields += "null";
  }
  sections += ']';
}

nlohmann::json to_json(const TcString& tc) {
  std::string text;
  write_json(text, tc);
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

nlohmann::json to_json(const GppString& gpp) {
  std::string text;
  write_json(text, gpp);
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace privacy
