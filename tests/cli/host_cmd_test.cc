// End-to-end: `vern host` without a reachable daemon still reports the host
// checks of a fixture tree (--root) and exits 2 with a clear message.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run_process.h"

namespace vern {
namespace {

using testing::run_process;

const std::string k_fixtures = std::string(VERN_SOURCE_DIR) + "/tests/host/testdata/virt/";

TEST(HostCommand, MissingSocketIsReportedAndExitsTwo) {
  auto r = run_process({VERN_BINARY, "host", "--no-color", "--root", k_fixtures + "openvz",
                        "--host", "unix:///nonexistent-vern/docker.sock"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("Docker daemon not reachable: no socket at /nonexistent-vern/docker.sock"),
            std::string::npos)
      << r.out;
  // The host-level checks still ran on the fixture tree.
  EXPECT_NE(r.out.find("shared-kernel-host"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("virtualization: shared-kernel container (openvz)"), std::string::npos)
      << r.out;
}

TEST(HostCommand, JsonCarriesCisPropertyOfHostFindings) {
  auto r = run_process({VERN_BINARY, "host", "--format", "json", "--root",
                        k_fixtures + "lsm_selinux_permissive", "--host",
                        "unix:///nonexistent-vern/docker.sock"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("\"rule\":\"lsm-disabled\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"cis\":\"5.2, 5.3\""), std::string::npos) << r.out;
}

// Daemon (and container) rules are shared with vern scan, which keeps the CIS
// id in the properties only; vern host names it in the message too.
TEST(HostCommand, DaemonFindingsNameTheirCisControlInTheMessage) {
  std::filesystem::path root =
      std::filesystem::temp_directory_path() / ("vern_host_cis_" + std::to_string(::getpid()));
  std::filesystem::create_directories(root / "etc/docker");
  std::ofstream(root / "etc/docker/daemon.json") << R"({"icc": true, "live-restore": false})";
  auto r = run_process({VERN_BINARY, "host", "--format", "json", "--root", root.string(), "--host",
                        "unix:///nonexistent-vern/docker.sock"});
  std::filesystem::remove_all(root);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  std::map<std::string, std::pair<std::string, std::string>> by_rule;
  for (const auto& f : doc["findings"]) {
    by_rule[f["rule"]] = {f["message"], f["properties"].value("cis", "")};
  }
  for (const auto& [rule, cis] :
       std::map<std::string, std::string>{{"inter-container-communication", "2.2"},
                                          {"live-restore-disabled", "2.15"},
                                          {"userns-remap-disabled", "2.9"},
                                          {"no-new-privileges-default", "2.14"}}) {
    ASSERT_TRUE(by_rule.count(rule)) << rule << "\n" << r.out;
    EXPECT_EQ(by_rule[rule].second, cis) << rule;
    const std::string& message = by_rule[rule].first;
    EXPECT_EQ(message.size() - message.rfind(" (CIS " + cis + ")"), cis.size() + 7) << message;
  }
}

TEST(HostCommand, TcpHostIsAUsageError) {
  auto r = run_process({VERN_BINARY, "host", "--host", "tcp://127.0.0.1:2375"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("only unix:///path sockets are supported"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vern
