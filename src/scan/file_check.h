// Checking one file of a scan: read it, translate it, run the per-file rules,
// apply the config and the file's own suppressions, and, for a reporter that
// renders ahead, write its findings as text. Touches nothing shared, so any
// thread of the scan may check any file.
#pragma once

#include <string>
#include <vector>

#include "model/inventory.h"
#include "report/reporter.h"
#include "rules/finding.h"
#include "scan/driver.h"
#include "scan/suppressions.h"
#include "scan/walk.h"

namespace vern {

// Everything one file produced, ready to report in order.
struct FileResult {
  std::string path;
  bool recognised = false;
  std::vector<Finding> findings;  // after the file's own suppressions
  std::string rendered;           // the findings as the reporter writes them, if it renders ahead
  int suppressed = 0;             // findings the file's own suppressions removed
  // `findings` by Severity, counted where they were made so that the thread
  // reporting a rendered file need not read them.
  int counts[k_severity_count] = {};
  std::vector<Error> errors;
  std::vector<Suppression> suppressions;  // comment + object suppressions of the file
  Inventory set_part;                     // what set-level rules need
  int objects = 0;
  int maker = 0;  // the pool thread that made it (0: the caller's)
};

// Sorts by line, column and rule, keeping the order findings were made in
// where all three tie. Sorts small keys rather than Findings (each is several
// strings), then moves every finding once into place.
void sort_findings(std::vector<Finding>& f);

// Removes the findings about settings a partial workload leaves unset: those
// at its `where`, where rules point when a setting is missing. Its own values
// (a published port, privileged: true) are still reported.
void drop_unset_in_partial(const Inventory& inventory, std::vector<Finding>& findings);

// Checks the file of `item`. Source lines are filled in when `source_lines`;
// `render`, when set, is a reporter that renders ahead, and the findings are
// written as its text here, in the thread that made them.
FileResult check_file(const WalkItem& item, const ScanOptions& options, bool source_lines,
                      const Reporter* render);

}  // namespace vern
