// capabilities-not-dropped: the container keeps Docker's default capability set
// instead of dropping ALL.
#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "capabilities-not-dropped",
    .title = "Capabilities are not dropped",
    .severity = Severity::medium,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "Containers start with a default set of Linux capabilities (CHOWN, DAC_OVERRIDE, "
        "FOWNER, SETUID, NET_RAW, ...) that most processes never need and that help an "
        "attacker who gains code execution. Dropping ALL and adding back what is needed "
        "keeps the set minimal.",
    .remedy =
        "Drop all capabilities (cap_drop: [ALL], --cap-drop=ALL, capabilities.drop: "
        "[ALL]) and add back only the ones needed.",
    .cis = "5.4",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w) || !linux_settings_apply(w)) continue;
    for (const Container& c : w.containers) {
      bool drops_all = false;
      bool unknown = false;
      for (const Located<std::string>& cap : c.caps.drop) {
        if (cap.is_dynamic()) unknown = true;
        if (cap.is_literal() && normalize_capability(cap.value) == "ALL") drops_all = true;
      }
      if (drops_all || unknown) continue;
      // A drop list without ALL is reported at that list, else where one would go.
      Location where = c.caps.where.known() ? c.caps.where : c.where;
      if (!c.caps.drop.empty() && c.caps.drop.front().where.known()) {
        where = c.caps.drop.front().where;
      }
      std::string why = c.caps.drop.empty() ? " does not drop capabilities: drop ALL not set here"
                                            : " drops some capabilities but not ALL";
      out.add(make_finding(k_info, w, &c, where, subject(w, c) + why));
    }
  }
}

}  // namespace

extern const Rule k_capabilities_not_dropped;
const Rule k_capabilities_not_dropped{k_info, RuleScope::unit, &check};

}  // namespace vern
