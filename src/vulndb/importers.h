// Importers: turn one vulnerability feed document into Advisory records.
// Each reads its whole input as given (the caller bounds its size), checks
// its shape, and either hands every record to the sink or returns an error
// naming the input and what is wrong with it; a truncated or corrupt document
// is an error, never a partial import (the caller rolls back).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/result.h"
#include "vulndb/advisory.h"

namespace vern::vulndb {

// Receives advisories as they are read.
class AdvisorySink {
 public:
  virtual ~AdvisorySink() = default;
  virtual Status add(const Advisory& advisory) = 0;
};

struct ImportStats {
  std::int64_t records = 0;    // advisories handed to the sink
  std::int64_t withdrawn = 0;  // OSV records dropped because they are withdrawn
  std::string newest;          // latest `modified` timestamp seen (RFC 3339), if any
};

// One OSV record (a JSON object) or an array of them. `name` labels errors.
Status import_osv(std::string_view text, std::string_view name, AdvisorySink& sink,
                  ImportStats& stats);

// An Alpine secdb document (`{"distroversion": "v3.19", "packages": [...]}`):
// each secfix is an advisory fixed in that version of the package, on that
// branch. Fixes listed under version "0" (never affected) are skipped.
Status import_alpine_secdb(std::string_view text, std::string_view name, AdvisorySink& sink,
                           ImportStats& stats);

// The Debian security tracker's JSON (`{"<source package>": {"CVE-...":
// {"releases": {"<codename>": {"status", "fixed_version", "urgency"}}}}}`).
// Releases with an unknown codename, and fixes "0" (not affected) are skipped.
Status import_debian_tracker(std::string_view text, std::string_view name, AdvisorySink& sink,
                             ImportStats& stats);

// What kind of document `text` is, from its first bytes and top-level keys:
// "osv", "alpine-secdb", "debian-tracker", or empty when not recognised.
std::string detect_feed_kind(std::string_view text);

}  // namespace vern::vulndb
