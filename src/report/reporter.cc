#include "report/reporter.h"

#include <cstdlib>

#include "report/reporters.h"

namespace vern {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::text;
  if (name == "json") return OutputFormat::json;
  if (name == "sarif") return OutputFormat::sarif;
  if (name == "html") return OutputFormat::html;
  return std::nullopt;
}

// Formats that do not render ahead are never asked to: the driver checks
// renders_ahead() first, so reaching these is a bug in the caller.
std::string Reporter::render_file(std::span<const Finding>) const { std::abort(); }
void Reporter::add_rendered(std::string_view, std::size_t) { std::abort(); }

std::unique_ptr<Reporter> make_reporter(const ReportOptions& options, std::FILE* out) {
  switch (options.format) {
    case OutputFormat::text:
      return make_text_reporter(options, out);
    case OutputFormat::json:
      return make_json_reporter(options, out);
    case OutputFormat::sarif:
      return make_sarif_reporter(options, out);
    case OutputFormat::html:
      return make_html_reporter(options, out);
  }
  return make_text_reporter(options, out);
}

}  // namespace vern
