// sort_findings: the order findings of one file are reported in.
#include "scan/file_check.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

}  // namespace
}  // namespace vern
