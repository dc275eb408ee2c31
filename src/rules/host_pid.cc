// host-pid: the workload shares the host's process (PID) namespace.
#include <string>
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "host-pid",
    .title = "Container shares the host's process namespace",
    .severity = Severity::high,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "With the host's PID namespace the container sees every process on the host and can "
        "read their command lines and environment under /proc; with enough privileges it can "
        "signal or ptrace them, a short step to escaping the container.",
    .remedy = "Remove the host PID namespace (pid: host, --pid host, hostPID: true).",
    .cis = "5.16",
};

std::string_view spelling(const Workload& w) {
  if (kubernetes_semantics(w)) return "hostPID: true";
  switch (w.surface) {
    case Surface::compose:
      return "pid: host";
    case Surface::host:
      return "PidMode: host";
    default:
      return "--pid host";
  }
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w) || !w.host_pid.is(true)) continue;
    out.add(make_finding(k_info, w, nullptr, w.host_pid.where,
                         workload_subject(w) + " shares the host's process namespace (" +
                             std::string(spelling(w)) + ")"));
  }
}

}  // namespace

extern const Rule k_host_pid{k_info, RuleScope::unit, check};

}  // namespace vern
