// Matching installed packages against the database: by (ecosystem, source
// package), with the ordering of the package's own package manager, and the
// severity policy: the distribution's rating first, else the score computed
// from the advisory's CVSS vector (v4.0, then v3.x; the record's own vector,
// else one another source holds for the same CVE), else unknown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/package.h"
#include "model/vulnerability.h"
#include "util/result.h"
#include "vulndb/advisory.h"
#include "vulndb/database.h"
#include "vulndb/ranges.h"
#include "vulndb/version/scheme.h"

namespace vern::vulndb {

struct SeverityVerdict {
  VulnSeverity severity = VulnSeverity::unknown;
  std::string source;  // "debian", "ubuntu", "CVSS:3.1", "CVSS:4.0", or empty
  double score = -1;
  std::string vector;
};

// The severity policy for one advisory entry. `fallback` holds vectors found
// for the same id elsewhere in the database, if any.
SeverityVerdict decide_severity(VulnSeverity distro, std::string_view rater, std::string_view cvss3,
                                std::string_view cvss4,
                                const std::optional<ScoreVectors>& fallback);

// Every advisory that affects a package of `inventory`, sorted by package,
// then severity (highest first), then advisory id. `ecosystem` overrides the
// key derived from inventory.os when not empty.
Result<std::vector<VulnerabilityMatch>> match_packages(Database& db,
                                                       const PackageInventory& inventory,
                                                       std::string_view ecosystem = {});

}  // namespace vern::vulndb
