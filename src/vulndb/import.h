// import_sources: the `vern db import` engine. Reads each source (an OSV
// record or array, a folder of feed files, an OSV `all.zip`, an Alpine secdb
// file, the Debian security tracker JSON), recognising the format by content,
// and writes everything in ONE transaction: if any source is unreadable,
// corrupt or truncated, nothing changes and the error names the source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/result.h"
#include "vulndb/database.h"

namespace vern::vulndb {

struct ImportLimits {
  // Largest single feed file (the Debian tracker JSON is ~70 MiB). Default: 1 GiB.
  std::uint64_t max_file_bytes = std::uint64_t(1) << 30;
  // Largest member of a zip archive, uncompressed. Default: 64 MiB.
  std::uint64_t max_entry_bytes = std::uint64_t(64) << 20;
};

// Imports `paths` into `db` (opened read_write). `now` (Unix seconds) is
// recorded as each source's import time. Returns what each source held.
Result<std::vector<SourceInfo>> import_sources(Database& db, const std::vector<std::string>& paths,
                                               std::int64_t now, const ImportLimits& limits = {});

}  // namespace vern::vulndb
