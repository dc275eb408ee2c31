#include "host/audit.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

namespace vern::host {
namespace {

std::string read(const std::string& rel) {
  std::ifstream in(std::string(VERN_SOURCE_DIR) + "/tests/" + rel);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fake Engine API: answers GETs from a path -> body table, 404 otherwise.
class FakeEngine {
 public:
  explicit FakeEngine(std::map<std::string, std::string> routes) : m_routes(std::move(routes)) {
    char tmpl[] = "/tmp/vern-engine-XXXXXX";
    m_dir = ::mkdtemp(tmpl);
    m_path = m_dir + "/docker.sock";
    m_fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, m_path.c_str(), sizeof(addr.sun_path) - 1);
    EXPECT_EQ(::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    EXPECT_EQ(::listen(m_fd, 64), 0);
    m_thread = std::thread([this] { serve(); });
  }
  ~FakeEngine() {
    m_stop = true;
    ::shutdown(m_fd, SHUT_RDWR);
    m_thread.join();
    ::close(m_fd);
    ::unlink(m_path.c_str());
    ::rmdir(m_dir.c_str());
  }
  const std::string& path() const { return m_path; }

 private:
  void serve() {
    while (!m_stop) {
      int c = ::accept(m_fd, nullptr, nullptr);
      if (c < 0) return;
      std::string req;
      char buf[4096];
      while (req.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = ::read(c, buf, sizeof(buf));
        if (n <= 0) break;
        req.append(buf, std::size_t(n));
      }
      std::string target = req.substr(4, req.find(' ', 4) - 4);
      auto it = m_routes.find(target);
      std::string body = it == m_routes.end() ? R"({"message":"not found"})" : it->second;
      std::string head = it == m_routes.end() ? "HTTP/1.1 404 Not Found" : "HTTP/1.1 200 OK";
      std::string reply = head + "\r\nContent-Type: application/json\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n" + body;
      (void)!::write(c, reply.data(), reply.size());
      ::close(c);
    }
  }

  std::map<std::string, std::string> m_routes;
  std::string m_dir;
  std::string m_path;
  int m_fd = -1;
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

TEST(HostAudit, InspectsEveryListedContainerAndReadsDaemonFacts) {
  std::string a = "57b191d433222991ccb3234850496f517ff3c038ce488fce5b2edd32ed3c5135";
  std::string b = "617f5743dc861da9d19929edd58826a9e801e3a4383e338edcd55ec7ddf73e64";
  FakeEngine engine({
      {"/info", read("host/testdata/engine/info.json")},
      {"/version", read("host/testdata/engine/version.json")},
      {"/containers/json", "[{\"Id\":\"" + a + "\"},{\"Id\":\"" + b + "\"},{\"Id\":\"../x\"}]"},
      {"/containers/" + a + "/json",
       read("sources/testdata/engine/inspect_database_port_secret.json")},
      {"/containers/" + b + "/json", read("sources/testdata/engine/inspect_hardened.json")},
  });
  HostAuditOptions o;
  o.socket_path = engine.path();
  o.root = std::string(VERN_SOURCE_DIR) + "/tests/host/testdata/virt/bare_metal";
  o.use_cpuid = false;
  HostAudit audit = run_host_audit(o);
  EXPECT_TRUE(audit.errors.empty()) << audit.errors.front().message;
  // /info, /version, /networks/bridge (404 here), the list, two inspections;
  // the id that is not hex is never put into a URL.
  EXPECT_EQ(audit.api_calls, 6);
  ASSERT_EQ(audit.inventory.workloads.size(), 2u);
  EXPECT_EQ(audit.inventory.workloads[0].name, "t5 (57b191d43322)");
  EXPECT_EQ(audit.inventory.workloads[1].name, "t6 (617f5743dc86)");
  ASSERT_EQ(audit.inventory.hosts.size(), 1u);
  const HostFacts& h = audit.inventory.hosts[0];
  EXPECT_TRUE(h.daemon_reachable);
  EXPECT_EQ(h.runc_version, "1.1.5+ds1");
  EXPECT_EQ(h.runc_package, "1.1.5+ds1-1+deb12u1");
  EXPECT_EQ(h.containerd_version, "1.6.20~ds1");
  EXPECT_EQ(h.docker_version, "20.10.24+dfsg1");
  EXPECT_EQ(h.kernel_version, "6.1.55");
  EXPECT_EQ(h.virtualization, Virtualization::bare_metal);
  ASSERT_EQ(audit.inventory.daemon_configs.size(), 1u);
  EXPECT_TRUE(audit.inventory.daemon_configs[0].live_restore.is(false));
}

TEST(HostAudit, UnreachableDaemonStillCollectsHostFacts) {
  HostAuditOptions o;
  o.socket_path = "/nonexistent-vern/docker.sock";
  o.root = std::string(VERN_SOURCE_DIR) + "/tests/host/testdata/virt/lxc";
  o.use_cpuid = false;
  HostAudit audit = run_host_audit(o);
  ASSERT_EQ(audit.errors.size(), 1u);
  EXPECT_NE(audit.errors[0].message.find("no socket at /nonexistent-vern/docker.sock"),
            std::string::npos);
  ASSERT_EQ(audit.inventory.hosts.size(), 1u);
  EXPECT_FALSE(audit.inventory.hosts[0].daemon_reachable);
  EXPECT_EQ(audit.inventory.hosts[0].virtualization, Virtualization::shared_kernel);
  EXPECT_TRUE(audit.inventory.daemon_configs.empty());
  EXPECT_TRUE(audit.inventory.workloads.empty());
}

}  // namespace
}  // namespace vern::host
