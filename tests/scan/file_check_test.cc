// check_file and sort_findings: what one file of a scan yields, and its order.
#include "scan/file_check.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// A walk item for `content` written to `name` in `dir`.
WalkItem written(const testing::ScratchDir& dir, const std::string& name,
                 const std::string& content) {
  WalkItem item;
  item.path = dir.write(name, content);
  return item;
}

// check_file with default options over `content` written to `name` in a
// fresh folder; a fatal failure when the folder cannot be made.
void check_written(const std::string& name, const std::string& content, FileResult& out) {
  testing::ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  out = check_file(written(dir, name, content), ScanOptions{}, false, nullptr);
}

TEST(CheckFile, CountsTheFindingsLeftAfterSuppressionsBySeverity) {
  FileResult r;
  ASSERT_NO_FATAL_FAILURE(check_written("compose.yaml",
                                        "services:\n"
                                        "  web:\n"
                                        "    image: nginx:1.25\n"
                                        "    privileged: true  # vern:ignore privileged\n"
                                        "    network_mode: host\n",
                                        r));

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

TEST(CheckFile, AServiceWithNeitherImageNorBuildIsReportedOnlyForWhatItSets) {
  // An override file's entry amends the service of the main file: what it
  // leaves unset is set (or not) there.
  FileResult r;
  ASSERT_NO_FATAL_FAILURE(check_written("compose.override.yaml",
                                        "services:\n"
                                        "  db:\n"
                                        "    ports: [\"5432:5432\"]\n"
                                        "    privileged: true\n"
                                        "  tools:\n"
                                        "    build: ./tools\n",
                                        r));
  std::vector<std::string> db;
  bool tools_checked = false;
  for (const Finding& f : r.findings) {
    if (f.object == "service db") db.push_back(f.rule);
    tools_checked = tools_checked || (f.object == "service tools" && f.rule == "root-user");
  }
  std::sort(db.begin(), db.end());
  EXPECT_EQ(db, (std::vector<std::string>{"exposed-database-port", "privileged"}));
  EXPECT_TRUE(tools_checked);  // built here: a service of its own
}

TEST(CheckFile, AServiceExtendingAnotherFileIsReportedOnlyForWhatItSets) {
  // common.yml is not read: its service may set the limits, user and
  // capabilities this one leaves out.
  FileResult r;
  ASSERT_NO_FATAL_FAILURE(check_written("compose.yaml",
                                        "services:\n"
                                        "  web:\n"
                                        "    extends: {file: common.yml, service: web}\n"
                                        "    image: nginx:1.25\n"
                                        "    privileged: true\n",
                                        r));
  std::vector<std::string> web;
  for (const Finding& f : r.findings) web.push_back(f.rule);
  std::sort(web.begin(), web.end());
  EXPECT_EQ(web, (std::vector<std::string>{"image-not-pinned", "privileged"}));
}

TEST(CheckFile, ADockerRunWithOptionsInAVariableKeepsItsIssuesAndWhatItSets) {
  FileResult r;
  ASSERT_NO_FATAL_FAILURE(check_written("deploy.sh",
                                        "#!/bin/sh\n"
                                        "docker run $OPTS --privileged app:1\n"
                                        "docker run --rm --privileged\n",
                                        r));
  std::vector<std::string> found;
  for (const Finding& f : r.findings) {
    found.push_back(std::to_string(f.where.line) + ":" + std::to_string(f.where.column) + " " +
                    f.rule);
  }
  // Line 2: the variable may set what is missing, so only what is written
  // counts. Line 3: no image, no container; the command's error stays.
  EXPECT_EQ(found, (std::vector<std::string>{"2:18 privileged", "2:31 image-not-pinned",
                                             "3:1 invalid-command"}));
}

// A database on the project's default network: a set-level finding that a
// Compose file settles alone.
const char* k_public_database =
    "services:\n"
    "  db:\n"
    "    image: postgres:16\n";

std::vector<std::string> rules(const std::vector<Finding>& found) {
  std::vector<std::string> out;
  for (const Finding& f : found) out.push_back(f.rule);
  return out;
}

TEST(CheckFile, ComposeSetFindingsComeWithTheFileAfterConfig) {
  testing::ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  WalkItem item = written(dir, "compose.yaml", k_public_database);
  ScanOptions options;
  options.config.severity_overrides["database-on-public-network"] = Severity::critical;
  FileResult r = check_file(item, options, true, nullptr);

  auto it = std::find_if(r.findings.begin(), r.findings.end(),
                         [](const Finding& f) { return f.rule == "database-on-public-network"; });
  ASSERT_NE(it, r.findings.end()) << ::testing::PrintToString(rules(r.findings));
  EXPECT_EQ(it->severity, Severity::critical);
  EXPECT_EQ(it->where.line, 2);
  EXPECT_EQ(it->source_line, "  db:");
  EXPECT_EQ(r.counts[int(Severity::critical)], 1);
  EXPECT_TRUE(std::is_sorted(
      r.findings.begin(), r.findings.end(),
      [](const Finding& a, const Finding& b) { return a.where.line < b.where.line; }));

  options.config.disabled_rules.insert("database-on-public-network");
  FileResult quiet = check_file(item, options, false, nullptr);
  for (const Finding& f : quiet.findings) EXPECT_NE(f.rule, "database-on-public-network");
}

TEST(CheckFile, ComposeSetFindingsObeyTheFilesSuppressions) {
  FileResult r;
  ASSERT_NO_FATAL_FAILURE(check_written("compose.yaml",
                                        "services:\n"
                                        "  db:  # vern:ignore database-on-public-network\n"
                                        "    image: postgres:16\n",
                                        r));

  for (const Finding& f : r.findings) EXPECT_NE(f.rule, "database-on-public-network");
  EXPECT_GE(r.suppressed, 1);
  for (const Suppression& s : r.suppressions) EXPECT_TRUE(s.used) << s.rule;
}

}  // namespace
}  // namespace vern
