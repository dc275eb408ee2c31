// ByteSource: a pull stream of bytes (a file, memory, an archive entry, a
// daemon export). Image readers consume blobs through it so that one reader
// serves files, in-memory fuzz input and streams alike.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "util/result.h"

namespace vern {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Makes the next bytes available: a view that stays valid until the next
  // call. An empty view means the end of the stream.
  virtual Result<std::string_view> next() = 0;
};

// Reads a file in large blocks. Owns the descriptor.
class FileSource final : public ByteSource {
 public:
  // Opens `path` for reading; not_found / permission_denied / failed errors.
  static Result<std::unique_ptr<FileSource>> open(const std::string& path);
  explicit FileSource(int fd);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  Result<std::string_view> next() override;

 private:
  int m_fd = -1;
  std::string m_buf;
};

// Serves a view once. The bytes are not owned and must outlive the source.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : m_data(data) {}
  Result<std::string_view> next() override {
    std::string_view out = m_data;
    m_data = {};
    return out;
  }

 private:
  std::string_view m_data;
};

}  // namespace vern
