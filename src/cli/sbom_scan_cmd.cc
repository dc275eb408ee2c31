// `vern sbom-scan`: matches the OS packages listed in a CycloneDX SBOM (vern's
// own or another tool's) against the vulnerability database. Parsing and
// printing only; matching is in vulndb/, judging in rules/.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "cli/options.h"
#include "cli/vuln_cli.h"
#include "scan/driver.h"
#include "scan/evaluate.h"
#include "vulndb/cyclonedx.h"
#include "vulndb/database.h"
#include "vulndb/match.h"

namespace vern::cli {

extern const std::string_view k_sbom_scan_usage =
    R"(usage: vern sbom-scan [OPTIONS] FILE

Matches the OS packages (pkg:deb, pkg:apk, pkg:rpm purls) of a CycloneDX JSON
SBOM against the vulnerability database built by 'vern db import'. The
distribution comes from the SBOM's operating-system component or the purls'
distro qualifier; source packages from the upstream qualifier or the
properties vern, Trivy and Syft write.

options:
  -f, --format FORMAT   text (a table, default), json, sarif or html
  -o, --output FILE     write the report to FILE instead of standard output
      --fail-on SEV     exit 1 when a finding is at or above SEV: critical, high,
                        medium, low, info (default) or none
  -c, --config FILE     settings file (default: .vern.yaml in the current folder)
      --sbom-out FILE   also write the SBOM with a vulnerabilities array to FILE
)"
    R"(      --severity LIST   report only these vulnerability severities, e.g.
                        CRITICAL,HIGH (UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)
      --ignore-unfixed  do not report vulnerabilities without a fixed version
      --db PATH         vulnerability database (default: $VERN_DB, else
                        $XDG_CACHE_HOME/vern/vuln.db or ~/.cache/vern/vuln.db)
  -q, --quiet           text: print only errors and the summary
      --no-color        no ANSI colours (also when NO_COLOR is set)

exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
            2 the SBOM or the database could not be read, or a usage error.
)";

namespace {

constexpr std::uint64_t k_max_sbom_bytes = std::uint64_t(256) << 20;

Result<std::string> read_bounded(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::not_found(path + ": cannot open");
  std::string text;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, std::size_t(in.gcount()));
    if (text.size() > k_max_sbom_bytes) return Error::limit(path + ": larger than 256 MiB");
  }
  return text;
}

}  // namespace

int run_sbom_scan(const std::vector<std::string>& args, const Io& io) {
  CommonOptions common;
  VulnOptions vuln;
  std::string file, sbom_out;
  ArgParser p(args, io, "sbom-scan");
  while (p.more()) {
    if (common.parse(p)) continue;
    if (p.error()) return k_exit_error;
    if (parse_vuln_option(p, vuln)) continue;
    if (p.error()) return k_exit_error;
    if (auto o = p.value("", "--sbom-out")) {
      sbom_out = *o;
    } else if (p.error()) {
      return k_exit_error;
    } else if (p.is_flag()) {
      return p.unknown_flag();
    } else if (file.empty()) {
      file = p.take();
    } else {
      return p.usage_error("takes one SBOM; got '" + file + "' and '" + p.take() + "'");
    }
  }
  if (p.error()) return k_exit_error;
  if (file.empty()) return p.usage_error("no SBOM given (see 'vern sbom-scan --help')");
  std::optional<Config> config = common.load_config({}, io);
  if (!config) return k_exit_error;

  auto text = read_bounded(file);
  if (!text) {
    std::fprintf(io.err, "vern sbom-scan: %s\n", text.error().to_string().c_str());
    return k_exit_error;
  }
  auto packages = vulndb::read_cyclonedx_packages(*text, file);
  if (!packages) {
    std::fprintf(io.err, "vern sbom-scan: %s\n", packages.error().to_string().c_str());
    return k_exit_error;
  }
  // The matcher reads images; an SBOM stands in for one.
  Inventory inventory;
  ImageFacts facts;
  facts.file = file;
  facts.reference = "sbom " + file;
  facts.packages = std::move(*packages);
  inventory.images.push_back(std::move(facts));
  std::vector<Error> errors;
  const std::string db_path = vuln_db_path(vuln.db);
  if (vuln.db.empty()) vuln.db = db_path;  // a database is required here
  add_vulnerabilities(inventory, vuln, *config, io, errors);
  inventory.images.clear();
  for (VulnerabilityReport& r : inventory.vulnerabilities) r.object = "sbom " + file;

  if (!sbom_out.empty() && errors.empty()) {
    auto with =
        vulndb::add_cyclonedx_vulnerabilities(*text, inventory.vulnerabilities.front().matches);
    std::ofstream out(sbom_out, std::ios::binary);
    if (!with || !(out << *with)) {
      errors.push_back(Error::failed(sbom_out + ": cannot write the SBOM"));
    }
  }

  ReportSink sink = common.open_report(io);
  if (!sink.reporter) return k_exit_error;
  FindingList found;
  evaluate(inventory, RuleScope::unit, config->rule_options, found);
  std::vector<Finding> findings;
  Summary summary;
  std::optional<Severity> worst;
  for (Finding& f : found.findings()) {
    if (!apply_config(*config, f)) continue;
    ++summary.counts[int(f.severity)];
    if (!worst || f.severity > *worst) worst = f.severity;
    findings.push_back(std::move(f));
  }
  summary.files_scanned = 1;
  summary.objects_checked = 1;
  summary.errors = int(errors.size());
  if (common.report.format == OutputFormat::text && !common.report.quiet) {
    std::FILE* out = sink.file ? sink.file.get() : io.out;
    for (const Error& e : errors) std::fprintf(io.err, "vern: %s\n", e.to_string().c_str());
    if (!inventory.vulnerabilities.empty()) {
      print_vuln_table(out, inventory.vulnerabilities.front().matches);
    }
    return common.exit_code(!errors.empty(), worst);
  }
  Reporter& reporter = *sink.reporter;
  reporter.begin();
  reporter.add_file(file, findings);
  for (const Error& e : errors) reporter.add_error(e);
  reporter.finish(summary, {});
  return common.exit_code(!errors.empty(), worst);
}

}  // namespace vern::cli
