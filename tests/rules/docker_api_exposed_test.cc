#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_docker_api_exposed;

namespace {

std::vector<std::string> found(DaemonConfig d) {
  return test::messages(test::run_rule(k_docker_api_exposed, test::daemon_inventory(d)));
}

TEST(DockerApiExposed, TcpWithoutTlsVerify) {
  DaemonConfig d = test::daemon();
  d.hosts = {test::lit<std::string>("unix:///var/run/docker.sock", test::line(2)),
             test::lit<std::string>("tcp://0.0.0.0:2375", test::line(3))};
  EXPECT_EQ(found(d), std::vector<std::string>{
                          "the daemon listens on tcp://0.0.0.0:2375 without tlsverify: anyone "
                          "who reaches the port controls the host"});
  d.tls_verify = test::lit(false);
  EXPECT_EQ(found(d).size(), 1u);
  auto f = test::run_rule(k_docker_api_exposed, test::daemon_inventory(d));
  EXPECT_EQ(f[0].where, test::line(3));
  EXPECT_EQ(f[0].severity, Severity::critical);
}

TEST(DockerApiExposed, GoodCases) {
  DaemonConfig d = test::daemon();
  EXPECT_EQ(found(d), std::vector<std::string>{});
  d.hosts = {test::lit<std::string>("unix:///var/run/docker.sock"),
             test::lit<std::string>("fd://")};
  EXPECT_EQ(found(d), std::vector<std::string>{});
  d.hosts.push_back(test::lit<std::string>("tcp://0.0.0.0:2376"));
  d.tls_verify = test::lit(true);
  EXPECT_EQ(found(d), std::vector<std::string>{});
}

}  // namespace
}  // namespace vern
