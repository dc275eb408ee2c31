// `vern scan`: argument parsing and printing only; the work is in scan/.
#include <cstdlib>
#include <thread>

#include "cli/command.h"
#include "cli/options.h"
#include "scan/driver.h"

namespace vern::cli {

extern const std::string_view k_scan_usage =
    R"(usage: vern scan [OPTIONS] [PATH...]

Scans Dockerfiles, Compose files, Kubernetes manifests, daemon.json and
`docker run` lines in scripts, CI files and Markdown. Folders are walked
recursively (default: the current folder); files named explicitly must be of
a recognised format.

options:
  -f, --format FORMAT   text (default), json, sarif or html
  -o, --output FILE     write the report to FILE instead of standard output
      --fail-on SEV     exit 1 when a finding is at or above SEV: critical, high,
                        medium, low, info (default) or none
  -c, --config FILE     settings file (default: .vern.yaml in the first folder
                        scanned, else in the current folder)
  -j, --jobs N          threads reading and checking files (default: the cores)
  -q, --quiet           text: print only errors and the summary
      --no-color        no ANSI colours (also when NO_COLOR is set)
      --max-file-size N skip files larger than N bytes with an error (default 16 MiB)
      --target STAGE    Dockerfiles: judge the stage STAGE, as `docker build --target`
                        (default: the last stage)

exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
            2 an input could not be read or parsed, or a usage error.
)";

int run_scan(const std::vector<std::string>& args, const Io& io) {
  ScanOptions scan;
  CommonOptions common;
  unsigned hw = std::thread::hardware_concurrency();
  scan.jobs = hw == 0 ? 1 : int(std::min(hw, 8u));
  ArgParser p(args, io, "scan");
  while (p.more()) {
    if (common.parse(p)) continue;
    if (p.error()) return k_exit_error;
    if (auto v = p.value("-j", "--jobs")) {
      int n = std::atoi(v->c_str());
      if (n < 1 || n > 256) return p.usage_error("--jobs takes a number from 1 to 256");
      scan.jobs = n;
    } else if (auto t = p.value("", "--target")) {
      if (t->empty()) return p.usage_error("--target takes a stage name");
      scan.dockerfile_target = *t;
    } else if (auto v2 = p.value("", "--max-file-size")) {
      long long n = std::atoll(v2->c_str());
      if (n < 1) return p.usage_error("--max-file-size takes a positive number of bytes");
      scan.max_file_bytes = std::size_t(n);
    } else if (p.error()) {
      return k_exit_error;
    } else if (p.is_flag()) {
      return p.unknown_flag();
    } else {
      scan.paths.push_back(p.take());
    }
  }
  if (p.error()) return k_exit_error;
  std::optional<Config> config = common.load_config(scan.paths, io);
  if (!config) return k_exit_error;
  scan.config = std::move(*config);
  ReportSink sink = common.open_report(io);
  if (!sink.reporter) return k_exit_error;
  ScanOutcome outcome = run_scan(scan, *sink.reporter);
  return common.exit_code(outcome.had_errors, outcome.worst);
}

}  // namespace vern::cli
