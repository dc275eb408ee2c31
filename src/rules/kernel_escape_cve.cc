// kernel-escape-cve: the kernel or a container runtime has a known
// container-escape vulnerability, judged by version.
#include <span>
#include <string>
#include <string_view>

#include "rules/host_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "kernel-escape-cve",
    .title = "Kernel or container runtime with a known container-escape CVE",
    .severity = Severity::critical,
    .surfaces = {Surface::host},
    .rationale =
        "Every container shares the host kernel and is started by runc and containerd. A known "
        "escape in any of them (Dirty COW, Dirty Pipe, the runc binary overwrite, the runc "
        "leaked file descriptor) turns any compromised container into root on the host.",
    .remedy =
        "Update the kernel and the container runtime (runc, containerd, docker) to a "
        "fixed release and reboot into the new kernel.",
};

// A vulnerable range [introduced, fixed) on one stable branch; branch 0.0
// means "every branch not listed separately".
struct Range {
  std::string_view introduced;
  std::string_view fixed;
};

struct Cve {
  std::string_view id;
  std::string_view name;
  // Ranges checked in order; the first whose [introduced, fixed) contains the
  // version decides. Stable branches with a backport come first.
  std::initializer_list<Range> vulnerable;
};

bool in(const DottedVersion& v, std::string_view lo, std::string_view hi) {
  return compare_versions(v, parse_dotted_version(lo)) >= 0 &&
         compare_versions(v, parse_dotted_version(hi)) < 0;
}

// Upstream stable releases carrying the fix (kernel.org), by branch.
const Cve k_kernel_cves[] = {
    {"CVE-2016-5195",
     "Dirty COW",
     {{"2.6.22", "3.2.83"},
      {"3.3", "3.4.113"},
      {"3.5", "3.10.104"},
      {"3.11", "3.12.66"},
      {"3.13", "3.16.38"},
      {"3.17", "3.18.44"},
      {"3.19", "4.1.35"},
      {"4.2", "4.4.26"},
      {"4.5", "4.7.9"},
      {"4.8", "4.8.3"}}},
    {"CVE-2022-0847",
     "Dirty Pipe",
     {{"5.8", "5.10.102"}, {"5.11", "5.15.25"}, {"5.16", "5.16.11"}}},
};

const Cve k_runc_cves[] = {
    {"CVE-2019-5736", "runc binary overwrite", {{"0.0.1", "1.0.0-rc6"}}},
    {"CVE-2024-21626", "runc leaked file descriptor (Leaky Vessels)", {{"0.0.1", "1.1.12"}}},
};

const Cve k_containerd_cves[] = {
    {"CVE-2020-15257",
     "containerd-shim API exposed to host-network containers",
     {{"0.0.1", "1.3.9"}, {"1.4.0", "1.4.3"}}},
};

// Distribution packages that carry a fix under an older upstream version
// (Debian security tracker). Keyed by the package version the daemon reports.
struct Backport {
  std::string_view package;
  std::string_view cve;
};
constexpr Backport k_backports[] = {
    {"1.1.5+ds1-1+deb12u1", "CVE-2024-21626"},
};

bool backported(std::string_view package, std::string_view cve) {
  for (const Backport& b : k_backports) {
    if (b.package == package && b.cve == cve) return true;
  }
  return false;
}

void check_component(const HostFacts& h, std::string_view what, const std::string& version,
                     const std::string& package, std::span<const Cve> cves, FindingSink& out) {
  DottedVersion v = parse_dotted_version(version);
  if (!v.valid) return;
  for (const Cve& cve : cves) {
    for (const Range& r : cve.vulnerable) {
      if (!in(v, r.introduced, r.fixed)) continue;
      if (!package.empty() && backported(package, cve.id)) break;
      out.add(make_host_finding(k_info, h,
                                std::string(what) + ' ' + version + " is vulnerable to " +
                                    std::string(cve.id) + " (" + std::string(cve.name) +
                                    "), fixed in " + std::string(r.fixed)));
      break;
    }
  }
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const HostFacts& h : inventory.hosts) {
    // Vendor kernels backport fixes under old numbers: their version says nothing.
    if (!h.kernel_vendor_backports && !h.kernel_version.empty()) {
      std::string what = "kernel";
      if (h.kernel_release != h.kernel_version) what += " (release " + h.kernel_release + ")";
      check_component(h, what, h.kernel_version, {}, k_kernel_cves, out);
    }
    check_component(h, "runc", h.runc_version, h.runc_package, k_runc_cves, out);
    check_component(h, "containerd", h.containerd_version, {}, k_containerd_cves, out);
  }
}

}  // namespace

extern const Rule k_kernel_escape_cve{k_info, RuleScope::unit, check};

}  // namespace vern
