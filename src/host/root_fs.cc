#include "host/root_fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace vern::host {

namespace {

// "/x//" -> "/x"; "" or "///" -> "/".
std::string normalize_root(std::string root) {
  std::size_t end = root.find_last_not_of('/');
  return end == std::string::npos ? std::string(1, '/') : root.substr(0, end + 1);
}

}  // namespace

RootFs::RootFs(std::string root) : m_root(normalize_root(std::move(root))) {}

std::string RootFs::resolve(std::string_view path) const {
  if (m_root == "/") return std::string(path);
  std::string rel(path);
  if (rel.empty() || rel.front() != '/') rel.insert(rel.begin(), '/');
  return m_root + rel;
}

std::optional<std::string> RootFs::read(std::string_view path, std::size_t max_bytes) const {
  int fd = ::open(resolve(path).c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  std::string out;
  char buf[8192];
  bool failed = false;
  while (out.size() < max_bytes) {
    ssize_t n = ::read(fd, buf, std::min(sizeof(buf), max_bytes - out.size()));
    if (n < 0) {
      failed = out.empty();
      break;
    }
    if (n == 0) break;
    out.append(buf, std::size_t(n));
  }
  ::close(fd);
  if (failed) return std::nullopt;
  return out;
}

std::optional<std::string> RootFs::read_line(std::string_view path) const {
  std::optional<std::string> text = read(path, 4096);
  if (!text) return std::nullopt;
  std::string line = text->substr(0, text->find('\n'));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
    line.pop_back();
  std::size_t start = line.find_first_not_of(" \t");
  return start == std::string::npos ? std::string() : line.substr(start);
}

bool RootFs::exists(std::string_view path) const {
  struct stat st;
  return ::stat(resolve(path).c_str(), &st) == 0;
}

std::vector<std::string> RootFs::list(std::string_view path) const {
  std::vector<std::string> out;
  DIR* d = ::opendir(resolve(path).c_str());
  if (!d) return out;
  while (dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name != "." && name != "..") out.emplace_back(name);
  }
  ::closedir(d);
  return out;
}

}  // namespace vern::host
