// host-user-namespace: the container shares the host's user namespace even
// when the daemon remaps users.
#include <strings.h>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "host-user-namespace",
    .title = "Container shares the host user namespace",
    .severity = Severity::medium,
    .surfaces = {Surface::compose, Surface::run, Surface::host},
    .rationale =
        "With userns-remap, root in a container is an unprivileged user on the host. "
        "userns_mode: host opts this container out, so its root is the host's root again.",
    .remedy = "Remove userns_mode: host / --userns=host.",
    .cis = "5.31",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    const Located<std::string>& mode = w.userns_mode;
    if (!mode.is_literal() || strcasecmp(mode.value.c_str(), "host") != 0) continue;
    out.add(make_finding(k_info, w, nullptr, mode.where,
                         workload_subject(w) + " uses the host user namespace (userns host)"));
  }
}

}  // namespace

extern const Rule k_host_user_namespace;
const Rule k_host_user_namespace{k_info, RuleScope::unit, &check};

}  // namespace vern
