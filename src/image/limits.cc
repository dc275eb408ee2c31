#include "image/limits.h"

namespace vern {

Status Budget::add_bytes(std::uint64_t n) {
  m_bytes += n;
  if (m_bytes > m_limits.max_bytes) {
    return Error::limit("image is larger than the limit of " + std::to_string(m_limits.max_bytes) +
                        " uncompressed bytes (raise it with --max-bytes)");
  }
  return Status::success();
}

Status Budget::add_file() {
  if (++m_files > m_limits.max_files) {
    return Error::limit("image holds more than the limit of " + std::to_string(m_limits.max_files) +
                        " files (raise it with --max-files)");
  }
  return Status::success();
}

}  // namespace vern
