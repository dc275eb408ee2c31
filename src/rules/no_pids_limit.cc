// no-pids-limit: a container has no PIDs limit.
#include <string>
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "no-pids-limit",
    .title = "Container has no PIDs limit",
    .severity = Severity::low,
    .surfaces = {Surface::compose, Surface::run, Surface::host},
    .rationale =
        "Without a PIDs limit a fork bomb or a runaway worker pool in one container exhausts the "
        "host's process table, and nothing else on the host can start a process.",
    .remedy = "Set a PIDs limit: pids_limit or deploy.resources.limits.pids, --pids-limit.",
    .cis = "5.29",
};

// Where the limit is spelt on this workload's surface, for the message.
std::string_view spelling(const Workload& w) {
  if (kubernetes_semantics(w)) return "pids_limit";
  switch (w.surface) {
    case Surface::compose:
      return "pids_limit or deploy.resources.limits.pids";
    case Surface::host:
      return "HostConfig.PidsLimit is not above 0";
    default:
      return "--pids-limit";
  }
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      // Ephemeral debug containers cannot carry resources.
      if (c.role == ContainerRole::ephemeral) continue;
      // A limit written with a variable (`${MEM}`) is a limit: only absence is reported.
      const Located<std::string>& limit = c.resources.pids_limit;
      if (!limit.is_absent()) continue;
      Location where = limit.where.known() ? limit.where : c.where;
      out.add(
          make_finding(k_info, w, &c, where,
                       subject(w, c) + " has no PIDs limit" + no_limit_tail(limit, spelling(w))));
    }
  }
}

}  // namespace

extern const Rule k_no_pids_limit{k_info, RuleScope::unit, check};

}  // namespace vern
