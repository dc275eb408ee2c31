// The text of the line each finding points at, for reports that print it.
#pragma once

#include <string_view>
#include <vector>

#include "rules/finding.h"

namespace vern {

// Fills Finding::source_line for findings in `content`. A line a `secret-*`
// finding points at has the value after the name masked, for every finding
// on that line, so no report prints a secret.
void fill_source_lines(std::string_view content, std::vector<Finding>& findings);

}  // namespace vern
