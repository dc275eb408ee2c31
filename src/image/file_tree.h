// FileTree: the final filesystem of an image as a container sees it, built by
// applying layers bottom-up with OCI whiteout semantics, without extracting
// anything. Nodes point into the layers' scans, which must outlive the tree.
//
// Whiteouts of a layer apply to the layers below it only (they are applied
// before the layer's own entries). A hard link takes its target's content;
// one whose target does not exist is skipped and reported. Lookups follow
// symlinks inside the image root: ".." stops at the root, as it does for a
// process chrooted there, and more than 40 links is a loop.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "image/layer.h"
#include "util/result.h"

namespace vern {

struct TreeNode {
  const LayerEntry* entry = nullptr;  // metadata of the path itself
  const LayerEntry* data = nullptr;   // where the content lives (hard link target)
  int layer = -1;                     // the layer that last wrote the path
};

// A file whose path a later layer removed or overwrote while it was a secret.
struct RemovedSecret {
  std::string path;  // normalised layer path
  std::string kind;
  int added_layer = -1;
  int removed_layer = -1;
};

class FileTree {
 public:
  // Applies layer `index` (REQUIRES: layers applied in increasing order).
  void apply(int index, const LayerScan& layer);

  // The node at `path` (normalised), following symlinks in every component and,
  // when follow_last, in the last one. not_found, or invalid_input for a loop.
  Result<const TreeNode*> lookup(std::string_view path, bool follow_last = true) const;

  // Every node, in path order.
  const std::map<std::string, TreeNode, std::less<>>& nodes() const { return m_nodes; }
  // Nodes strictly below directory `dir` ("" for all), in path order.
  void for_each_below(std::string_view dir,
                      const std::function<void(const std::string&, const TreeNode&)>& fn) const;

  const std::vector<RemovedSecret>& removed_secrets() const { return m_removed; }
  const std::vector<std::string>& skipped() const { return m_skipped; }

 private:
  void remove(const std::string& path, bool keep_self, int by_layer);
  void note_removed(const std::string& path, const TreeNode& node, int by_layer);

  std::map<std::string, TreeNode, std::less<>> m_nodes;
  std::vector<RemovedSecret> m_removed;
  std::vector<std::string> m_skipped;
};

}  // namespace vern
