// Small helpers shared by rule checks: building findings and walking the model.
#pragma once

#include <string>
#include <string_view>

#include "model/workload.h"
#include "rules/rule.h"

namespace vern {

// True iff the rule applies to workloads of this surface.
inline bool applies(const RuleInfo& info, const Workload& w) {
  return info.surfaces.has(w.surface);
}

// True iff the workload can set the Linux-only security settings: false for a
// Kubernetes pod that declares Windows (`spec.os.name: windows`), as Pod
// Security's restricted profile exempts such pods from them.
inline bool linux_settings_apply(const Workload& w) { return !w.windows; }

// A finding of `info` on workload `w` (and container `c` when given) at `where`,
// with the rule's default severity and remedy.
Finding make_finding(const RuleInfo& info, const Workload& w, const Container* c, Location where,
                     std::string message);

// "container app" / "init container setup" / "" for the single container of a
// non-Kubernetes workload; used to make messages precise.
std::string container_phrase(const Workload& w, const Container& c);

// The end of a missing-limit message: " (SPELLING)", or ": VALUE means
// unlimited (SPELLING)" when the limit is written out as "no limit" (`-1`).
std::string no_limit_tail(const Located<std::string>& limit, std::string_view spelling);

// Upper-cases a capability name and strips a leading "CAP_".
std::string normalize_capability(std::string_view name);

}  // namespace vern
