#include "util/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace vern {

namespace {
Error file_error(const std::string& path, int err) {
  Error e = Error::failed(std::strerror(err));
  if (err == ENOENT) e.kind = Error::Kind::not_found;
  if (err == EACCES || err == EPERM) e.kind = Error::Kind::permission_denied;
  e.file = path;
  return e;
}

// Reads the open file `fd` (closing it), as read_file promises.
Result<std::string> read_open_file(int fd, const std::string& path, std::size_t max_bytes) {
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return file_error(path, err);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    Error e = Error::failed("not a regular file");
    e.file = path;
    return e;
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    ::close(fd);
    Error e = Error::limit("file is " + std::to_string(st.st_size) + " bytes, over the limit of " +
                           std::to_string(max_bytes));
    e.file = path;
    return e;
  }
  // One byte more than fstat said: when the read stops short at exactly the
  // size fstat gave, the file is whole and no end-of-file probe is needed.
  const auto size = static_cast<std::size_t>(st.st_size);
  std::string out;
  out.resize(std::min(size + 1, max_bytes));
  std::size_t done = 0;
  while (true) {
    if (done == out.size()) {
      // The file grew since fstat: read on, within the limit.
      if (out.size() >= max_bytes) break;
      out.resize(std::min(max_bytes, out.size() + 65536));
    }
    ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return file_error(path, err);
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
    if (done == size && out.size() == size + 1) break;
  }
  ::close(fd);
  out.resize(done);
  return out;
}

}  // namespace

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return file_error(path, errno);
  return read_open_file(fd, path, max_bytes);
}

DirFd::~DirFd() {
  if (m_fd >= 0) ::close(m_fd);
}

Result<std::string> read_file_at(const DirFd& dir, const std::string& name, const std::string& path,
                                 std::size_t max_bytes) {
  int fd = ::openat(dir.get(), name.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
  if (fd < 0) return file_error(path, errno);
  return read_open_file(fd, path, max_bytes);
}

}  // namespace vern
