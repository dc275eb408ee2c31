// ImageLimits and Budget: the bounds every image read runs under. Images are
// hostile input: a gzip bomb, a million tiny files or a 1 GB sparse file must
// end in a clear limit error, never in unbounded memory or time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "util/result.h"

namespace vern {

struct ImageLimits {
  // Uncompressed bytes read across all layers (and the outer archive).
  // Default: 16 GiB.
  std::uint64_t max_bytes = std::uint64_t(16) << 30;
  // Layer entries across all layers. Default: 2,000,000.
  std::uint64_t max_files = 2'000'000;
  // Bytes of one entry path. Longer entries are skipped and reported. Default: 4096.
  std::size_t max_path = 4096;
  // Largest file whose content is kept in memory (package databases, credential
  // files). Larger ones are skipped and reported. Default: 256 MiB.
  std::uint64_t max_kept_file = std::uint64_t(256) << 20;
  // Largest regular file searched for a private key. Default: 1 MiB.
  std::uint64_t max_key_scan = std::uint64_t(1) << 20;
  // Largest JSON document (manifest, index, config). Default: 16 MiB.
  std::uint64_t max_json = std::uint64_t(16) << 20;
  // Layers in one image. Default: 1000.
  std::size_t max_layers = 1000;
  // Reported skips kept per image; the rest are only counted. Default: 100.
  std::size_t max_reported_skips = 100;
};

// Counts what one image read has consumed against its limits. Not thread-safe.
class Budget {
 public:
  explicit Budget(const ImageLimits& limits) : m_limits(limits) {}
  const ImageLimits& limits() const { return m_limits; }

  // Records `n` more uncompressed bytes; a limit error once the total passes max_bytes.
  Status add_bytes(std::uint64_t n);
  // Records one more entry; a limit error once the count passes max_files.
  Status add_file();
  std::uint64_t bytes() const { return m_bytes; }
  std::uint64_t files() const { return m_files; }

 private:
  ImageLimits m_limits;
  std::uint64_t m_bytes = 0;
  std::uint64_t m_files = 0;
};

}  // namespace vern
