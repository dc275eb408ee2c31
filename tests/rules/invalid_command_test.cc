#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_invalid_command;

namespace {

TEST(InvalidCommand, EachIssueIsAFinding) {
  Inventory inv;
  inv.command_issues.push_back(
      CommandIssue{"deploy.sh", "docker run nginx", test::line(4, 12), "unknown flag: --d"});
  auto f = test::run_rule(k_invalid_command, inv);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "unknown flag: --d");
  EXPECT_EQ(f[0].where, test::line(4, 12));
  EXPECT_EQ(f[0].object, "docker run nginx");
  EXPECT_EQ(f[0].severity, Severity::low);
}

TEST(InvalidCommand, NoIssuesNoFindings) {
  EXPECT_TRUE(test::run_rule(k_invalid_command, Inventory{}).empty());
}

}  // namespace
}  // namespace vern
