// check_file and sort_findings: what one file of a scan yields, and its order.
#include "scan/file_check.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/scratch_dir.h"

namespace vern {
namespace {

Finding at(const std::string& rule, int line, int column, const std::string& message = "") {
  Finding f;
  f.rule = rule;
  f.where = Location{line, column};
  f.message = message;
  return f;
}

std::vector<std::string> order(const std::vector<Finding>& found) {
  std::vector<std::string> out;
  for (const Finding& f : found) {
    out.push_back(std::to_string(f.where.line) + ":" + std::to_string(f.where.column) + " " +
                  f.rule + f.message);
  }
  return out;
}

TEST(SortFindings, ByLineColumnThenRuleAndTiesKeepTheirOrder) {
  std::vector<Finding> found = {at("b", 3, 1),       at("a", 3, 1),       at("z", 1, 5),
                                at("c", 2, 1, "#1"), at("c", 2, 1, "#2"), at("a", 1, 7),
                                at("c", 2, 1, "#3")};
  sort_findings(found);
  EXPECT_EQ(order(found), (std::vector<std::string>{"1:5 z", "1:7 a", "2:1 c#1", "2:1 c#2",
                                                    "2:1 c#3", "3:1 a", "3:1 b"}));
}

TEST(SortFindings, SortedListsAndEmptyListsStayAsTheyAre) {
  std::vector<Finding> found = {at("a", 1, 1), at("b", 1, 1), at("a", 2, 1)};
  sort_findings(found);
  EXPECT_EQ(order(found), (std::vector<std::string>{"1:1 a", "1:1 b", "2:1 a"}));
  std::vector<Finding> none;
  sort_findings(none);
  EXPECT_TRUE(none.empty());
}

TEST(CheckFile, CountsTheFindingsLeftAfterSuppressionsBySeverity) {
  testing::ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  WalkItem item;
  item.path = dir.write("compose.yaml",
                        "services:\n"
                        "  web:\n"
                        "    image: nginx:1.25\n"
                        "    privileged: true  # vern:ignore privileged\n"
                        "    network_mode: host\n");
  FileResult r = check_file(item, ScanOptions{}, false, nullptr);

  ASSERT_TRUE(r.recognised);
  EXPECT_EQ(r.suppressed, 1);
  int expected[k_severity_count] = {};
  for (const Finding& f : r.findings) {
    EXPECT_NE(f.rule, "privileged");
    ++expected[int(f.severity)];
  }
  EXPECT_GT(expected[int(Severity::high)] + expected[int(Severity::critical)], 0);
  for (int s = 0; s < k_severity_count; ++s)
    EXPECT_EQ(r.counts[s], expected[s]) << severity_name(Severity(s));
}

}  // namespace
}  // namespace vern
