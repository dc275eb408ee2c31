// scan_layer: reads one layer blob (gzip, zstd, xz or plain tar) as a stream
// through libarchive and returns its entries' metadata, the content of the few
// files the inventory needs (image/interest.h), and the blob's two digests.
// Nothing is written to disk; file data is hashed and dropped as it passes.
//
// Entry paths are normalised ("./etc/x" -> "etc/x"). Entries with an absolute
// path, a ".." that leaves the root, or a path longer than the limit are
// skipped and listed in `skipped`; the scan goes on. Corrupt or truncated
// input and exceeded limits are errors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "image/byte_source.h"
#include "image/limits.h"
#include "util/result.h"

namespace vern {

enum class EntryType : std::uint8_t { file, dir, symlink, hardlink, other };

struct LayerEntry {
  std::string path;  // normalised; "" is the root
  EntryType type = EntryType::other;
  unsigned mode = 0;       // permission bits with setuid/setgid/sticky (07777)
  std::uint64_t size = 0;  // as the header says (a sparse file's logical size)
  std::string link;        // symlink target as written; hardlink target normalised
  bool whiteout = false;   // `.wh.<name>`: deletes `path` from lower layers
  bool opaque = false;     // `.wh..wh..opq`: hides lower content of directory `path`
  bool kept = false;       // `content` holds the whole file
  std::string content;
  std::string secret_kind;  // non-empty when the file looks like a secret
};

struct LayerScan {
  std::string digest;   // sha256 of the bytes as stored
  std::string diff_id;  // sha256 of the uncompressed tar
  std::uint64_t stored_size = 0;
  std::uint64_t tar_size = 0;
  std::vector<LayerEntry> entries;
  std::vector<std::string> skipped;  // "path: reason", at most limits.max_reported_skips
  std::uint64_t skipped_count = 0;
};

// Reads `blob` to its end. `budget` is shared by all layers of one image.
Result<LayerScan> scan_layer(ByteSource& blob, Budget& budget);

// Normalises a path inside an image: strips "./" and duplicate slashes and
// resolves "..". Returns false when the path is absolute or leaves the root.
bool normalize_layer_path(std::string_view in, std::string& out);

}  // namespace vern
