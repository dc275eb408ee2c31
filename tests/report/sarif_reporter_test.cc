// The SARIF reporter writes logs that the official 2.1.0 schema accepts.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/render.h"
#include "rules/catalog.h"
#include "support/sarif_schema.h"

namespace vern {
namespace {

using nlohmann::json;
using testing::FileFindings;
using testing::have_jsonschema;
using testing::make_test_finding;
using testing::render;

ReportOptions sarif_options() {
  ReportOptions options;
  options.format = OutputFormat::sarif;
  options.tool_version = "1.2.3";
  return options;
}

// A slug from the catalog when it has any, so that ruleIndex is exercised.
std::string known_slug() {
  auto rules = catalog();
  return rules.empty() ? std::string("root-user") : std::string(rules.front()->info.slug);
}

std::string sample_log() {
  Finding with_props =
      make_test_finding(known_slug(), Severity::high, "./deploy/web app.yaml", 14, 9, "  image: x",
                        "image x", "pin it", "Deployment prod/web");
  with_props.properties = {{"cis", "5.4"}};
  std::vector<FileFindings> files = {
      {"deploy/web app.yaml",
       {with_props, make_test_finding("not-in-catalog", Severity::info, "deploy/web app.yaml", 3, 0,
                                      "", "no column here", "")}},
      {"/abs/path/Dockerfile",
       {make_test_finding("remote-add", Severity::medium, "/abs/path/Dockerfile", 2, 1, "",
                          "ADD of a URL", "use curl")}},
      {"",
       {make_test_finding("privileged", Severity::critical, "", 0, 0, "", "privileged", "drop it",
                          "container web")}}};
  Error located = Error::invalid("unexpected key", 5, 2);
  located.file = "compose.yaml";
  Summary summary;
  summary.files_scanned = 4;
  summary.counts[int(Severity::high)] = 1;
  summary.counts[int(Severity::critical)] = 1;
  summary.counts[int(Severity::medium)] = 1;
  summary.counts[int(Severity::info)] = 1;
  summary.errors = 2;
  return render(sarif_options(), files, {located, Error::failed("daemon unreachable")}, summary);
}

TEST(SarifReporter, LogWithResultsMatchesSchema) {
  if (!have_jsonschema()) GTEST_SKIP() << "python3 jsonschema is not installed";
  auto result = testing::validate_sarif(sample_log());
  EXPECT_EQ(result.exit_code, 0) << result.err << result.out;
}

TEST(SarifReporter, EmptyLogMatchesSchema) {
  if (!have_jsonschema()) GTEST_SKIP() << "python3 jsonschema is not installed";
  std::string log = render(sarif_options(), {}, {}, Summary{});
  auto result = testing::validate_sarif(log);
  EXPECT_EQ(result.exit_code, 0) << result.err << result.out;
  json doc = json::parse(log);
  EXPECT_TRUE(doc["runs"][0]["results"].empty());
  EXPECT_EQ(doc["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

TEST(SarifReporter, RuleTableListsTheWholeCatalog) {
  json doc = json::parse(sample_log());
  EXPECT_EQ(doc["version"], "2.1.0");
  const json& driver = doc["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "vern");
  EXPECT_EQ(driver["version"], "1.2.3");
  auto rules = catalog();
  ASSERT_EQ(driver["rules"].size(), rules.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    const json& r = driver["rules"][i];
    const RuleInfo& info = rules[i]->info;
    EXPECT_EQ(r["id"], info.slug);
    EXPECT_EQ(r["shortDescription"]["text"], info.title);
    EXPECT_EQ(r["helpUri"], "https://vern.dev/docs/rules/" + std::string(info.slug) + ".md");
    EXPECT_NE(r["help"]["text"].get<std::string>().find(std::string(info.remedy)),
              std::string::npos);
    std::string level = r["defaultConfiguration"]["level"];
    EXPECT_EQ(level, info.severity >= Severity::high     ? "error"
                     : info.severity == Severity::medium ? "warning"
                                                         : "note");
    EXPECT_TRUE(r["properties"]["tags"].is_array());
    EXPECT_FALSE(r["properties"]["security-severity"].get<std::string>().empty());
  }
}

TEST(SarifReporter, ResultsCarryLevelLocationAndRuleIndex) {
  json doc = json::parse(sample_log());
  const json& results = doc["runs"][0]["results"];
  ASSERT_EQ(results.size(), 4u);

  const json& first = results[0];
  EXPECT_EQ(first["ruleId"], known_slug());
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["message"]["text"], "image x");
  if (!catalog().empty()) {
    EXPECT_EQ(first["ruleIndex"], 0);
  }
  const json& loc = first["locations"][0];
  EXPECT_EQ(loc["physicalLocation"]["artifactLocation"]["uri"], "deploy/web%20app.yaml");
  EXPECT_EQ(loc["physicalLocation"]["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(loc["physicalLocation"]["region"], (json{{"startLine", 14}, {"startColumn", 9}}));
  EXPECT_EQ(loc["logicalLocations"][0]["name"], "Deployment prod/web");
  EXPECT_EQ(first["properties"]["cis"], "5.4");

  EXPECT_FALSE(results[1].contains("ruleIndex"));
  EXPECT_EQ(results[1]["level"], "note");
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"], (json{{"startLine", 3}}));

  EXPECT_EQ(results[2]["level"], "warning");
  EXPECT_EQ(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file:///abs/path/Dockerfile");

  // A live object has no file: only its logical location.
  EXPECT_FALSE(results[3]["locations"][0].contains("physicalLocation"));
  EXPECT_EQ(results[3]["locations"][0]["logicalLocations"][0]["name"], "container web");
}

TEST(SarifReporter, ErrorsBecomeNotifications) {
  json doc = json::parse(sample_log());
  const json& invocation = doc["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  const json& notes = invocation["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]["level"], "error");
  EXPECT_EQ(notes[0]["message"]["text"], "unexpected key");
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 5);
  EXPECT_FALSE(notes[1].contains("locations"));
}

}  // namespace
}  // namespace vern
