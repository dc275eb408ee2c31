// Walker: yields the files to scan, lazily and in a stable order (each folder's
// entries sorted by name), so memory does not grow with the tree.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "util/file.h"
#include "util/result.h"

namespace vern {

struct WalkItem {
  std::string path;
  bool explicit_path = false;  // named on the command line (not found by walking)
  // Found by walking: the folder it was listed in, held open, and its name
  // there, so that it is opened without walking `path` again.
  std::shared_ptr<const DirFd> dir;
  std::string name;
  // Listed as a patch by a kustomization the walk has met: its folder's or
  // one above it (a patch that a later sibling folder's kustomization names
  // is read as a manifest). Not a manifest on its own.
  bool kustomize_patch = false;
};

class Walker {
 public:
  // `roots`: files and folders as given. `ignore`: globs (config ignore_paths)
  // matched against the path and the path relative to its root. A root is
  // scanned even when a pattern covers it (the user named it): such patterns
  // are not applied below that root.
  Walker(std::vector<std::string> roots, std::vector<std::string> ignore);

  // The next file, or nullopt at the end. Errors (a root that does not exist,
  // an unreadable folder) are reported through `error` and the walk goes on.
  std::optional<WalkItem> next(std::optional<Error>& error);

 private:
  struct Dir {
    std::shared_ptr<const DirFd> fd;
    std::string path;
    std::string root;
    // Sorted by name; the type is the dirent's (DT_UNKNOWN when the file
    // system does not say, then lstat decides).
    std::vector<std::pair<std::string, unsigned char>> names;
    size_t index = 0;
  };
  bool ignored(const std::string& path, const std::string& root) const;
  // Lists the folder `name` of the open folder `parent` (or `path` itself
  // when `parent` is null) onto the stack.
  std::optional<Error> open_dir(const DirFd* parent, const std::string& name,
                                const std::string& path, const std::string& root);

  std::vector<std::string> m_roots;
  size_t m_next_root = 0;
  std::vector<std::string> m_ignore;
  std::vector<std::string> m_root_ignore;  // m_ignore minus the patterns covering the current root
  std::vector<Dir> m_stack;
  // Patch files named by the kustomizations met so far, as normal paths.
  std::unordered_set<std::string> m_patches;
  // Folders above files named on their own whose kustomizations were read.
  std::unordered_set<std::string> m_kustomize_dirs_read;
  // Adds the patches of the kustomization `name` in the folder `path`.
  void add_patches(const DirFd* dir, const std::string& name, const std::string& path);
  bool is_patch(const std::string& path) const;
};

}  // namespace vern
