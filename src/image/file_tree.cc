#include "image/file_tree.h"

namespace vern {

namespace {
constexpr int k_max_links = 40;
}

void FileTree::note_removed(const std::string& path, const TreeNode& node, int by_layer) {
  if (node.entry && !node.entry->secret_kind.empty()) {
    m_removed.push_back({path, node.entry->secret_kind, node.layer, by_layer});
  }
}

void FileTree::remove(const std::string& path, bool keep_self, int by_layer) {
  if (!keep_self) {
    auto it = m_nodes.find(path);
    if (it != m_nodes.end()) {
      note_removed(it->first, it->second, by_layer);
      m_nodes.erase(it);
    }
  }
  std::string prefix = path.empty() ? "" : path + '/';
  auto it = m_nodes.lower_bound(prefix);
  while (it != m_nodes.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
    if (it->first.empty()) {  // the root itself is never removed
      ++it;
      continue;
    }
    note_removed(it->first, it->second, by_layer);
    it = m_nodes.erase(it);
  }
}

void FileTree::apply(int index, const LayerScan& layer) {
  for (const LayerEntry& e : layer.entries) {
    if (e.whiteout) remove(e.path, false, index);
    if (e.opaque) remove(e.path, true, index);
  }
  for (const LayerEntry& e : layer.entries) {
    if (e.whiteout) continue;
    if (e.opaque) {
      // An opaque marker in a directory that has no entry of its own still
      // makes the directory exist.
      if (!m_nodes.count(e.path)) {
        m_nodes[e.path] = TreeNode{&e, &e, index};
      }
      continue;
    }
    TreeNode node{&e, &e, index};
    if (e.type == EntryType::hardlink) {
      auto target = m_nodes.find(e.link);
      if (target == m_nodes.end() || target->second.entry->type == EntryType::dir) {
        if (m_skipped.size() < 100) {
          m_skipped.push_back(e.path + ": hard link to '" + e.link +
                              "', which is not a file in the image");
        }
        continue;
      }
      node.data = target->second.data;
    }
    auto it = m_nodes.find(e.path);
    if (it != m_nodes.end()) {
      const TreeNode& old = it->second;
      if (old.entry->type == EntryType::dir && e.type != EntryType::dir) {
        remove(e.path, true, index);
      }
      if (old.data && !old.data->secret_kind.empty() && node.data->secret_kind.empty()) {
        m_removed.push_back({e.path, old.data->secret_kind, old.layer, index});
      }
    }
    m_nodes[e.path] = node;
  }
}

Result<const TreeNode*> FileTree::lookup(std::string_view path, bool follow_last) const {
  std::string pending(path);  // components still to walk
  std::string done;           // resolved prefix
  int links = 0;
  const TreeNode* node = nullptr;
  while (!pending.empty()) {
    std::size_t slash = pending.find('/');
    std::string part = pending.substr(0, slash);
    pending = slash == std::string::npos ? "" : pending.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      std::size_t s = done.rfind('/');
      done.erase(s == std::string::npos ? 0 : s);
      node = nullptr;
      continue;
    }
    std::string next = done.empty() ? part : done + '/' + part;
    auto it = m_nodes.find(next);
    bool last = pending.empty();
    if (it == m_nodes.end()) {
      // Layers may omit directory entries: a path with entries below it is
      // an implicit directory.
      auto below = m_nodes.lower_bound(next + '/');
      bool implicit_dir =
          below != m_nodes.end() && below->first.compare(0, next.size() + 1, next + '/') == 0;
      if (!implicit_dir || last) return Error::not_found("/" + next + ": not in the image");
      node = nullptr;
      done = next;
      continue;
    }
    node = &it->second;
    if (node->entry->type == EntryType::symlink && (!last || follow_last)) {
      if (++links > k_max_links) return Error::invalid("/" + std::string(path) + ": symlink loop");
      const std::string& target = node->entry->link;
      if (!target.empty() && target.front() == '/') done.clear();
      pending = pending.empty() ? target : target + '/' + pending;
      node = nullptr;
      continue;
    }
    done = next;
  }
  if (!node) {
    auto it = m_nodes.find(done);
    if (it == m_nodes.end()) return Error::not_found("/" + done + ": not in the image");
    node = &it->second;
  }
  return node;
}

void FileTree::for_each_below(
    std::string_view dir,
    const std::function<void(const std::string&, const TreeNode&)>& fn) const {
  std::string prefix = dir.empty() ? "" : std::string(dir) + '/';
  for (auto it = m_nodes.lower_bound(prefix);
       it != m_nodes.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    if (!it->first.empty()) fn(it->first, it->second);
  }
}

}  // namespace vern
