// Fuzzes the reporters with arbitrary bytes in every text field of a finding
// and an error (input files can hold anything). The JSON and SARIF outputs must
// parse; the text output must hold no escape character that came from input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "report/reporter.h"

namespace {

// Splits the input at '\0' into up to `n` fields.
std::vector<std::string> fields(std::string_view input, size_t n) {
  std::vector<std::string> out;
  while (out.size() + 1 < n) {
    size_t cut = input.find('\0');
    if (cut == std::string_view::npos) break;
    out.emplace_back(input.substr(0, cut));
    input.remove_prefix(cut + 1);
  }
  out.emplace_back(input);
  out.resize(n);
  return out;
}

std::string render(vern::OutputFormat format, const vern::Finding& finding,
                   const vern::Error& error) {
  char* buf = nullptr;
  size_t len = 0;
  std::FILE* out = open_memstream(&buf, &len);
  vern::ReportOptions options;
  options.format = format;
  options.color = true;
  auto reporter = vern::make_reporter(options, out);
  reporter->begin();
  reporter->add_file(finding.file, {&finding, 1});
  reporter->add_error(error);
  vern::UnusedSuppression unused{finding.file, finding.where.line, 1, finding.rule};
  reporter->finish(vern::Summary{}, {&unused, 1});
  std::fclose(out);
  std::string text(buf, len);
  std::free(buf);
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  int line = data[0] % 4 == 0 ? 0 : data[0];
  int column = data[1] % 8 == 0 ? 0 : data[1] - 4;
  std::string_view input(reinterpret_cast<const char*>(data + 2), size - 2);
  std::vector<std::string> f = fields(input, 7);
  vern::Finding finding;
  finding.rule = f[0];
  finding.severity = static_cast<vern::Severity>(data[0] % 5);
  finding.file = f[1];
  finding.where = {line, column};
  finding.object = f[2];
  finding.message = f[3];
  finding.remedy = f[4];
  finding.source_line = f[5];
  finding.properties = {{f[0], f[6]}};
  vern::Error error = vern::Error::invalid(f[6], line, column);
  error.file = f[1];

  if (!nlohmann::json::accept(render(vern::OutputFormat::json, finding, error))) std::abort();
  if (!nlohmann::json::accept(render(vern::OutputFormat::sarif, finding, error))) std::abort();
  (void)render(vern::OutputFormat::html, finding, error);
  std::string text = render(vern::OutputFormat::text, finding, error);
  // Colour is on, so escapes exist; every one must be a colour we wrote: ESC '['.
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && (i + 1 >= text.size() || text[i + 1] != '[')) std::abort();
  }
  return 0;
}
