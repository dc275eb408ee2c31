// The scan driver: walks inputs, translates each file, runs the rules, applies
// config and suppressions, and streams results to a Reporter in a stable
// order whatever the number of worker threads.
#pragma once

#include <string>
#include <vector>

#include "report/reporter.h"
#include "scan/config.h"

namespace vern {

struct ScanOptions {
  std::vector<std::string> paths;          // Default: {"."}
  int jobs = 1;                            // threads, the caller's included; Default: 1
  std::size_t max_file_bytes = 16u << 20;  // larger files are an error. Default: 16 MiB
  std::string dockerfile_target;           // Dockerfiles: the stage built. Default: the last
  Config config;
};

struct ScanOutcome {
  Summary summary;
  bool had_errors = false;
  // The highest severity reported (after overrides and suppressions), if any.
  std::optional<Severity> worst;
};

// Runs the scan and reports everything to `reporter` (begin .. finish).
ScanOutcome run_scan(const ScanOptions& options, Reporter& reporter);

// Applies the config to one finding: false when its rule is disabled; else
// the severity override, if any, is applied in place.
bool apply_config(const Config& config, Finding& f);

}  // namespace vern
