// The concrete reporters, one per file; make_reporter picks one by format.
// Each writes to `out` (not owned; must outlive the reporter).
#pragma once

#include <cstdio>
#include <memory>

#include "report/reporter.h"

namespace vern {

std::unique_ptr<Reporter> make_text_reporter(const ReportOptions& options, std::FILE* out);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options, std::FILE* out);
std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options, std::FILE* out);
std::unique_ptr<Reporter> make_html_reporter(const ReportOptions& options, std::FILE* out);

}  // namespace vern
