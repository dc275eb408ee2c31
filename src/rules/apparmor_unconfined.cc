// apparmor-unconfined: the container runs without an AppArmor profile.
#include <strings.h>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "apparmor-unconfined",
    .title = "AppArmor is disabled",
    .severity = Severity::high,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "The runtime's default AppArmor profile denies writes to /proc and /sys, mounts and "
        "raw kernel interfaces. Running unconfined removes that layer on hosts where "
        "AppArmor is the mandatory access control.",
    .remedy =
        "Remove apparmor=unconfined; use the runtime default or a custom profile "
        "(appArmorProfile.type: RuntimeDefault).",
    .cis = "5.2",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      const Located<std::string>& profile = c.apparmor;
      if (!profile.is_literal() || strcasecmp(profile.value.c_str(), k_profile_unconfined) != 0) {
        continue;
      }
      out.add(make_finding(k_info, w, &c, profile.where,
                           subject(w, c) + " runs with AppArmor profile Unconfined"));
    }
  }
}

}  // namespace

extern const Rule k_apparmor_unconfined;
const Rule k_apparmor_unconfined{k_info, RuleScope::unit, &check};

}  // namespace vern
