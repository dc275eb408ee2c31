// `vern image`: argument parsing and printing only; reading is in image/,
// judging in rules/.
#include <algorithm>
#include <cstdlib>

#include "cli/command.h"
#include "cli/options.h"
#include "cli/vuln_cli.h"
#include "image/image.h"
#include "image/packages.h"
#include "image/sbom.h"
#include "image/translate.h"
#include "scan/driver.h"
#include "scan/evaluate.h"
#include "vulndb/cyclonedx.h"

#ifndef VERN_VERSION
#define VERN_VERSION "0.0.0"
#endif

namespace vern::cli {

extern const std::string_view k_image_usage =
    R"(usage: vern image [OPTIONS] TARGET

Checks a container image's config and filesystem without running or
extracting it. TARGET is a `docker save` tar, an OCI image layout folder or an
oci-archive tar (append :TAG or @sha256:DIGEST to pick one image), or else
the name or id of an image in the local Docker daemon.

options:
  -f, --format FORMAT   text (default), json, sarif or html
  -o, --output FILE     write the report to FILE instead of standard output
      --fail-on SEV     exit 1 when a finding is at or above SEV: critical, high,
                        medium, low, info (default) or none
  -c, --config FILE     settings file (default: .vern.yaml in the current folder)
      --platform P      os/arch[/variant] to pick from a multi-platform index
                        (default: this machine's)
      --list-packages   print the installed OS packages instead of findings
      --severity LIST   report only these vulnerability severities, e.g.
                        CRITICAL,HIGH (UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)
      --ignore-unfixed  do not report vulnerabilities without a fixed version
      --db PATH         vulnerability database (default: $VERN_DB, else
                        $XDG_CACHE_HOME/vern/vuln.db or ~/.cache/vern/vuln.db);
                        packages are matched when a database is there
      --sbom cyclonedx  print a CycloneDX 1.5 SBOM instead of findings
      --max-bytes N     stop after N uncompressed layer bytes (default 16 GiB)
      --max-files N     stop after N layer entries (default 2000000)
      --max-path N      skip and report entries whose path is longer than N
                        bytes (default 4096)
  -q, --quiet           text: print only errors and the summary
      --no-color        no ANSI colours (also when NO_COLOR is set)

exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
            2 the image could not be read, or a usage error.
)";

namespace {

bool parse_count(const std::string& text, std::uint64_t& out) {
  char* end = nullptr;
  unsigned long long n = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || n == 0) return false;
  out = n;
  return true;
}

void print_packages(const ImageFacts& facts, std::FILE* out) {
  const PackageInventory& inv = facts.packages;
  std::fprintf(out, "OS: %s\n",
               inv.os.pretty_name.empty() ? (inv.os.id + ' ' + inv.os.version_id).c_str()
                                          : inv.os.pretty_name.c_str());
  std::fprintf(out, "%-32s %-36s %-8s %-24s %s\n", "NAME", "VERSION", "ARCH", "SOURCE", "LAYER");
  for (const Package& p : inv.packages) {
    std::string layer = p.layer.substr(0, 19);
    std::fprintf(out, "%-32s %-36s %-8s %-24s %s\n", p.name.c_str(), p.version.c_str(),
                 p.architecture.c_str(), p.source_name.c_str(), layer.c_str());
  }
  std::fprintf(out, "%zu packages\n", inv.packages.size());
}

}  // namespace

int run_image(const std::vector<std::string>& args, const Io& io) {
  CommonOptions common;
  ImageOptions options;
  std::string target;
  bool list_packages = false;
  bool sbom = false;
  VulnOptions vuln;
  ArgParser p(args, io, "image");
  while (p.more()) {
    if (common.parse(p)) continue;
    if (p.error()) return k_exit_error;
    if (parse_vuln_option(p, vuln)) continue;
    if (p.error()) return k_exit_error;
    if (auto v = p.value("", "--platform")) {
      options.platform = *v;
    } else if (auto s = p.value("", "--sbom")) {
      if (*s != "cyclonedx") return p.usage_error("--sbom supports only 'cyclonedx'");
      sbom = true;
    } else if (auto b = p.value("", "--max-bytes")) {
      if (!parse_count(*b, options.limits.max_bytes)) {
        return p.usage_error("--max-bytes takes a positive number");
      }
    } else if (auto f = p.value("", "--max-files")) {
      if (!parse_count(*f, options.limits.max_files)) {
        return p.usage_error("--max-files takes a positive number");
      }
    } else if (auto n = p.value("", "--max-path")) {
      std::uint64_t max_path = 0;
      if (!parse_count(*n, max_path)) return p.usage_error("--max-path takes a positive number");
      options.limits.max_path = std::size_t(max_path);
    } else if (p.error()) {
      return k_exit_error;
    } else if (p.flag("", "--list-packages")) {
      list_packages = true;
    } else if (p.is_flag()) {
      return p.unknown_flag();
    } else if (target.empty()) {
      target = p.take();
    } else {
      return p.usage_error("takes one image; got '" + target + "' and '" + p.take() + "'");
    }
  }
  if (p.error()) return k_exit_error;
  if (target.empty()) return p.usage_error("no image given (see 'vern image --help')");
  std::optional<Config> config = common.load_config({}, io);
  if (!config) return k_exit_error;

  Result<Image> image = open_image(target, options);
  std::vector<Error> errors;
  Inventory inventory;
  if (image.ok()) {
    std::vector<std::string> warnings = image->warnings;
    PackageInventory packages = read_packages(*image, &warnings);
    inventory = translate_image(*image, std::move(packages));
    if (!list_packages) add_vulnerabilities(inventory, vuln, *config, io, errors);
    for (const std::string& w : warnings) {
      Error e = Error::invalid(w);
      e.file = target;
      errors.push_back(std::move(e));
    }
  } else {
    Error e = image.error();
    if (e.file.empty()) e.file = target;
    errors.push_back(std::move(e));
  }

  if ((sbom || list_packages) && image.ok()) {
    const ImageFacts& facts = inventory.images.front();
    if (sbom) {
      std::string doc = cyclonedx_sbom(facts, VERN_VERSION);
      if (!inventory.vulnerabilities.empty()) {
        auto with =
            vulndb::add_cyclonedx_vulnerabilities(doc, inventory.vulnerabilities[0].matches);
        if (with) doc = std::move(*with);
      }
      std::fwrite(doc.data(), 1, doc.size(), io.out);
    } else {
      print_packages(facts, io.out);
    }
    for (const Error& e : errors) std::fprintf(io.err, "vern: %s\n", e.to_string().c_str());
    return errors.empty() ? k_exit_ok : k_exit_error;
  }

  ReportSink sink = common.open_report(io);
  if (!sink.reporter) return k_exit_error;
  Reporter& reporter = *sink.reporter;
  FindingList found;
  if (image.ok()) {
    evaluate(inventory, RuleScope::unit, config->rule_options, found);
    evaluate(inventory, RuleScope::set, config->rule_options, found);
    evaluate(inventory, RuleScope::set_workload, config->rule_options, found);
  }
  std::vector<Finding> findings;
  Summary summary;
  std::optional<Severity> worst;
  for (Finding& f : found.findings()) {
    if (!apply_config(*config, f)) continue;
    ++summary.counts[int(f.severity)];
    if (!worst || f.severity > *worst) worst = f.severity;
    findings.push_back(std::move(f));
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.rule < b.rule;
  });
  summary.files_scanned = 1;
  summary.objects_checked = image.ok() ? 1 : 0;
  summary.errors = int(errors.size());
  reporter.begin();
  reporter.add_file(target, findings);
  for (const Error& e : errors) reporter.add_error(e);
  reporter.finish(summary, {});
  return common.exit_code(!errors.empty(), worst);
}

}  // namespace vern::cli
