#include "scan/walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "scan/config.h"
#include "sources/detect.h"
#include "sources/kustomize/patches.h"

namespace vern {

namespace {

// Folders that never hold configuration of the project itself.
bool skipped_dir(const std::string& name) {
  return name == ".git" || name == "node_modules" || name == ".hg" || name == ".svn" ||
         name == "__pycache__" || name == ".venv" || name == ".terraform" || name == ".tox";
}

std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return dir == "." ? "./" + name : name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

std::string normal_path(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

// A kustomization is a few lines; anything far larger is not one to read.
constexpr std::size_t k_max_kustomization_bytes = 1 << 20;

}  // namespace

Walker::Walker(std::vector<std::string> roots, std::vector<std::string> ignore)
    : m_roots(std::move(roots)), m_ignore(std::move(ignore)) {}

bool Walker::ignored(const std::string& path, const std::string& root) const {
  if (m_root_ignore.empty()) return false;
  std::string rel = path;
  if (root != path && path.compare(0, root.size(), root) == 0) {
    rel = path.substr(root.size());
    while (!rel.empty() && rel[0] == '/') rel.erase(0, 1);
  }
  for (const std::string& g : m_root_ignore) {
    if (glob_match(g, path) || glob_match(g, rel)) return true;
  }
  return false;
}

void Walker::add_patches(const DirFd* dir, const std::string& name, const std::string& path) {
  std::string file = join(path, name);
  Result<std::string> text = dir ? read_file_at(*dir, name, file, k_max_kustomization_bytes)
                                 : read_file(file, k_max_kustomization_bytes);
  // An unreadable kustomization names no patches; the file is reported (or
  // skipped) on its own when the walk reaches it.
  if (!text) return;
  for (const std::string& patch : kustomize_patch_paths(*text)) {
    m_patches.insert(normal_path(join(path, patch)));
  }
}

bool Walker::is_patch(const std::string& path) const {
  return !m_patches.empty() && m_patches.count(normal_path(path)) > 0;
}

std::optional<Error> Walker::open_dir(const DirFd* parent, const std::string& name,
                                      const std::string& path, const std::string& root) {
  auto fail = [&] {
    Error e = Error::failed(std::string("cannot read folder: ") + std::strerror(errno));
    e.file = path;
    return e;
  };
  constexpr int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
  int fd = parent ? ::openat(parent->get(), name.c_str(), flags | O_NOFOLLOW)
                  : ::open(path.c_str(), flags);
  if (fd < 0) return fail();
  Dir dir;
  dir.fd = std::make_shared<const DirFd>(fd);
  dir.path = path;
  dir.root = root;
  // Entries straight from the kernel into a buffer of our own: a DIR stream
  // would need a second descriptor, since closing it closes its own.
  alignas(dirent64) char buf[32768];
  while (true) {
    ssize_t n = ::getdents64(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail();
    if (n == 0) break;
    for (ssize_t at = 0; at < n;) {
      const auto* ent = reinterpret_cast<const dirent64*>(buf + at);
      at += ent->d_reclen;
      std::string entry = ent->d_name;
      if (entry == "." || entry == "..") continue;
      dir.names.emplace_back(std::move(entry), ent->d_type);
    }
  }
  std::sort(dir.names.begin(), dir.names.end());
  for (const auto& [entry, type] : dir.names) {
    if (is_kustomization_name(entry)) add_patches(dir.fd.get(), entry, path);
  }
  m_stack.push_back(std::move(dir));
  return std::nullopt;
}

std::optional<WalkItem> Walker::next(std::optional<Error>& error) {
  error.reset();
  while (true) {
    if (m_stack.empty()) {
      if (m_next_root >= m_roots.size()) return std::nullopt;
      const std::string& root = m_roots[m_next_root++];
      struct stat st;
      if (::stat(root.c_str(), &st) != 0) {
        Error e = Error::not_found(std::string("cannot scan: ") + std::strerror(errno));
        e.file = root;
        error = std::move(e);
        return std::nullopt;
      }
      if (S_ISDIR(st.st_mode)) {
        m_root_ignore.clear();
        for (const std::string& g : m_ignore) {
          if (!glob_match(g, root)) m_root_ignore.push_back(g);
        }
        if (auto e = open_dir(nullptr, root, root, root)) {
          error = std::move(e);
          return std::nullopt;
        }
        continue;
      }
      // A file named on its own is a patch when a kustomization in its
      // folder, or up to two folders above (overlays keep their patches
      // close), says so.
      std::filesystem::path dir = std::filesystem::path(root).lexically_normal().parent_path();
      for (int up = 0; up < 3; ++up) {
        const std::string parent = dir.empty() ? std::string(".") : dir.generic_string();
        if (m_kustomize_dirs_read.insert(parent).second) {
          for (std::string_view name : k_kustomization_names) {
            add_patches(nullptr, std::string(name), parent);
          }
        }
        if (dir.empty() || dir == dir.root_path()) break;
        dir = dir.parent_path();
      }
      return WalkItem{root, true, nullptr, {}, is_patch(root)};
    }
    Dir& top = m_stack.back();
    if (top.index >= top.names.size()) {
      m_stack.pop_back();
      continue;
    }
    const auto& [name, type] = top.names[top.index++];
    std::string path = join(top.path, name);
    std::string root = top.root;
    std::shared_ptr<const DirFd> dir_fd = top.fd;  // `top` moves when a folder is pushed
    // Links are not followed: a walk must not loop or leave the tree. The
    // dirent's type saves an lstat per entry where the file system gives it.
    mode_t mode = DTTOIF(type);
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (::fstatat(dir_fd->get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
      mode = st.st_mode;
    }
    if (S_ISLNK(mode)) continue;
    if (ignored(path, root)) continue;
    if (S_ISDIR(mode)) {
      if (skipped_dir(name)) continue;
      if (auto e = open_dir(dir_fd.get(), name, path, root)) {
        error = std::move(e);
        return std::nullopt;
      }
      continue;
    }
    if (!S_ISREG(mode) || !worth_reading(path)) continue;
    bool patch = is_patch(path);
    return WalkItem{std::move(path), false, std::move(dir_fd), name, patch};
  }
}

}  // namespace vern
