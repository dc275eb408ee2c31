// Database: the SQLite vulnerability database that `vern db import` builds
// and scans read. One file; imports run in one transaction, so a failed
// import leaves the previous contents as they were.
//
// Each source (a file, folder or archive named on the command line) owns its
// rows: importing it again replaces them, so re-importing the same input
// gives the same contents. Not thread-safe; one Database per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"
#include "vulndb/advisory.h"
#include "vulndb/ranges.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vern::vulndb {

struct SourceInfo {
  std::string location;          // absolute path as imported
  std::string kind;              // "osv", "osv-zip", "osv-folder", "alpine-secdb", "debian-tracker"
  std::int64_t imported_at = 0;  // Unix seconds
  std::string data_time;         // newest `modified` in the data, when it says
  std::int64_t records = 0;
  std::int64_t withdrawn = 0;
};

struct EcosystemCount {
  std::string ecosystem;
  std::int64_t entries = 0;
};

struct DbInfo {
  std::vector<SourceInfo> sources;
  std::int64_t advisories = 0;
  std::vector<EcosystemCount> ecosystems;  // affected entries per ecosystem, by name
  std::int64_t newest_import = 0;          // Unix seconds; 0 when never imported
};

// An affected entry joined with its advisory, as matching reads it.
struct StoredAffected {
  std::string advisory;
  std::vector<std::string> aliases;
  std::string summary;
  std::string cvss3, cvss4;
  std::vector<AffectedRange> ranges;
  std::vector<std::string> versions;
  VulnSeverity distro_severity = VulnSeverity::unknown;
  std::string distro_rater;
};

struct ScoreVectors {
  std::string cvss3, cvss4;
};

// Whether an affected entry applies, from its stored ranges (as
// encode_ranges() writes them) and versions (one per line).
using AppliesFn = std::function<bool(std::string_view ranges, std::string_view versions)>;

// An affected entry that applies, with what a match reports of its advisory:
// the views point into the current row and are valid only while the visitor
// runs.
struct AffectedRow {
  VulnSeverity distro_severity = VulnSeverity::unknown;
  std::string_view distro_rater;
  std::string_view advisory;  // the record's id
  std::string_view aliases;   // separated by spaces
  std::string_view summary;
  // The vectors to score by: the record's own when it has any, else the
  // vectors_for() its id, else its first alias that has some, as of the last
  // import.
  std::string_view cvss3, cvss4;
};

class Database {
 public:
  enum class Mode { read_only, read_write };

  // Opens (read_write: creates when missing) the database at `path`.
  // read_only fails with not_found when the file does not exist.
  static Result<Database> open(const std::string& path, Mode mode);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  // Import. REQUIRES: Mode::read_write. begin() ... commit(), or rollback().
  // commit() first brings every advisory's borrowed vectors up to date, since
  // any source's scores may lend to any other's advisories.
  Status begin();
  Status commit();
  void rollback();
  // Drops every row of the source at `location` and starts it afresh.
  Result<std::int64_t> replace_source(const std::string& location, const std::string& kind);
  Status add(std::int64_t source, const Advisory& advisory);
  Status finish_source(std::int64_t source, const SourceInfo& info);

  // Reading. A read transaction around many lookups takes the file lock
  // once instead of per statement (REQUIRES: no transaction open).
  Status begin_read();
  void end_read();
  Result<DbInfo> info();
  // DbInfo::newest_import alone, without counting every row as info() does.
  Result<std::int64_t> newest_import();
  Result<std::vector<StoredAffected>> affected(std::string_view ecosystem,
                                               std::string_view package);
  // What matching reads: the affected entries of (ecosystem, package), in
  // import order, that `applies` accepts, each visited right after it was
  // accepted. Only the ranges and versions of the other entries are read.
  Status scan_affected(std::string_view ecosystem, std::string_view package,
                       const AppliesFn& applies,
                       const std::function<void(const AffectedRow&)>& visit);
  // CVSS vectors any record with this id (or alias) carries, for advisories
  // whose own source rates nothing.
  Result<std::optional<ScoreVectors>> vectors_for(std::string_view id);

 private:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  // Records, in each affected entry of an advisory without vectors of its
  // own, the vectors it borrows, so that matching does not look them up.
  Status resolve_borrowed_vectors();
  std::unique_ptr<Impl> m;
};

}  // namespace vern::vulndb
