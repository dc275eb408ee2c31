// `vern host`: argument parsing and printing only; collecting is in host/,
// judging in rules/.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>

#include "cli/command.h"
#include "cli/options.h"
#include "host/audit.h"
#include "host/engine_client.h"
#include "scan/driver.h"
#include "scan/evaluate.h"

namespace vern::cli {

extern const std::string_view k_host_usage =
    R"(usage: vern host [OPTIONS]

Audits the machine it runs on and the Docker daemon it can reach: every
running container (through the Engine API), the daemon's configuration, the
socket's ownership, kernel and runtime versions, AppArmor/SELinux, and what
lies below the host (hardware VM, bare metal, or a shared-kernel container).

options:
  -H, --host URL        Docker socket, unix:///path (default: $DOCKER_HOST, else
                        /var/run/docker.sock)
  -a, --all             also check stopped containers
  -j, --jobs N          containers inspected concurrently (default 8)
  -f, --format FORMAT   text (default), json, sarif or html
  -o, --output FILE     write the report to FILE instead of standard output
      --fail-on SEV     exit 1 when a finding is at or above SEV: critical, high,
                        medium, low, info (default) or none
  -c, --config FILE     settings file (default: .vern.yaml in the current folder);
                        its host: ignore_containers / ignore_images (globs)
                        skip containers by name or image
      --root DIR        read the host's files (/proc, /sys, /etc) below DIR
      --stats           print Engine API calls, containers and wall time to stderr
  -q, --quiet           text: print only errors and the summary
      --no-color        no ANSI colours (also when NO_COLOR is set)

exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
            2 the daemon could not be reached (host checks are still reported),
            or a usage error.
)";

namespace {

bool ignored(const Config& config, const Workload& w) {
  const Container* c = w.containers.empty() ? nullptr : &w.containers.front();
  for (const std::string& pattern : config.ignore_containers) {
    if (c && glob_match(pattern, c->name)) return true;
  }
  for (const std::string& pattern : config.ignore_images) {
    if (c && c->image.is_literal() && glob_match(pattern, c->image.value.text)) return true;
  }
  return false;
}

// Every vern host finding names its CIS Docker Benchmark control in the
// message, as docker-bench-security users look them up by that number. Host
// rules add it themselves; container and daemon rules, shared with vern scan,
// carry it only as a property, so it is appended here.
void add_cis_to_message(Finding& f) {
  for (const auto& [key, value] : f.properties) {
    if (key != "cis" || value.empty()) continue;
    if (f.message.find("(CIS ") == std::string::npos) f.message += " (CIS " + value + ")";
    return;
  }
}

// The host block of the text report: what was found, and why.
void print_facts(const HostFacts& h, int containers, std::FILE* out) {
  std::fprintf(out, "host %s\n", h.name.c_str());
  std::fprintf(out, "  kernel: %s",
               h.kernel_release.empty() ? "unknown" : h.kernel_release.c_str());
  if (!h.kernel_version.empty() && h.kernel_version != h.kernel_release)
    std::fprintf(out, " (%s from %s)", h.kernel_version.c_str(), h.kernel_version_source.c_str());
  std::fprintf(out, "\n");
  if (h.daemon_reachable) {
    std::fprintf(out, "  docker %s, runc %s, containerd %s; %d containers checked\n",
                 h.docker_version.c_str(), h.runc_version.c_str(), h.containerd_version.c_str(),
                 containers);
  } else {
    std::fprintf(out, "  daemon: %s\n", h.daemon_error.c_str());
  }
  std::string vt(virtualization_name(h.virtualization));
  if (!h.virtualization_technology.empty()) vt += " (" + h.virtualization_technology + ")";
  std::fprintf(out, "  virtualization: %s\n", vt.c_str());
  for (const std::string& e : h.virtualization_evidence) std::fprintf(out, "    - %s\n", e.c_str());
  std::fprintf(out, "  AppArmor: %s; SELinux: %s\n",
               std::string(lsm_mode_name(h.apparmor.mode)).c_str(),
               std::string(lsm_mode_name(h.selinux.mode)).c_str());
  if (h.socket.found) {
    std::fprintf(
        out, "  socket: %s %s:%s %04o\n\n", h.socket.path.c_str(),
        h.socket.owner.empty() ? std::to_string(h.socket.uid).c_str() : h.socket.owner.c_str(),
        h.socket.group.empty() ? std::to_string(h.socket.gid).c_str() : h.socket.group.c_str(),
        unsigned(h.socket.mode));
  } else {
    std::fprintf(out, "  socket: %s (%s)\n\n", h.socket.path.c_str(), h.socket.error.c_str());
  }
}

}  // namespace

int run_host(const std::vector<std::string>& args, const Io& io) {
  CommonOptions common;
  host::HostAuditOptions options;
  std::string host_flag;
  bool stats = false;
  ArgParser p(args, io, "host");
  while (p.more()) {
    if (common.parse(p)) continue;
    if (p.error()) return k_exit_error;
    if (auto h = p.value("-H", "--host")) {
      host_flag = *h;
    } else if (auto j = p.value("-j", "--jobs")) {
      options.jobs = std::atoi(j->c_str());
      if (options.jobs < 1 || options.jobs > 256) return p.usage_error("--jobs takes 1 to 256");
    } else if (auto r = p.value("", "--root")) {
      options.root = *r;
      options.use_cpuid = *r == "/";
    } else if (p.error()) {
      return k_exit_error;
    } else if (p.flag("-a", "--all")) {
      options.all = true;
    } else if (p.flag("", "--stats")) {
      stats = true;
    } else if (p.is_flag()) {
      return p.unknown_flag();
    } else {
      return p.usage_error("takes no arguments; got '" + p.take() + "'");
    }
  }
  if (p.error()) return k_exit_error;
  Result<std::string> socket = host::resolve_engine_socket(host_flag, std::getenv("DOCKER_HOST"));
  if (!socket) return p.usage_error(socket.error().message);
  options.socket_path = *socket;
  std::optional<Config> config = common.load_config({}, io);
  if (!config) return k_exit_error;

  auto start = std::chrono::steady_clock::now();
  host::HostAudit audit = host::run_host_audit(options);
  Summary summary;
  auto& workloads = audit.inventory.workloads;
  std::size_t before = workloads.size();
  workloads.erase(std::remove_if(workloads.begin(), workloads.end(),
                                 [&](const Workload& w) { return ignored(*config, w); }),
                  workloads.end());
  summary.suppressed = int(before - workloads.size());

  FindingList found;
  evaluate(audit.inventory, RuleScope::unit, config->rule_options, found);
  evaluate(audit.inventory, RuleScope::set, config->rule_options, found);
  evaluate(audit.inventory, RuleScope::set_workload, config->rule_options, found);

  // Group by object: the host first, then the daemon, then containers by name.
  std::map<std::string, std::vector<Finding>> by_object;
  std::optional<Severity> worst;
  for (Finding& f : found.findings()) {
    if (!apply_config(*config, f)) continue;
    add_cis_to_message(f);
    ++summary.counts[int(f.severity)];
    if (!worst || f.severity > *worst) worst = f.severity;
    std::string key = f.file.empty() ? f.object : f.file;
    by_object[key].push_back(std::move(f));
  }

  ReportSink sink = common.open_report(io);
  if (!sink.reporter) return k_exit_error;
  const HostFacts& facts = audit.inventory.hosts.front();
  if (common.report.format == OutputFormat::text && !common.report.quiet) {
    print_facts(facts, audit.containers, sink.file ? sink.file.get() : io.out);
  }
  Reporter& reporter = *sink.reporter;
  summary.files_scanned = 1;
  summary.objects_checked = int(workloads.size() + audit.inventory.daemon_configs.size() + 1);
  summary.errors = int(audit.errors.size());
  reporter.begin();
  for (auto& [object, findings] : by_object) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
      if (a.where.line != b.where.line) return a.where.line < b.where.line;
      if (a.severity != b.severity) return a.severity > b.severity;
      return a.rule < b.rule;
    });
    reporter.add_file(object, findings);
  }
  for (const Error& e : audit.errors) reporter.add_error(e);
  reporter.finish(summary, {});
  if (stats) {
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    std::fprintf(io.err, "vern host: %d Engine API calls, %d containers, %.1f ms\n",
                 audit.api_calls, audit.containers, ms.count());
  }
  return common.exit_code(!audit.errors.empty(), worst);
}

}  // namespace vern::cli
