// host-ipc: the workload shares the host's IPC namespace.
#include <string>
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "host-ipc",
    .title = "Container shares the host's IPC namespace",
    .severity = Severity::high,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "With the host's IPC namespace the container can attach to the System V shared memory "
        "segments, semaphores and message queues of host processes, reading or corrupting "
        "their data.",
    .remedy = "Remove the host IPC namespace (ipc: host, --ipc host, hostIPC: true).",
    .cis = "5.17",
};

std::string_view spelling(const Workload& w) {
  if (kubernetes_semantics(w)) return "hostIPC: true";
  switch (w.surface) {
    case Surface::compose:
      return "ipc: host";
    case Surface::host:
      return "IpcMode: host";
    default:
      return "--ipc host";
  }
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w) || !w.host_ipc.is(true)) continue;
    out.add(make_finding(k_info, w, nullptr, w.host_ipc.where,
                         workload_subject(w) + " shares the host's IPC namespace (" +
                             std::string(spelling(w)) + ")"));
  }
}

}  // namespace

extern const Rule k_host_ipc{k_info, RuleScope::unit, check};

}  // namespace vern
