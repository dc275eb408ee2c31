// evaluate: runs the catalog's rules over an inventory. Shared by `vern scan`,
// `vern host`, `vern image` and the enforcement points, so a slug means the
// same thing everywhere.
#pragma once

#include "model/inventory.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace vern {

// Runs every rule of `scope` over `inventory`, sending findings to `out`.
// Disabled rules and severity overrides are applied later, by the driver.
void evaluate(const Inventory& inventory, RuleScope scope, const RuleOptions& options,
              FindingSink& out);

}  // namespace vern
