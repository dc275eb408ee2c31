// dangerous-capability: a container adds a Linux capability beyond
// NET_BIND_SERVICE (and beyond the configured allow list).
#include <algorithm>
#include <array>
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "dangerous-capability",
    .title = "Container adds a dangerous capability",
    .severity = Severity::high,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "Each added capability hands root-like power to the container: SYS_ADMIN allows "
        "mounts and most escapes, SYS_MODULE loads kernel code, SYS_PTRACE reads other "
        "processes, NET_ADMIN rewrites the network. Only NET_BIND_SERVICE is harmless enough "
        "to add by default.",
    .remedy =
        "Remove the capability, or allow it explicitly in .vern.yaml "
        "(allowed_capabilities) after review.",
    .cis = "5.4",
};

// Capabilities that on their own are enough to escape or own the host.
constexpr std::array<std::string_view, 9> k_critical = {
    "ALL",       "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "DAC_READ_SEARCH",
    "NET_ADMIN", "BPF",       "PERFMON"};

bool allowed(const std::string& cap, const RuleOptions& options) {
  if (cap == "NET_BIND_SERVICE") return true;
  return std::any_of(options.allowed_capabilities.begin(), options.allowed_capabilities.end(),
                     [&](const std::string& a) { return normalize_capability(a) == cap; });
}

void check(const Inventory& inventory, const RuleOptions& options, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      for (const Located<std::string>& added : c.caps.add) {
        if (!added.is_literal()) continue;
        std::string cap = normalize_capability(added.value);
        if (cap.empty() || allowed(cap, options)) continue;
        Finding f =
            make_finding(k_info, w, &c, added.where, subject(w, c) + " adds capability " + cap);
        if (std::find(k_critical.begin(), k_critical.end(), cap) != k_critical.end()) {
          f.severity = Severity::critical;
        }
        out.add(std::move(f));
      }
    }
  }
}

}  // namespace

extern const Rule k_dangerous_capability;
const Rule k_dangerous_capability{k_info, RuleScope::unit, &check};

}  // namespace vern
