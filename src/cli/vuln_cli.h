// Vulnerability options and output shared by `vern image`, `vern sbom-scan`
// and `vern db`: where the database is, the --severity / --ignore-unfixed /
// --db flags, matching an inventory's packages, and the text table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/options.h"
#include "model/inventory.h"
#include "scan/config.h"
#include "util/result.h"
#include "vulndb/policy.h"

namespace vern::cli {

// The database path: --db when given, else $VERN_DB, else
// $XDG_CACHE_HOME/vern/vuln.db, else ~/.cache/vern/vuln.db.
std::string vuln_db_path(const std::string& flag);

struct VulnOptions {
  std::string db;                        // --db PATH; empty: vuln_db_path's default
  std::vector<VulnSeverity> severities;  // --severity LIST; empty: all
  bool ignore_unfixed = false;           // --ignore-unfixed
};

// Consumes --severity, --ignore-unfixed or --db when it is the current
// argument. Prints usage errors (p.error() is then true).
bool parse_vuln_option(ArgParser& p, VulnOptions& options);

// Help lines for the three flags, for usage texts.
extern const std::string_view k_vuln_options_usage;

// Matches the packages of every image in `inventory` (and `extra`, when
// given) against the database and adds one VulnerabilityReport per target,
// after the severity filter, --ignore-unfixed and the config's ignores.
// Without a database: nothing, unless --db or VERN_DB named one (then an
// error). Warns on io.err when the database is older than the config's
// max_db_age_days, and about expired or unused ignores.
void add_vulnerabilities(Inventory& inventory, const VulnOptions& options, const Config& config,
                         const Io& io, std::vector<Error>& errors);

// Prints matches as a table: package, installed, fixed, severity, advisory,
// aliases, layer.
void print_vuln_table(std::FILE* out, const std::vector<VulnerabilityMatch>& matches);

// Today as "YYYY-MM-DD" (UTC) and now in Unix seconds.
std::string today_utc();
std::int64_t now_unix();

}  // namespace vern::cli
