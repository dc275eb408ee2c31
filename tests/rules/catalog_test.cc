#include "rules/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace vern {
namespace {

// Slugs of the specification that have no implementation yet. Remove a slug
// here when its rule joins the catalog (the test below insists).
const std::set<std::string> k_pending = {
    "unsigned-image",
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One row of a table of the specification: | `slug` | sev | surfaces | ... |
struct SpecRow {
  std::string severity;
  std::string surfaces;  // as written, e.g. "D C K R H I E" or "H daemon.json"
};

std::map<std::string, SpecRow> spec_rows() {
  std::map<std::string, SpecRow> rows;
  std::istringstream in(read_file(std::filesystem::path(VERN_SHARED_DIR) / "rules.md"));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("| `")) continue;
    std::vector<std::string> cells;
    size_t pos = 1;
    while (pos < line.size()) {
      size_t bar = line.find('|', pos);
      if (bar == std::string::npos) break;
      std::string cell = line.substr(pos, bar - pos);
      cell.erase(0, cell.find_first_not_of(' '));
      cell.erase(cell.find_last_not_of(' ') + 1);
      cells.push_back(cell);
      pos = bar + 1;
    }
    if (cells.size() < 3) continue;
    std::string slug = cells[0].substr(1, cells[0].find('`', 1) - 1);
    rows[slug] = SpecRow{cells[1], cells[2]};
  }
  return rows;
}

std::string underscored(std::string_view slug) {
  std::string out(slug);
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

TEST(Catalog, SortedBySlugWithoutDuplicates) {
  auto rules = catalog();
  ASSERT_FALSE(rules.empty());
  for (size_t i = 1; i < rules.size(); ++i) {
    EXPECT_LT(rules[i - 1]->info.slug, rules[i]->info.slug)
        << "out of order or duplicate: " << rules[i]->info.slug;
  }
}

TEST(Catalog, EveryRuleHasItsMetadata) {
  for (const Rule* rule : catalog()) {
    SCOPED_TRACE(std::string(rule->info.slug));
    EXPECT_FALSE(rule->info.title.empty());
    EXPECT_FALSE(rule->info.rationale.empty());
    EXPECT_FALSE(rule->info.remedy.empty());
    EXPECT_FALSE(rule->info.surfaces.empty());
    EXPECT_NE(rule->check, nullptr);
    EXPECT_EQ(find_rule(rule->info.slug), rule);
  }
  EXPECT_EQ(find_rule("no-such-rule"), nullptr);
}

TEST(Catalog, EveryRuleHasADocPageWithBadAndGoodExamples) {
  for (const Rule* rule : catalog()) {
    std::string slug(rule->info.slug);
    std::filesystem::path page =
        std::filesystem::path(VERN_SOURCE_DIR) / "docs/rules" / (slug + ".md");
    ASSERT_TRUE(std::filesystem::exists(page)) << page;
    std::string text = read_file(page);
    EXPECT_NE(text.find("Bad"), std::string::npos) << page;
    EXPECT_NE(text.find("Good"), std::string::npos) << page;
    EXPECT_NE(text.find(slug), std::string::npos) << page;
  }
}

TEST(Catalog, EveryRuleHasATestFile) {
  for (const Rule* rule : catalog()) {
    std::filesystem::path test = std::filesystem::path(VERN_SOURCE_DIR) / "tests/rules" /
                                 (underscored(rule->info.slug) + "_test.cc");
    EXPECT_TRUE(std::filesystem::exists(test)) << test;
  }
}

TEST(Catalog, EverySpecifiedSlugIsImplementedOrPending) {
  auto rows = spec_rows();
  ASSERT_GT(rows.size(), 40u) << "could not read the specification's tables";
  for (const auto& [slug, row] : rows) {
    bool implemented = find_rule(slug) != nullptr;
    bool pending = k_pending.count(slug) != 0;
    EXPECT_TRUE(implemented || pending) << slug << " is neither in the catalog nor pending";
    EXPECT_FALSE(implemented && pending) << slug << " is implemented: remove it from k_pending";
  }
  for (const std::string& slug : k_pending) {
    EXPECT_TRUE(rows.count(slug)) << slug << " is pending but not in the specification";
  }
  for (const Rule* rule : catalog()) {
    EXPECT_TRUE(rows.count(std::string(rule->info.slug)))
        << rule->info.slug << " is not in the specification";
  }
}

TEST(Catalog, SeverityAndSurfacesMatchTheSpecification) {
  auto rows = spec_rows();
  for (const Rule* rule : catalog()) {
    auto it = rows.find(std::string(rule->info.slug));
    if (it == rows.end()) continue;  // reported by the test above
    SCOPED_TRACE(std::string(rule->info.slug));
    const SpecRow& row = it->second;
    if (auto sev = parse_severity(row.severity)) {
      EXPECT_EQ(rule->info.severity, *sev);
    }
    if (row.surfaces.find("daemon.json") != std::string::npos) continue;
    std::string letters = row.surfaces;
    std::erase(letters, ' ');
    EXPECT_EQ(rule->info.surfaces.letters(), letters);
  }
}

}  // namespace
}  // namespace vern
