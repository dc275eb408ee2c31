// namespace-without-pod-security: a Namespace does not enforce the Pod
// Security "restricted" level.
#include <string>
#include <utility>
#include <vector>

#include "rules/helpers.h"
#include "rules/object_finding.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "namespace-without-pod-security",
    .title = "Namespace does not enforce Pod Security restricted",
    .severity = Severity::medium,
    .surfaces = {Surface::kubernetes},
    .rationale =
        "Pod Security Admission only rejects unsafe pods in namespaces labelled "
        "pod-security.kubernetes.io/enforce. Without the label any pod is admitted (privileged, "
        "host namespaces, hostPath); `baseline` stops the worst of it but still admits root "
        "containers and added capabilities. `restricted` is the level that makes the "
        "container rules of this catalog hold for everything deployed there.",
    .remedy = "Label the namespace pod-security.kubernetes.io/enforce: restricted.",
};

// How far a definition goes: the best definition of a namespace wins, since a
// namespace split over several files (base and overlay) is applied as a whole.
enum class Level { none, unknown, baseline, restricted };

Level level_of(const Namespace& n) {
  if (n.enforce_level.is_dynamic()) return Level::unknown;
  if (n.enforce_level.is("restricted")) return Level::restricted;
  if (n.enforce_level.is("baseline")) return Level::baseline;
  return Level::none;
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  // The best definition of each name, in order of first appearance.
  std::vector<const Namespace*> best;
  for (const Namespace& n : inv.namespaces) {
    bool merged = false;
    for (const Namespace*& b : best) {
      if (b->name != n.name) continue;
      if (level_of(n) > level_of(*b)) b = &n;
      merged = true;
      break;
    }
    if (!merged) best.push_back(&n);
  }
  for (const Namespace* n : best) {
    Level level = level_of(*n);
    if (level == Level::restricted || level == Level::unknown) continue;
    std::string message = "namespace \"" + n->name + "\" ";
    Location where = n->labels_where.known() ? n->labels_where : n->where;
    if (n->enforce_level.is_literal()) {
      message += "enforces Pod Security \"" + n->enforce_level.value + "\", not \"restricted\"";
      where = n->enforce_level.where;
    } else {
      message += "has no pod-security.kubernetes.io/enforce label";
    }
    Finding f = make_object_finding(k_info, n->file, where,
                                    kube_object_label("Namespace", "", n->name), message);
    if (level == Level::baseline) f.severity = Severity::low;
    out.add(std::move(f));
  }
}

}  // namespace

extern const Rule k_namespace_without_pod_security{k_info, RuleScope::set, check};

}  // namespace vern
