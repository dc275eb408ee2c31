// Reporter: turns findings and errors into one output format. The scan driver
// streams results file by file, so memory does not grow with the corpus.
//
// Call order: begin(), then any number of add_file() / add_rendered() /
// add_error() in output order, then finish() exactly once. Not thread-safe:
// one driver thread calls it (render_file() excepted, see renders_ahead()).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"
#include "util/result.h"

namespace vern {

struct Summary {
  int files_scanned = 0;
  int objects_checked = 0;            // workloads and policy objects
  int counts[k_severity_count] = {};  // findings by Severity
  int errors = 0;
  int suppressed = 0;
  int total() const { return counts[0] + counts[1] + counts[2] + counts[3] + counts[4]; }
};

// A suppression that matched no finding (reported so stale ones do not pile up).
struct UnusedSuppression {
  std::string file;
  int line = 0;
  int column = 0;
  std::string rule;
};

enum class OutputFormat { text, json, sarif, html };

// Parses "text", "json", "sarif" or "html" (as given to --format). nullopt when unknown.
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct ReportOptions {
  OutputFormat format = OutputFormat::text;
  bool color = false;  // ANSI colour; the CLI decides (terminal and no NO_COLOR)
  bool quiet = false;  // text: only the summary line and errors
  std::string tool_name = "vern";
  std::string tool_version;
  // Absolute URI of the tool's home page (SARIF informationUri); rule pages are
  // <information_uri>/docs/rules/<slug>.md.
  std::string information_uri = "https://vern.dev";
};

// Text and HTML print Finding::source_line verbatim: the driver must leave it
// empty when the line holds a secret's value. JSON and SARIF hold errors until
// finish() (their arrays cannot interleave); findings always stream.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin() = 0;
  // Findings of one file (or live object), sorted by line then column.
  virtual void add_file(std::string_view file, std::span<const Finding> findings) = 0;
  virtual void add_error(const Error& error) = 0;
  virtual void finish(const Summary& summary, std::span<const UnusedSuppression> unused) = 0;
  // False when the format never prints Finding::source_line, so the driver
  // can skip finding (and re-reading) the lines.
  virtual bool shows_source_lines() const { return true; }

  // True when the format's text for one file's findings does not depend on
  // the rest of the report, so the scan driver can render it in the thread
  // that checked the file. Then render_file() may be called from any thread
  // at any time, and add_rendered(render_file(f), f.size()) in place of
  // add_file(file, f) writes the same output.
  virtual bool renders_ahead() const { return false; }
  // The text add_file() would write for `findings`. Only when renders_ahead().
  virtual std::string render_file(std::span<const Finding> findings) const;
  // Writes what render_file() returned for `count` findings. Only when
  // renders_ahead(), in output order like add_file().
  virtual void add_rendered(std::string_view text, std::size_t count);
};

// The reporter for options.format, writing to `out` (not owned; must outlive it).
std::unique_ptr<Reporter> make_reporter(const ReportOptions& options, std::FILE* out);

}  // namespace vern
