// privileged: a container runs in privileged mode.
#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "privileged",
    .title = "Container runs privileged",
    .severity = Severity::critical,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "A privileged container gets every capability, every host device and no seccomp or "
        "AppArmor confinement; root inside it can mount the host's disks or load kernel "
        "modules, which is the same as root on the host.",
    .remedy = "Remove privileged mode; add only the capabilities or devices the process needs.",
    .cis = "5.5",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      if (!c.privileged.is(true)) continue;
      out.add(make_finding(k_info, w, &c, c.privileged.where,
                           subject(w, c) + " runs in privileged mode"));
    }
  }
}

}  // namespace

extern const Rule k_privileged;
const Rule k_privileged{k_info, RuleScope::unit, &check};

}  // namespace vern
