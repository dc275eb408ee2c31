// End-to-end: `vern rules` run as a real program.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "rules/catalog.h"
#include "support/run_process.h"

namespace vern {
namespace {

using testing::run_process;

TEST(RulesCommand, JsonListsTheCatalog) {
  auto result = run_process({VERN_BINARY, "rules", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  nlohmann::json doc = nlohmann::json::parse(result.out);
  ASSERT_TRUE(doc.is_array());
  auto rules = catalog();
  ASSERT_EQ(doc.size(), rules.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& info = rules[i]->info;
    const nlohmann::json& r = doc[i];
    EXPECT_EQ(r["slug"], info.slug);
    EXPECT_EQ(r["title"], info.title);
    EXPECT_EQ(r["severity"], severity_name(info.severity));
    EXPECT_EQ(r["surfaces"], info.surfaces.letters());
    EXPECT_EQ(r["rationale"], info.rationale);
    EXPECT_EQ(r["remedy"], info.remedy);
    if (info.cis.empty()) {
      EXPECT_TRUE(r["cis"].is_null());
    } else {
      EXPECT_EQ(r["cis"], info.cis);
    }
  }
}

TEST(RulesCommand, FormatWithEqualsSign) {
  auto result = run_process({VERN_BINARY, "rules", "--format=json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(nlohmann::json::parse(result.out).is_array());
}

TEST(RulesCommand, TableHasHeaderAndOneLinePerRule) {
  auto result = run_process({VERN_BINARY, "rules"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::istringstream lines(result.out);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(line.rfind("SLUG", 0), 0u) << line;
  EXPECT_NE(line.find("SEVERITY"), std::string::npos);
  EXPECT_NE(line.find("SURFACES"), std::string::npos);
  EXPECT_NE(line.find("TITLE"), std::string::npos);
  for (const Rule* rule : catalog()) {
    ASSERT_TRUE(std::getline(lines, line)) << "missing " << rule->info.slug;
    std::istringstream words(line);
    std::string slug, severity, surfaces;
    words >> slug >> severity >> surfaces;
    EXPECT_EQ(slug, rule->info.slug);
    EXPECT_EQ(severity, severity_name(rule->info.severity));
    EXPECT_EQ(surfaces, rule->info.surfaces.letters());
    EXPECT_NE(line.find(std::string(rule->info.title)), std::string::npos) << line;
  }
  EXPECT_FALSE(std::getline(lines, line)) << "unexpected line: " << line;
}

TEST(RulesCommand, UnknownFormatIsAUsageError) {
  auto result = run_process({VERN_BINARY, "rules", "--format", "yaml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("unknown format 'yaml'"), std::string::npos) << result.err;
}

TEST(RulesCommand, MissingFormatValueIsAUsageError) {
  auto result = run_process({VERN_BINARY, "rules", "--format"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--format needs a value"), std::string::npos) << result.err;
}

TEST(RulesCommand, UnexpectedArgumentIsAUsageError) {
  auto result = run_process({VERN_BINARY, "rules", "root-user"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("unexpected argument 'root-user'"), std::string::npos) << result.err;
}

TEST(RulesCommand, HelpPrintsUsage) {
  auto result = run_process({VERN_BINARY, "rules", "--help"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("usage: vern rules [--format table|json]\n", 0), 0u) << result.out;
  auto via_help = run_process({VERN_BINARY, "help", "rules"});
  EXPECT_EQ(via_help.exit_code, 0);
  EXPECT_EQ(via_help.out, result.out);
}

}  // namespace
}  // namespace vern
