// no-healthcheck: the final image has no HEALTHCHECK (CIS Docker 4.6).
#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "no-healthcheck",
    .title = "Image has no HEALTHCHECK",
    .severity = Severity::low,
    .surfaces = {Surface::dockerfile, Surface::image},
    .rationale =
        "Without a HEALTHCHECK the engine only knows whether the process is alive, not whether "
        "it still serves: a hung or broken service keeps receiving traffic and is never "
        "restarted by the orchestrator.",
    .remedy =
        "Add a HEALTHCHECK CMD that probes the service (e.g. HEALTHCHECK CMD curl -f "
        "http://localhost/health || exit 1).",
    .cis = "4.6",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      if (c.role != ContainerRole::main || c.healthcheck.is(true) || c.healthcheck.is_dynamic()) {
        continue;
      }
      Location where = c.healthcheck.where.known() ? c.healthcheck.where : c.where;
      std::string what = c.healthcheck.is(false) ? " disables its healthcheck (HEALTHCHECK NONE)"
                                                 : " has no HEALTHCHECK";
      out.add(make_finding(k_info, w, &c, where, subject(w, c) + what));
    }
  }
}

}  // namespace

extern const Rule k_no_healthcheck;
const Rule k_no_healthcheck{k_info, RuleScope::unit, &check};

}  // namespace vern
