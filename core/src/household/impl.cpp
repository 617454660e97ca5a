#include "impl.hpp"

#include <algorithm>

#include "../json/codec.hpp"

namespace privacy {

namespace {
template <class T>
const T* at(const IdIndex& index, const std::vector<T>& items, std::string_view id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

template <class T, class Key>
void index_all(IdIndex& index, const std::vector<T>& items, Key key) {
  index.clear();
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(key(items[i]), static_cast<std::uint32_t>(i));
}
}  // namespace

const Guardian* Household::Impl::guardian(std::string_view id) const { return at(guardian_at, s.guardians, id); }
const Device* Household::Impl::device(std::string_view id) const { return at(device_at, s.devices, id); }
const Profile* Household::Impl::profile(std::string_view id) const { return at(profile_at, s.profiles, id); }
const Recording* Household::Impl::recording(std::string_view id) const { return at(recording_at, s.recordings, id); }
const Tombstone* Household::Impl::tombstone(std::string_view id) const { return at(tombstone_at, s.tombstones, id); }
const DeletionReceipt* Household::Impl::receipt(std::string_view id) const { return at(receipt_at, s.receipts, id); }

std::optional<std::uint32_t> Household::Impl::profile_slot(std::string_view id) const {
  auto it = profile_at.find(id);
  if (it == profile_at.end()) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> Household::Impl::recording_slot(std::string_view id) const {
  auto it = recording_at.find(id);
  if (it == recording_at.end()) return std::nullopt;
  return it->second;
}

bool Household::Impl::actor_id_taken(std::string_view id) const {
  return id == kOperator || id == kSystem || id.substr(0, kSupportPrefix.size()) == kSupportPrefix ||
         id.substr(0, kDevicePrefix.size()) == kDevicePrefix || guardian(id) || profile(id) ||
         removed_profile(id);
}

Acting Household::Impl::resolve(const Actor& actor) const {
  Acting a{ActorKind::other_household, actor.id, std::nullopt};
  const std::string& id = actor.id;
  if (id == kOperator) {
    a.kind = ActorKind::operator_;
  } else if (id == kSystem) {
    a.kind = ActorKind::system;
  } else if (id.size() > kSupportPrefix.size() && id.compare(0, kSupportPrefix.size(), kSupportPrefix) == 0) {
    // R-INT-5: a support agent has an id and acts only on a verified
    // guardian's request, which then goes on everything it causes.
    const Guardian* g = actor.on_behalf_of ? guardian(*actor.on_behalf_of) : nullptr;
    if (g && g->verified) {
      a.kind = ActorKind::support_with_request;
      a.on_behalf_of = actor.on_behalf_of;
    } else {
      a.kind = ActorKind::support_without_request;
    }
  } else if (id.compare(0, kDevicePrefix.size(), kDevicePrefix) == 0) {
    if (device(std::string_view(id).substr(kDevicePrefix.size()))) a.kind = ActorKind::device;
  } else if (const Guardian* g = guardian(id)) {
    a.kind = g->verified ? ActorKind::verified_guardian : ActorKind::unverified_guardian;
  } else if (const Profile* p = profile(id)) {
    a.kind = p->kind == ProfileKind::child ? ActorKind::child
             : p->kind == ProfileKind::teen ? ActorKind::teen
                                            : ActorKind::adult;
  }
  return a;
}

std::string Household::Impl::fresh_request_id(const std::string& base) const {
  if (!receipt(base)) return base;
  for (std::size_t n = 2;; ++n) {
    std::string id = base + "-" + std::to_string(n);
    if (!receipt(id)) return id;
  }
}

void Household::Impl::add_guardian(Guardian g) {
  guardian_at.emplace(g.id, static_cast<std::uint32_t>(s.guardians.size()));
  s.guardians.push_back(std::move(g));
  guardians_d.resize(s.guardians.size());
}

void Household::Impl::add_device(Device d) {
  device_at.emplace(d.id, static_cast<std::uint32_t>(s.devices.size()));
  s.devices.push_back(std::move(d));
  devices_d.resize(s.devices.size());
}

Device& Household::Impl::edit_device(std::uint32_t slot) {
  devices_d.touch(slot);
  return s.devices[slot];
}

void Household::Impl::add_profile(Profile p) {
  profile_at.emplace(p.id, static_cast<std::uint32_t>(s.profiles.size()));
  s.profiles.push_back(std::move(p));
  profiles_d.resize(s.profiles.size());
}

Profile& Household::Impl::edit_profile(std::uint32_t slot) {
  profiles_d.touch(slot);
  return s.profiles[slot];
}

void Household::Impl::erase_profile(std::uint32_t slot) {
  profile_at.erase(s.profiles[slot].id);
  s.profiles.erase(s.profiles.begin() + slot);
  for (std::size_t i = slot; i < s.profiles.size(); ++i) {
    profile_at[s.profiles[i].id] = static_cast<std::uint32_t>(i);
    profiles_d.touch(i);
  }
  profiles_d.resize(s.profiles.size());
  for (auto& p : rec_profile)
    if (p > slot) --p;
}

void Household::Impl::add_recordings(std::vector<Recording> batch) {
  s.recordings.reserve(s.recordings.size() + batch.size());
  rec_profile.reserve(s.recordings.size() + batch.size());
  for (auto& r : batch) {
    auto slot = static_cast<std::uint32_t>(s.recordings.size());
    rec_profile.push_back(profile_at.find(r.profile_id)->second);
    recording_at.emplace(r.id, slot);
    s.recordings.push_back(std::move(r));
  }
  recordings_d.resize(s.recordings.size());
}

void Household::Impl::tombstone(const std::vector<std::uint32_t>& slots, const std::string& request_id,
                                Instant at) {
  if (slots.empty()) return;
  s.tombstones.reserve(s.tombstones.size() + slots.size());
  for (auto slot : slots) {
    const Recording& r = s.recordings[slot];
    tombstone_at.emplace(r.id, static_cast<std::uint32_t>(s.tombstones.size()));
    s.tombstones.push_back({r.id, r.profile_id, at, request_id});
    recording_at.erase(r.id);
  }
  tombstones_d.resize(s.tombstones.size());
  auto& recs = s.recordings;
  // A few: each swapped with the last, so one deletion costs O(1). Many: one
  // ordered compaction. Both are deterministic, so every build agrees.
  constexpr std::size_t kSwapAtMost = 64;
  if (slots.size() <= kSwapAtMost) {
    for (auto it = slots.rbegin(); it != slots.rend(); ++it) {
      std::uint32_t i = *it;
      std::uint32_t last = static_cast<std::uint32_t>(recs.size() - 1);
      if (i != last) {
        recs[i] = std::move(recs[last]);
        rec_profile[i] = rec_profile[last];
        recording_at[recs[i].id] = i;
        recordings_d.touch(i);
      }
      recs.pop_back();
      rec_profile.pop_back();
    }
  } else {
    std::size_t kept = slots.front(), next = 0;
    for (std::size_t i = slots.front(); i < recs.size(); ++i) {
      if (next < slots.size() && slots[next] == i) {
        ++next;
        continue;
      }
      recs[kept] = std::move(recs[i]);
      rec_profile[kept] = rec_profile[i];
      recording_at[recs[kept].id] = static_cast<std::uint32_t>(kept);
      recordings_d.touch(kept);
      ++kept;
    }
    recs.resize(kept);
    rec_profile.resize(kept);
  }
  recordings_d.resize(recs.size());
}

void Household::Impl::add_receipt(DeletionReceipt r) {
  receipt_at.emplace(r.request_id, static_cast<std::uint32_t>(s.receipts.size()));
  s.receipts.push_back(std::move(r));
  receipts_d.resize(s.receipts.size());
}

void Household::Impl::add_removed_profile(RemovedProfile r) {
  removed_at.emplace(r.profile_id, static_cast<std::uint32_t>(s.removed_profiles.size()));
  s.removed_profiles.push_back(std::move(r));
  removed_d.resize(s.removed_profiles.size());
}

void Household::Impl::rebuild() {
  index_all(guardian_at, s.guardians, [](const Guardian& g) { return g.id; });
  index_all(device_at, s.devices, [](const Device& d) { return d.id; });
  index_all(profile_at, s.profiles, [](const Profile& p) { return p.id; });
  index_all(recording_at, s.recordings, [](const Recording& r) { return r.id; });
  index_all(tombstone_at, s.tombstones, [](const Tombstone& t) { return t.recording_id; });
  index_all(receipt_at, s.receipts, [](const DeletionReceipt& r) { return r.request_id; });
  index_all(removed_at, s.removed_profiles, [](const RemovedProfile& r) { return r.profile_id; });
  rec_profile.resize(s.recordings.size());
  for (std::size_t i = 0; i < s.recordings.size(); ++i) {
    auto it = profile_at.find(s.recordings[i].profile_id);
    rec_profile[i] = it == profile_at.end() ? 0 : it->second;
  }
  guardians_d.reset(s.guardians.size());
  devices_d.reset(s.devices.size());
  profiles_d.reset(s.profiles.size());
  recordings_d.reset(s.recordings.size());
  tombstones_d.reset(s.tombstones.size());
  removed_d.reset(s.removed_profiles.size());
  receipts_d.reset(s.receipts.size());
}

namespace {

std::string header_text(const HouseholdState& s) {
  std::string out = "{\"household\":";
  json::write_value(out, s.household);
  out += ",\"retentionPolicy\":";
  json::write_value(out, s.retention_policy);
  out += ",\"privacyNotice\":";
  json::write_value(out, s.privacy_notice);
  out += ",\"jurisdictionPolicy\":";
  json::write_value(out, s.jurisdiction_policy);
  out += '}';
  return out;
}

template <class T>
Digest root_of(TreeDigest& tree, const std::vector<T>& items) {
  return tree.root([&](std::size_t i, std::string& out) { json::write_value(out, items[i]); });
}

template <class Roots>
std::string combine(const HouseholdState& s, Roots&& roots) {
  Sha256 h;
  h.update("family-privacy/state/3\n");
  h.update(header_text(s));
  h.update("\n");
  auto line = [&](const char* name, std::size_t count, const Digest& root) {
    h.update(std::string(name) + ":" + std::to_string(count) + ":" + to_hex(root) + "\n");
  };
  roots(line);
  return to_hex(h.finish());
}

}  // namespace

std::string Household::Impl::digest() {
  return combine(s, [&](auto& line) {
    line("guardians", s.guardians.size(), root_of(guardians_d, s.guardians));
    line("devices", s.devices.size(), root_of(devices_d, s.devices));
    line("profiles", s.profiles.size(), root_of(profiles_d, s.profiles));
    line("recordings", s.recordings.size(), root_of(recordings_d, s.recordings));
    line("tombstones", s.tombstones.size(), root_of(tombstones_d, s.tombstones));
    line("removedProfiles", s.removed_profiles.size(), root_of(removed_d, s.removed_profiles));
    line("receipts", s.receipts.size(), root_of(receipts_d, s.receipts));
  });
}

std::string Household::Impl::digest_from_scratch() const {
  auto fresh = [](const auto& items) {
    TreeDigest tree;
    tree.reset(items.size());
    return root_of(tree, items);
  };
  return combine(s, [&](auto& line) {
    line("guardians", s.guardians.size(), fresh(s.guardians));
    line("devices", s.devices.size(), fresh(s.devices));
    line("profiles", s.profiles.size(), fresh(s.profiles));
    line("recordings", s.recordings.size(), fresh(s.recordings));
    line("tombstones", s.tombstones.size(), fresh(s.tombstones));
    line("removedProfiles", s.removed_profiles.size(), fresh(s.removed_profiles));
    line("receipts", s.receipts.size(), fresh(s.receipts));
  });
}

}  // namespace privacy
