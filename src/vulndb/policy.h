// The user's vulnerability policy: which severities to report (--severity),
// whether to drop advisories without a fix (--ignore-unfixed), and ignores
// from .vern.yaml by advisory id with a reason and an optional expiry date.
// An expired ignore stops working and says so; an ignore that matched
// nothing is reported too, so stale ones do not pile up.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/vulnerability.h"
#include "util/result.h"

namespace vern::vulndb {

struct VulnIgnore {
  std::string id;       // advisory id or alias ("CVE-2023-4911")
  std::string reason;   // why it is accepted; shown when it applies
  std::string expires;  // "YYYY-MM-DD"; empty: never. Applies through that day.
};

struct VulnPolicy {
  // Severities to keep. Default: empty, every severity.
  std::vector<VulnSeverity> severities;
  // Drop matches with no fixed version. Default: false.
  bool ignore_unfixed = false;
  std::vector<VulnIgnore> ignores;
};

struct PolicyOutcome {
  std::vector<VulnerabilityMatch> kept;
  int ignored = 0;                 // dropped by an ignore entry
  int filtered = 0;                // dropped by severity or --ignore-unfixed
  std::vector<std::string> notes;  // expired and unused ignores, one line each
};

// Applies `policy` to `matches`. `today` is "YYYY-MM-DD".
PolicyOutcome apply_policy(std::vector<VulnerabilityMatch> matches, const VulnPolicy& policy,
                           std::string_view today);

// Parses "CRITICAL,HIGH,unknown" (case-insensitive). Error on an unknown name.
Result<std::vector<VulnSeverity>> parse_severity_list(std::string_view list);

// Parses one severity name; error on an unknown one.
Result<VulnSeverity> parse_vuln_severity(std::string_view name);

// True iff `date` is a valid "YYYY-MM-DD".
bool valid_date(std::string_view date);

}  // namespace vern::vulndb
