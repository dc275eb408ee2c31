// Table-driven rule tests: each case is a workload and the findings a rule must
// report on it (none for a "good" case). A case fails on any unexpected finding.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/model_builder.h"
#include "rules/rule.h"

namespace vern::test {

struct RuleCase {
  std::string label;  // what the case is about, printed on failure
  WorkloadBuilder workload;
  std::vector<std::string> messages;  // expected messages, in order; empty: a good case
};

inline void expect_cases(const Rule& rule, const std::vector<RuleCase>& cases,
                         const RuleOptions& options = {}) {
  for (const RuleCase& c : cases) {
    SCOPED_TRACE(c.label);
    std::vector<Finding> found = run_rule(rule, c.workload, options);
    std::vector<std::string> messages;
    for (const Finding& f : found) {
      EXPECT_EQ(f.rule, rule.info.slug);
      messages.push_back(f.message);
    }
    EXPECT_EQ(messages, c.messages);
  }
}

}  // namespace vern::test
