// End-to-end: what users write to quiet or tune `vern scan`: suppression
// comments and annotations (and the report of stale ones), and .vern.yaml.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/scan_fixtures.h"

namespace vern {
namespace {

using nlohmann::json;
using testing::rules_at;
using testing::scan_fixture;
using testing::vern_scan;
using testing::vern_scan_json;

using RuleLine = std::pair<std::string, int>;

bool has(const std::vector<RuleLine>& list, const std::string& rule, int line = -1) {
  return std::any_of(list.begin(), list.end(), [&](const RuleLine& r) {
    return r.first == rule && (line < 0 || r.second == line);
  });
}

TEST(ScanSuppressions, CommentsAnnotationsAndStaleOnes) {
  int code = -1;
  json doc = vern_scan_json({"suppress"}, code);
  EXPECT_EQ(code, 1);
  auto compose = rules_at(doc, "suppress/compose.yaml");
  // `# vern:ignore root-user,no-cpu-limit` on the service line.
  EXPECT_FALSE(has(compose, "root-user"));
  EXPECT_FALSE(has(compose, "no-cpu-limit"));
  // `# vern:ignore privileged` on the line above.
  EXPECT_FALSE(has(compose, "privileged"));
  // `# vern:ignore-file no-pids-limit`.
  EXPECT_FALSE(has(compose, "no-pids-limit"));
  // Not suppressed: a different rule.
  EXPECT_TRUE(has(compose, "image-not-pinned", 4));

  auto pod = rules_at(doc, "suppress/pod.yaml");
  // vern.dev/ignore: "root-user, no-memory-limit,host-pid"
  EXPECT_FALSE(has(pod, "root-user"));
  EXPECT_FALSE(has(pod, "no-memory-limit"));
  EXPECT_TRUE(has(pod, "missing-network-policy"));

  EXPECT_EQ(doc["summary"]["suppressed"], 6);
  const json& unused = doc["unused_suppressions"];
  ASSERT_EQ(unused.size(), 2u) << unused.dump();
  EXPECT_EQ(unused[0]["file"], "suppress/compose.yaml");
  EXPECT_EQ(unused[0]["line"], 8);
  EXPECT_EQ(unused[0]["rule"], "host-network");
  EXPECT_EQ(unused[1]["file"], "suppress/pod.yaml");
  EXPECT_EQ(unused[1]["line"], 7);
  EXPECT_EQ(unused[1]["rule"], "host-pid");
}

TEST(ScanSuppressions, StaleOnesAreReportedInText) {
  auto r = vern_scan({"suppress"});
  EXPECT_EQ(r.exit_code, 1);
  const std::string tail =
      "\nsuppress/compose.yaml:8: suppression for host-network matched nothing\n"
      "suppress/pod.yaml:7: suppression for host-pid matched nothing\n"
      "2 findings (1 medium, 1 low) in 2 files; 6 suppressed\n";
  ASSERT_GE(r.out.size(), tail.size());
  EXPECT_EQ(r.out.substr(r.out.size() - tail.size()), tail) << r.out;
  // --quiet keeps errors and the summary only.
  auto quiet = vern_scan({"--quiet", "suppress"});
  EXPECT_EQ(quiet.out, "2 findings (1 medium, 1 low) in 2 files; 6 suppressed\n");
}

TEST(ScanConfig, FolderSettingsApply) {
  int code = -1;
  json doc = vern_scan_json({"config"}, code);
  EXPECT_EQ(code, 1);
  for (const json& f : doc["findings"]) {
    // ignore_paths: vendor and *.generated.yaml are not scanned.
    EXPECT_EQ(f["file"], "config/compose.yaml") << f.dump();
    // disable: image-not-pinned, no-pids-limit.
    EXPECT_NE(f["rule"], "image-not-pinned");
    EXPECT_NE(f["rule"], "no-pids-limit");
    // severity overrides.
    if (f["rule"] == "root-user") {
      EXPECT_EQ(f["severity"], "critical");
    }
    if (f["rule"] == "no-cpu-limit") {
      EXPECT_EQ(f["severity"], "high");
    }
  }
  auto found = rules_at(doc, "config/compose.yaml");
  // allowed_capabilities: NET_ADMIN; SYS_TIME is still reported.
  ASSERT_EQ(std::count(found.begin(), found.end(), RuleLine{"dangerous-capability", 5}), 1);
  for (const json& f : doc["findings"]) {
    if (f["rule"] == "dangerous-capability") {
      EXPECT_EQ(f["column"], 26);
    }
  }
  // allowed_registries: ghcr.io/acme; docker.io is not allowed.
  EXPECT_TRUE(has(found, "untrusted-registry", 7));
  EXPECT_EQ(std::count_if(found.begin(), found.end(),
                          [](const RuleLine& r) { return r.first == "untrusted-registry"; }),
            1);
  EXPECT_TRUE(has(found, "root-user", 2));
  EXPECT_EQ(doc["summary"]["files"], 1);
}

TEST(ScanConfig, ExplicitConfigFile) {
  int code = -1;
  json doc = vern_scan_json({"--config", "config/.vern.yaml", "low"}, code);
  EXPECT_EQ(code, 0);  // image-not-pinned is disabled there
  EXPECT_TRUE(doc["findings"].empty()) << doc.dump();
}

TEST(ScanConfig, AFileThatIsNotASettingsFileIsAnError) {
  auto r = vern_scan({"--config", "clean/compose.yaml", "low"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "clean/compose.yaml:2:1: unknown setting 'services'\n");
}

TEST(ScanConfig, UnknownRuleIsAnErrorWithPositionAndHint) {
  auto r = vern_scan({"config-broken"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "config-broken/.vern.yaml:2:5: unknown rule 'root-usr' (did you mean 'root-user'?)\n");
}

TEST(ScanConfig, SyntaxErrorIsAnErrorWithPosition) {
  auto r = vern_scan({"--config", "config-broken/syntax.vern.yaml", "low"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("config-broken/syntax.vern.yaml:2:1: YAML syntax error: ", 0), 0u) << r.err;
}

TEST(ScanConfig, BrokenConfigStillGivesAJsonReportWithTheError) {
  int code = 0;
  json doc = testing::vern_scan_json({"config-broken"}, code);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(doc["findings"].size(), 0u);
  ASSERT_EQ(doc["errors"].size(), 1u);
  EXPECT_EQ(doc["errors"][0]["file"], "config-broken/.vern.yaml");
  EXPECT_EQ(doc["errors"][0]["line"], 2);
  EXPECT_EQ(doc["errors"][0]["column"], 5);
  EXPECT_EQ(doc["summary"]["errors"], 1);
}

TEST(ScanConfig, MissingConfigFileIsAnError) {
  auto r = vern_scan({"--config", "no-such.vern.yaml", "low"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such.vern.yaml"), std::string::npos) << r.err;
}

TEST(ScanConfig, IgnorePatternsDoNotHideAFolderNamedOnTheCommandLine) {
  testing::ScratchDir dir;
  dir.write(".vern.yaml", "ignore_paths:\n  - fixtures/\n");
  std::string low = dir.write("fixtures/low/compose.yaml",
                              testing::ScratchDir::read(scan_fixture("low/compose.yaml")));
  int code = -1;
  json all = vern_scan_json({"."}, code, dir.path());
  EXPECT_EQ(code, 0) << all.dump();
  EXPECT_TRUE(all["findings"].empty()) << all.dump();
  json named = vern_scan_json({"fixtures/low"}, code, dir.path());
  EXPECT_EQ(code, 1);
  EXPECT_EQ(named["findings"].size(), 1u) << named.dump();
}

}  // namespace
}  // namespace vern
