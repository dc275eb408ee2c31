#include "image/byte_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vern {

namespace {
constexpr std::size_t k_block = 256 * 1024;
}

Result<std::unique_ptr<FileSource>> FileSource::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    Error err = Error::failed(path + ": " + std::strerror(e));
    if (e == ENOENT) err.kind = Error::Kind::not_found;
    if (e == EACCES || e == EPERM) err.kind = Error::Kind::permission_denied;
    return err;
  }
  return std::make_unique<FileSource>(fd);
}

FileSource::FileSource(int fd) : m_fd(fd) {}

FileSource::~FileSource() {
  if (m_fd >= 0) ::close(m_fd);
}

Result<std::string_view> FileSource::next() {
  m_buf.resize(k_block);
  for (;;) {
    ssize_t n = ::read(m_fd, m_buf.data(), m_buf.size());
    if (n >= 0) return std::string_view(m_buf.data(), std::size_t(n));
    if (errno == EINTR) continue;
    return Error::failed(std::string("read failed: ") + std::strerror(errno));
  }
}

}  // namespace vern
