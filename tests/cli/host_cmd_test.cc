// End-to-end: `vern host` without a reachable daemon still reports the host
// checks of a fixture tree (--root) and exits 2 with a clear message.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdio>
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

// A unix socket bound at `path` (not listening: connecting is refused).
int bound_socket(const std::string& path) {
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
  ::unlink(path.c_str());
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

TEST(HostCommand, SocketWithoutDaemonSaysItIsNotRunning) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("vern-host-refused-" + std::to_string(::getpid()) + ".sock"))
                         .string();
  int fd = bound_socket(path);
  ASSERT_GE(fd, 0);
  auto r = run_process({VERN_BINARY, "host", "--no-color", "--root", k_fixtures + "kvm", "--host",
                        "unix://" + path});
  ::close(fd);
  ::unlink(path.c_str());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("Docker daemon not reachable: connection refused at " + path),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("the daemon is not running"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("virtualization: hardware-virtualized guest"), std::string::npos) << r.out;
}

// Permission denied is told apart from a daemon that is not running. As root
// the socket is made private and vern runs as nobody (setpriv); otherwise the
// socket is made unreadable to this user.
TEST(HostCommand, SocketWithoutPermissionSaysSo) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("vern-host-denied-" + std::to_string(::getpid()) + ".sock"))
                         .string();
  int fd = bound_socket(path);
  ASSERT_GE(fd, 0);
  std::vector<std::string> argv = {VERN_BINARY,        "host",   "--no-color",    "--root",
                                   k_fixtures + "kvm", "--host", "unix://" + path};
  if (::geteuid() == 0) {
    ::chmod(path.c_str(), 0600);
    argv.insert(argv.begin(),
                {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  } else {
    ::chmod(path.c_str(), 0);
  }
  auto r = run_process(argv);
  ::close(fd);
  ::unlink(path.c_str());
  if (r.exit_code == 127 || r.err.find("setpriv") != std::string::npos) {
    GTEST_SKIP() << "cannot drop privileges here: " << r.err;
  }
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("Docker daemon not reachable: permission denied on " + path),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("not running"), std::string::npos) << r.out;
}

TEST(HostCommand, TcpHostIsAUsageError) {
  auto r = run_process({VERN_BINARY, "host", "--host", "tcp://127.0.0.1:2375"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("only unix:///path sockets are supported"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vern
