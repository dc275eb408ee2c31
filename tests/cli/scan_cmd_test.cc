// End-to-end: `vern scan` as a user runs it. Exact text output, colours, the
// JSON contract, SARIF against the official schema, exit codes and usage errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli/scan_fixtures.h"
#include "support/run_terminal.h"
#include "support/sarif_schema.h"

namespace vern {
namespace {

using nlohmann::json;
using testing::scan_fixture;
using testing::vern_scan;
using testing::vern_scan_json;

constexpr const char* k_text_report =
    "text/compose.yaml:12:17  critical  privileged  service \"api\" runs in privileged mode\n"
    "        privileged: true\n"
    "                    ^\n"
    "  remedy: Remove privileged mode; add only the capabilities or devices the process needs.\n"
    "\n"
    "text/compose.yaml:14:7  high  secret-in-env  service \"api\": environment variable "
    "API_TOKEN holds a literal value\n"
    "          API_TOKEN: ****\n"
    "          ^\n"
    "  remedy: Pass the secret at run time from a secret store: Kubernetes secretKeyRef, Compose "
    "secrets, a *_FILE variable pointing at a mounted file.\n"
    "\n"
    "2 findings (1 critical, 1 high) in 1 file\n";

TEST(ScanCommand, TextReportIsExact) {
  auto r = vern_scan({"text"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, k_text_report);
  EXPECT_EQ(r.err, "");
}

TEST(ScanCommand, TextNeverPrintsTheSecretValue) {
  auto r = vern_scan({"text"});
  EXPECT_EQ(r.out.find("abc123"), std::string::npos) << r.out;
}

TEST(ScanCommand, NoColourWhenNotATerminal) {
  auto r = vern_scan({"text"});
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
}

TEST(ScanCommand, ColourOnATerminalUnlessNoColorOrFlag) {
  std::vector<std::string> argv = {VERN_BINARY, "scan", scan_fixture("text")};
  auto coloured = testing::run_in_terminal(argv, {{"TERM", "xterm"}}, {"NO_COLOR"});
  EXPECT_EQ(coloured.exit_code, 1);
  EXPECT_NE(coloured.out.find("\x1b["), std::string::npos) << coloured.out;
  EXPECT_NE(coloured.out.find("privileged"), std::string::npos) << coloured.out;

  auto env_off = testing::run_in_terminal(argv, {{"TERM", "xterm"}, {"NO_COLOR", "1"}});
  EXPECT_EQ(env_off.exit_code, 1);
  EXPECT_EQ(env_off.out.find('\x1b'), std::string::npos) << env_off.out;
  EXPECT_NE(env_off.out.find("privileged"), std::string::npos) << env_off.out;

  argv.push_back("--no-color");
  auto flag_off = testing::run_in_terminal(argv, {{"TERM", "xterm"}}, {"NO_COLOR"});
  EXPECT_EQ(flag_off.exit_code, 1);
  EXPECT_EQ(flag_off.out.find('\x1b'), std::string::npos) << flag_off.out;
}

TEST(ScanCommand, QuietPrintsOnlyErrorsAndTheSummary) {
  auto r = vern_scan({"--quiet", "text", "contract/broken.yaml"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(
      r.out,
      "contract/broken.yaml:6:5: error: YAML syntax error: while parsing a flow sequence: did "
      "not find expected ',' or ']'\n"
      "2 findings (1 critical, 1 high) in 2 files; 1 error\n");
}

// The JSON fields are a contract with users' scripts: exactly these names.
TEST(ScanCommand, JsonFollowsTheContract) {
  int code = -1;
  json doc = vern_scan_json({"contract"}, code);
  EXPECT_EQ(code, 2);
  ASSERT_TRUE(doc.is_object());
  const std::set<std::string> finding_keys = {"rule",   "severity", "file",    "line",
                                              "column", "object",   "message", "remedy"};
  ASSERT_TRUE(doc["findings"].is_array());
  ASSERT_FALSE(doc["findings"].empty());
  for (const json& f : doc["findings"]) {
    std::set<std::string> keys;
    for (auto it = f.begin(); it != f.end(); ++it) keys.insert(it.key());
    keys.erase("properties");  // optional extras (CIS ids)
    EXPECT_EQ(keys, finding_keys) << f.dump();
    EXPECT_TRUE(f["line"].is_number_integer() && f["line"].get<int>() >= 2) << f.dump();
    EXPECT_TRUE(f["column"].is_number_integer() && f["column"].get<int>() >= 1) << f.dump();
    EXPECT_EQ(f["file"], "contract/compose.yaml");
    EXPECT_EQ(f["object"], "service web");
    EXPECT_FALSE(f["message"].get<std::string>().empty());
    EXPECT_FALSE(f["remedy"].get<std::string>().empty());
  }
  const json& privileged = doc["findings"][size_t(0)];
  EXPECT_EQ(privileged["rule"], "capabilities-not-dropped");
  bool saw_secret = false;
  for (const json& f : doc["findings"]) {
    if (f["rule"] != "secret-in-env") continue;
    saw_secret = true;
    EXPECT_EQ(f["severity"], "high");
    EXPECT_EQ(f["line"], 6);
    EXPECT_EQ(f["column"], 7);
    EXPECT_EQ(f["message"].get<std::string>().find("hunter2"), std::string::npos);
  }
  EXPECT_TRUE(saw_secret);
  EXPECT_EQ(doc.dump().find("hunter2"), std::string::npos);

  ASSERT_EQ(doc["errors"].size(), 1u) << doc["errors"].dump();
  const json& e = doc["errors"][size_t(0)];
  std::set<std::string> keys;
  for (auto it = e.begin(); it != e.end(); ++it) keys.insert(it.key());
  EXPECT_EQ(keys, (std::set<std::string>{"file", "line", "column", "message"}));
  EXPECT_EQ(e["file"], "contract/broken.yaml");
  EXPECT_EQ(e["line"], 6);
  EXPECT_EQ(e["column"], 5);

  const json& s = doc["summary"];
  ASSERT_TRUE(s.is_object());
  EXPECT_EQ(s["total"], doc["findings"].size());
  EXPECT_EQ(s["errors"], 1);
  int by_severity = 0;
  for (const char* sev : {"critical", "high", "medium", "low", "info"}) {
    by_severity += s[sev].get<int>();
  }
  EXPECT_EQ(by_severity, s["total"].get<int>());
  EXPECT_EQ(s["critical"], 1);
}

TEST(ScanCommand, SarifOfAScanMatchesTheSchema) {
  auto r = vern_scan({"--format", "sarif", "contract", "suppress"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  json doc = json::parse(r.out);
  const json& run = doc["runs"][0];
  ASSERT_FALSE(run["results"].empty());
  for (const json& res : run["results"]) {
    EXPECT_TRUE(res["ruleId"].is_string());
    EXPECT_TRUE(res["level"].is_string());
    EXPECT_GE(res["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>(), 1);
  }
  if (!testing::have_jsonschema()) GTEST_SKIP() << "python3 jsonschema is not installed";
  auto v = testing::validate_sarif(r.out);
  EXPECT_EQ(v.exit_code, 0) << v.err << v.out;
}

TEST(ScanCommand, SarifWithoutResultsMatchesTheSchema) {
  auto r = vern_scan({"--format", "sarif", "clean"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json doc = json::parse(r.out);
  EXPECT_TRUE(doc["runs"][0]["results"].empty());
  if (!testing::have_jsonschema()) GTEST_SKIP() << "python3 jsonschema is not installed";
  auto v = testing::validate_sarif(r.out);
  EXPECT_EQ(v.exit_code, 0) << v.err << v.out;
}

TEST(ScanCommand, ExitCodeZeroWhenNothingIsFound) {
  auto r = vern_scan({"clean"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "no findings in 1 file\n");
}

TEST(ScanCommand, FailOnThreshold) {
  // low/ holds one low finding.
  EXPECT_EQ(vern_scan({"low"}).exit_code, 1);
  EXPECT_EQ(vern_scan({"--fail-on", "info", "low"}).exit_code, 1);
  EXPECT_EQ(vern_scan({"--fail-on", "low", "low"}).exit_code, 1);
  EXPECT_EQ(vern_scan({"--fail-on", "medium", "low"}).exit_code, 0);
  EXPECT_EQ(vern_scan({"--fail-on=critical", "low"}).exit_code, 0);
  EXPECT_EQ(vern_scan({"--fail-on", "none", "low"}).exit_code, 0);
  // text/ holds a critical finding.
  EXPECT_EQ(vern_scan({"--fail-on", "critical", "text"}).exit_code, 1);
  EXPECT_EQ(vern_scan({"--fail-on", "none", "text"}).exit_code, 0);
}

TEST(ScanCommand, InputErrorsExitTwoWhateverTheThreshold) {
  EXPECT_EQ(vern_scan({"--fail-on", "none", "contract"}).exit_code, 2);
  auto missing = vern_scan({"low", "no-such-folder"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.out.find("no-such-folder: error: cannot scan: No such file or directory"),
            std::string::npos)
      << missing.out;
  // The other input was still scanned.
  EXPECT_NE(missing.out.find("low/compose.yaml:4:12  low  image-not-pinned"), std::string::npos)
      << missing.out;
}

TEST(ScanCommand, UsageErrorsExitTwo) {
  for (std::vector<std::string> args : {std::vector<std::string>{"--bogus", "low"},
                                        {"--fail-on", "severe", "low"},
                                        {"--format", "yaml", "low"},
                                        {"--jobs", "0", "low"},
                                        {"low", "--fail-on"}}) {
    auto r = vern_scan(args);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_EQ(r.out, "") << args[0];
    EXPECT_NE(r.err.find("vern scan: "), std::string::npos) << r.err;
  }
}

TEST(ScanCommand, OutputFileGetsTheReport) {
  testing::ScratchDir dir;
  std::string out = dir.path() + "/report.json";
  auto r = vern_scan({"--format", "json", "--output", out, "low"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  std::ifstream in(out);
  json doc = json::parse(in);
  ASSERT_EQ(doc["findings"].size(), 1u);
  EXPECT_EQ(doc["findings"][0]["rule"], "image-not-pinned");
}

TEST(ScanCommand, TargetJudgesTheNamedDockerfileStage) {
  testing::ScratchDir dir;
  const std::string pin =
      "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  dir.write("Dockerfile", "FROM debian:12" + pin + " AS build\nRUN make\n" + "FROM debian:12" +
                              pin + "\nUSER 10001\nHEALTHCHECK CMD true\n");
  int code = 0;
  json last = testing::vern_scan_json({"."}, code, dir.path());
  EXPECT_EQ(code, 0);
  EXPECT_EQ(last["findings"].size(), 0u);
  json build = testing::vern_scan_json({"--target", "build", "."}, code, dir.path());
  EXPECT_EQ(code, 1);
  auto found = testing::rules_at(build, "Dockerfile");
  EXPECT_NE(std::find(found.begin(), found.end(), std::pair<std::string, int>{"root-user", 1}),
            found.end());
  json missing = testing::vern_scan_json({"--target", "nope", "."}, code, dir.path());
  EXPECT_EQ(code, 2);
  ASSERT_EQ(missing["errors"].size(), 1u);
  EXPECT_NE(missing["errors"][0]["message"].get<std::string>().find("\"nope\" not found"),
            std::string::npos);
}

}  // namespace
}  // namespace vern
