// Rule: one entry of the catalog (../shared/rules.md). A rule is metadata plus
// a pure check over the model; it reports through a FindingSink and never prints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"
#include "model/surface.h"
#include "rules/finding.h"

namespace vern {

struct RuleInfo {
  std::string_view slug;                 // stable id: output, SARIF ruleId, suppressions, config
  std::string_view title;                // one line, for `vern rules` and SARIF shortDescription
  Severity severity = Severity::medium;  // default severity
  SurfaceSet surfaces;
  std::string_view rationale;  // why it matters, a few sentences
  std::string_view remedy;     // one line: what to do
  std::string_view cis = {};   // CIS Docker Benchmark 1.6 control, when one exists
};

// Settings from `.vern.yaml` that change what a rule considers acceptable.
struct RuleOptions {
  // Registries images may come from (`docker.io` for unqualified names).
  // Default: empty, which turns `untrusted-registry` off.
  std::vector<std::string> allowed_registries;
  // Capabilities that may be added without a `dangerous-capability` finding,
  // upper case without `CAP_`. Default: empty (only NET_BIND_SERVICE is implied).
  std::vector<std::string> allowed_capabilities;
};

// When a rule runs.
enum class RuleScope {
  unit,  // once per translated input (a file, a live container, an image)
  set,   // once per scan, over the objects of every input merged
  // Like set, but judges each workload on its own against the other objects
  // of the scan (its ServiceAccount in another file): a scan may hand such a
  // rule its workloads in several batches, each with every non-workload object.
  set_workload,
};

struct Rule {
  RuleInfo info;
  RuleScope scope = RuleScope::unit;
  // Reports every finding of this rule in `inventory`. Must not keep state.
  void (*check)(const Inventory& inventory, const RuleOptions& options, FindingSink& out) = nullptr;
};

}  // namespace vern
