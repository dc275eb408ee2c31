// no-memory-limit: a container has no memory limit.
#include <string>
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "no-memory-limit",
    .title = "Container has no memory limit",
    .severity = Severity::medium,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "Without a memory limit one container can take all of the host's memory: the kernel's OOM "
        "killer then picks victims among other containers and host services. A leak or a hostile "
        "input becomes a denial of service for everything on the host.",
    .remedy =
        "Set a memory limit: mem_limit or deploy.resources.limits.memory, --memory, "
        "resources.limits.memory.",
    .cis = "5.11",
};

// Where the limit is spelt on this workload's surface, for the message.
std::string_view spelling(const Workload& w) {
  if (kubernetes_semantics(w)) return "resources.limits.memory";
  switch (w.surface) {
    case Surface::compose:
      return "mem_limit or deploy.resources.limits.memory";
    case Surface::host:
      return "HostConfig.Memory is 0";
    default:
      return "--memory";
  }
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      // Ephemeral debug containers cannot carry resources.
      if (c.role == ContainerRole::ephemeral) continue;
      // A limit written with a variable (`${MEM}`) is a limit: only absence is reported.
      const Located<std::string>& limit = c.resources.memory_limit;
      if (!limit.is_absent()) continue;
      Location where = limit.where.known() ? limit.where : c.where;
      out.add(
          make_finding(k_info, w, &c, where,
                       subject(w, c) + " has no memory limit" + no_limit_tail(limit, spelling(w))));
    }
  }
}

}  // namespace

extern const Rule k_no_memory_limit{k_info, RuleScope::unit, check};

}  // namespace vern
