// Parsers for the package databases of an image's OS, each a pure function
// over the database file's bytes. Malformed records are skipped; nothing here
// trusts a length or offset it has not checked. `Package::layer` is left empty:
// read_packages (image/packages.h) fills it in.
#pragma once

#include <string_view>
#include <vector>

#include "model/package.h"
#include "util/result.h"

namespace vern {

// /var/lib/dpkg/status, or one file of distroless /var/lib/dpkg/status.d/.
// With require_installed, only paragraphs whose Status is "... installed".
std::vector<Package> parse_dpkg_status(std::string_view text, bool require_installed);

// /lib/apk/db/installed.
std::vector<Package> parse_apk_installed(std::string_view text);

// One rpm header blob as stored in rpmdb.sqlite's Packages table (index
// count, data length, index entries, data store; no leading magic).
Result<Package> parse_rpm_header(std::string_view blob);

// Every package of an rpmdb.sqlite file held in memory.
Result<std::vector<Package>> read_rpmdb_sqlite(std::string_view file);

// Every package of an rpm Berkeley DB hash database ("Packages", rpm < 4.16)
// held in memory. Corrupt pages are skipped.
Result<std::vector<Package>> read_rpmdb_bdb(std::string_view file);

// /etc/os-release (or /usr/lib/os-release).
OsRelease parse_os_release(std::string_view text);

}  // namespace vern
