#include "scan/evaluate.h"

#include "rules/catalog.h"

namespace vern {

void evaluate(const Inventory& inventory, RuleScope scope, const RuleOptions& options,
              FindingSink& out) {
  for (const Rule* rule : catalog()) {
    if (rule->scope == scope && rule->check) rule->check(inventory, options, out);
  }
}

}  // namespace vern
