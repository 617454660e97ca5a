#pragma once
// The state digest (R-INT-3): SHA-256 over the canonical export, computed so
// that a command pays for what it touched, not for the whole household.
//
// Each collection (guardians, devices, profiles, recordings, tombstones,
// removedProfiles, receipts) is a tree: a leaf is SHA-256 of the canonical
// JSON of 32 consecutive items as exportState writes them, concatenated; a
// node is SHA-256 of up to 32 child hashes (raw bytes); the collection's root
// is SHA-256 of "<count>:" followed by the top node (of "0:" when empty).
// The state digest is SHA-256 of
//   "family-privacy/state/3\n" <header> "\n"
//   and for each collection in that order: "<name>:<count>:<root hex>\n"
// where <header> is the canonical JSON of {household, retentionPolicy,
// privacyNotice, jurisdictionPolicy}. docs/design.md gives the same recipe; tests/js recompute
// it from an export.
#include <cstddef>
#include <string>
#include <vector>

#include "../sha256.hpp"

namespace privacy {

class TreeDigest {
 public:
  static constexpr std::size_t kFanout = 32;

  // Every item is new (after an import).
  void reset(std::size_t count);
  // Item `index` changed (or moved into place).
  void touch(std::size_t index);
  // The collection now has `count` items: a grown tail or a cut one.
  void resize(std::size_t count);
  std::size_t size() const { return count_; }

  // `text(i, out)` appends item i's canonical JSON to out.
  template <class Text>
  Digest root(Text&& text) {
    refresh_leaves(text);
    return combine();
  }

 private:
  template <class Text>
  void refresh_leaves(Text& text) {
    std::string buffer;
    auto& leaves = levels_.front();
    for (std::size_t c = 0; c < leaves.size(); ++c) {
      if (!dirty_.front()[c]) continue;
      buffer.clear();
      std::size_t end = std::min(count_, (c + 1) * kFanout);
      for (std::size_t i = c * kFanout; i < end; ++i) text(i, buffer);
      Sha256 h;
      h.update(buffer);
      leaves[c] = h.finish();
      dirty_.front()[c] = false;
      mark_parent(0, c);
    }
  }
  void shape();
  void mark_parent(std::size_t level, std::size_t node);
  Digest combine();

  std::size_t count_ = 0;
  std::vector<std::vector<Digest>> levels_{1};
  std::vector<std::vector<bool>> dirty_{1};
};

}  // namespace privacy
