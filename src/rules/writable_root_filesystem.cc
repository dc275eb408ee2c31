// writable-root-filesystem: the container's root filesystem is writable.
#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "writable-root-filesystem",
    .title = "Root filesystem is writable",
    .severity = Severity::medium,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "A writable root filesystem lets an attacker drop tools, change binaries or persist "
        "in the container. A read-only root with explicit writable volumes (tmpfs, emptyDir) "
        "for the few paths that need it makes the image immutable at run time.",
    .remedy =
        "Set read_only: true / --read-only / readOnlyRootFilesystem: true and mount "
        "writable paths as tmpfs or volumes.",
    .cis = "5.13",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w) || !linux_settings_apply(w)) continue;
    for (const Container& c : w.containers) {
      const Located<bool>& ro = c.read_only_rootfs;
      if (ro.is(true) || ro.is_dynamic()) continue;
      std::string why = ro.is(false) ? " sets a writable root filesystem (read-only false)"
                                     : " has a writable root filesystem: read-only not set here";
      out.add(
          make_finding(k_info, w, &c, ro.where.known() ? ro.where : c.where, subject(w, c) + why));
    }
  }
}

}  // namespace

extern const Rule k_writable_root_filesystem;
const Rule k_writable_root_filesystem{k_info, RuleScope::unit, &check};

}  // namespace vern
