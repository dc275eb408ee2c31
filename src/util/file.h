// Bounded file reading: untrusted input is never read past a limit.
#pragma once

#include <cstddef>
#include <string>

#include "util/result.h"

namespace vern {

// The whole content of the regular file at `path`, or an error when it cannot
// be read (not_found / permission_denied / failed) or is larger than
// `max_bytes` (limit_exceeded). The error's file is set to `path`.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes);

// A folder held open so that files in it are opened by name, without the
// kernel walking the whole path again for each. Closed when destroyed.
class DirFd {
 public:
  explicit DirFd(int fd) : m_fd(fd) {}
  ~DirFd();
  DirFd(const DirFd&) = delete;
  DirFd& operator=(const DirFd&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

// As read_file, for the file `name` in the open folder `dir`; `path` (the
// folder's path joined with `name`) is what errors name. A symbolic link is
// not followed (an error), so the file read is the one the folder listed.
Result<std::string> read_file_at(const DirFd& dir, const std::string& name, const std::string& path,
                                 std::size_t max_bytes);

}  // namespace vern
