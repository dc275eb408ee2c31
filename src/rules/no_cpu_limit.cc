// no-cpu-limit: a container has no CPU limit.
#include <string>
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "no-cpu-limit",
    .title = "Container has no CPU limit",
    .severity = Severity::low,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "Without a CPU limit a busy or compromised container can use every core of the host and "
        "starve the other containers and host services.",
    .remedy =
        "Set a CPU limit: cpus or deploy.resources.limits.cpus, --cpus, resources.limits.cpu.",
    .cis = "5.12",
};

// Where the limit is spelt on this workload's surface, for the message.
std::string_view spelling(const Workload& w) {
  if (kubernetes_semantics(w)) return "resources.limits.cpu";
  switch (w.surface) {
    case Surface::compose:
      return "cpus or deploy.resources.limits.cpus";
    case Surface::host:
      return "HostConfig.NanoCpus and CpuQuota are 0";
    default:
      return "--cpus";
  }
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      // Ephemeral debug containers cannot carry resources.
      if (c.role == ContainerRole::ephemeral) continue;
      // A limit written with a variable (`${MEM}`) is a limit: only absence is reported.
      const Located<std::string>& limit = c.resources.cpu_limit;
      if (!limit.is_absent()) continue;
      Location where = limit.where.known() ? limit.where : c.where;
      out.add(
          make_finding(k_info, w, &c, where,
                       subject(w, c) + " has no CPU limit" + no_limit_tail(limit, spelling(w))));
    }
  }
}

}  // namespace

extern const Rule k_no_cpu_limit{k_info, RuleScope::unit, check};

}  // namespace vern
