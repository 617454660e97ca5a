#include "digest.hpp"

#include <algorithm>

namespace privacy {

// Sizes every level for count_ items; new nodes start dirty.
void TreeDigest::shape() {
  std::size_t nodes = (count_ + kFanout - 1) / kFanout;
  std::size_t level = 0;
  for (;; ++level) {
    if (levels_.size() <= level) {
      levels_.emplace_back();
      dirty_.emplace_back();
    }
    std::size_t before = levels_[level].size();
    levels_[level].resize(nodes);
    dirty_[level].resize(nodes, true);
    if (nodes > before && before > 0) dirty_[level][before - 1] = true;  // a partial node grew
    if (nodes <= 1) break;
    nodes = (nodes + kFanout - 1) / kFanout;
  }
  levels_.resize(level + 1);
  dirty_.resize(level + 1);
}

void TreeDigest::reset(std::size_t count) {
  count_ = count;
  levels_.assign(1, {});
  dirty_.assign(1, {});
  shape();
  for (auto& d : dirty_) std::fill(d.begin(), d.end(), true);
}

void TreeDigest::touch(std::size_t index) {
  if (index >= count_) return;
  dirty_.front()[index / kFanout] = true;
}

void TreeDigest::resize(std::size_t count) {
  std::size_t old = count_;
  count_ = count;
  shape();
  // The chunk that holds the new last item (or the cut) changed.
  if (count > 0) dirty_.front()[(count - 1) / kFanout] = true;
  if (old > 0 && old < count) dirty_.front()[(old - 1) / kFanout] = true;
}

void TreeDigest::mark_parent(std::size_t level, std::size_t node) {
  if (level + 1 < levels_.size()) dirty_[level + 1][node / kFanout] = true;
}

Digest TreeDigest::combine() {
  for (std::size_t level = 1; level < levels_.size(); ++level) {
    const auto& below = levels_[level - 1];
    for (std::size_t n = 0; n < levels_[level].size(); ++n) {
      if (!dirty_[level][n]) continue;
      Sha256 h;
      std::size_t end = std::min(below.size(), (n + 1) * kFanout);
      for (std::size_t c = n * kFanout; c < end; ++c)
        h.update({reinterpret_cast<const char*>(below[c].data()), below[c].size()});
      levels_[level][n] = h.finish();
      dirty_[level][n] = false;
      mark_parent(level, n);
    }
  }
  Sha256 root;
  std::string prefix = std::to_string(count_) + ":";
  root.update(prefix);
  if (count_ > 0) {
    const Digest& top = levels_.back().front();
    root.update({reinterpret_cast<const char*>(top.data()), top.size()});
  }
  return root.finish();
}

}  // namespace privacy
