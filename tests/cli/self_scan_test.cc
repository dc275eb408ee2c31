// End-to-end: vern passes its own scan. Its Dockerfile, deploy/ manifests and
// scripts are meant as hardened examples; the folders of deliberately insecure
// inputs are left out by the repository's .vern.yaml.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/run_process.h"

namespace vern {
namespace {

using testing::run_process;

TEST(SelfScan, RepositoryHasNoFindingsAtAnySeverity) {
  auto result = run_process({VERN_BINARY, "scan", "--format", "json", "--fail-on", "info", "."},
                            VERN_SOURCE_DIR);
  nlohmann::json doc = nlohmann::json::parse(result.out);
  std::string listed;
  for (const auto& f : doc["findings"]) {
    listed += f["file"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + " " +
              f["rule"].get<std::string>() + "\n";
  }
  EXPECT_EQ(listed, "");
  EXPECT_EQ(doc["errors"].size(), 0u) << doc["errors"].dump();
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // The Dockerfile, deploy/kubernetes and the scripts were really read.
  EXPECT_GE(doc["summary"]["files"].get<int>(), 10);
}

TEST(SelfScan, DockerfileAndManifestsAreRecognised) {
  auto result = run_process(
      {VERN_BINARY, "scan", "--format", "json", "Dockerfile", "deploy/kubernetes/vern-audit.yaml"},
      VERN_SOURCE_DIR);
  nlohmann::json doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(doc["summary"]["files"], 2);
  EXPECT_EQ(doc["findings"].size(), 0u);
  // The one suppression (the image tag a user replaces with their digest) is used.
  EXPECT_EQ(doc["summary"]["suppressed"], 1);
}

}  // namespace
}  // namespace vern
