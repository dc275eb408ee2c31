// RootFs: read-only access to the files collectors look at, below a root
// folder ("/" on a live host, a fixture tree in tests), so every collector
// can be tested on files instead of the machine it runs on.
// Reads are bounded; a missing or unreadable file is "no answer", not an error.
// Thread safety: immutable, safe to share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vern::host {

class RootFs {
 public:
  // `root` is a folder; "/" (the default) means the live system.
  explicit RootFs(std::string root = "/");

  // The real path of `path` (an absolute path on the inspected system).
  std::string resolve(std::string_view path) const;
  // At most `max_bytes` of the file, or nullopt when it cannot be read.
  std::optional<std::string> read(std::string_view path, std::size_t max_bytes = 256 * 1024) const;
  // The first line of the file without its newline and surrounding blanks.
  std::optional<std::string> read_line(std::string_view path) const;
  bool exists(std::string_view path) const;
  // Names in a folder (no "." or ".."), unsorted; empty when unreadable.
  std::vector<std::string> list(std::string_view path) const;
  bool is_live() const { return m_root == "/"; }

 private:
  std::string m_root;
};

}  // namespace vern::host
