#include "privacy/disclosure.hpp"

#include "privacy/consent.hpp"

namespace privacy {

using nlohmann::json;

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

json privacy_disclosure(const HouseholdState& s) {
  const auto& policy = s.retention_policy;
  json retention = json::array();
  for (const auto& c : policy.categories) {
    retention.push_back(
        {{"category", std::string(word(c.category))},
         {"purpose", c.purpose},
         {"businessNeed", c.business_need},
         {"childMaxMonths", c.child_max_months},
         {"deletionTimeframe", "deleted at the latest " + std::to_string(c.child_max_months) +
                                   " months after it is recorded, sooner if the parent chooses a "
                                   "shorter setting or deletes it"}});
  }
  json third_parties = json::array();
  for (const auto& t : s.privacy_notice.third_parties)
    third_parties.push_back({{"name", t.name}, {"category", t.category}, {"purpose", t.purpose}});
  json methods = json::array();
  for (const auto& [m, name] : Words<ConsentMethod>::table)
    methods.push_back({{"method", std::string(name)}, {"backsDisclosure", backs_disclosure(m)}});
  return {
      {"household", {{"id", s.household.id}, {"name", s.household.name}}},
      {"noticeVersion", s.privacy_notice.version},
      {"collects", s.privacy_notice.collects},
      {"retention", retention},
      {"inactiveProfiles",
       {{"inactiveAfterMonths", policy.inactive_after_months},
        {"noticeWindowDays", policy.notice_window_days},
        {"text", "A child profile unused for " + std::to_string(policy.inactive_after_months) +
                     " months is flagged and its parent told; " +
                     std::to_string(policy.notice_window_days) +
                     " days later it is deleted with all its data unless the parent keeps it."}}},
      {"thirdParties", third_parties},
      {"disclosureConsent",
       "Disclosure to third parties needs its own consent, separate from consent to collection; "
       "it is off by default and never a condition of using the service."},
      {"consentMethods", methods},
      {"parentsRights",
       json::array({{{"right", "review"},
                     {"how", "See every recording, transcript and derived item on the privacy "
                             "page, or download the child's data as a file."}},
                    {{"right", "delete"},
                     {"how", "Delete one recording, several, a date range, a device or "
                             "everything; every deletion removes all artifacts and is recorded."}},
                    {{"right", "revoke"},
                     {"how", "Withdraw consent at any time: collection stops at once, and you "
                             "choose whether the child's data is deleted now."}}})},
  };
}

std::string privacy_disclosure_html(const json& d) {
  auto text = [](const json& v) { return escape_html(v.get<std::string>()); };
  std::string html = "<article class=\"privacy-disclosure\">\n<h2>Children's privacy disclosure</h2>\n";
  html += "<p>Household: " + text(d["household"]["name"]) + ". Notice version " +
          std::to_string(d["noticeVersion"].get<int>()) + ".</p>\n<h3>What we collect</h3>\n<ul>\n";
  for (const auto& c : d["collects"]) html += "<li>" + text(c) + "</li>\n";
  html += "</ul>\n<h3>Why, and how long we keep it</h3>\n<ul>\n";
  for (const auto& r : d["retention"])
    html += "<li><strong>" + text(r["category"]) + "</strong>: " + text(r["purpose"]) +
            " (business need: " + text(r["businessNeed"]) + "); " + text(r["deletionTimeframe"]) +
            ".</li>\n";
  html += "</ul>\n<p>" + text(d["inactiveProfiles"]["text"]) + "</p>\n<h3>Who receives it</h3>\n";
  if (d["thirdParties"].empty()) {
    html += "<p>No third party receives a child's personal information.</p>\n";
  } else {
    html += "<ul>\n";
    for (const auto& t : d["thirdParties"])
      html += "<li>" + text(t["name"]) + " (" + text(t["category"]) + "): " + text(t["purpose"]) + "</li>\n";
    html += "</ul>\n";
  }
  html += "<p>" + text(d["disclosureConsent"]) + "</p>\n<h3>Your rights</h3>\n<ul>\n";
  for (const auto& r : d["parentsRights"])
    html += "<li><strong>" + text(r["right"]) + "</strong>: " + text(r["how"]) + "</li>\n";
  html += "</ul>\n</article>\n";
  return html;
}

}  // namespace privacy
