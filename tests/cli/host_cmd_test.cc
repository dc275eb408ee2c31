// End-to-end: `vern host` without a reachable daemon still reports the host
// checks of a fixture tree (--root) and exits 2 with a clear message.
#include <gtest/gtest.h>

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
  EXPECT_NE(r.out.find("\"cis\":\"5.1, 5.2\""), std::string::npos) << r.out;
}

TEST(HostCommand, TcpHostIsAUsageError) {
  auto r = run_process({VERN_BINARY, "host", "--host", "tcp://127.0.0.1:2375"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("only unix:///path sockets are supported"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vern
