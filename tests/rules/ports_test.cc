#include "rules/ports.h"

#include <gtest/gtest.h>

#include "rules/network_builder.h"

namespace vern::test {
namespace {

TEST(Ports, LoopbackAddresses) {
  for (const char* ip : {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"}) {
    EXPECT_TRUE(is_loopback_address(ip)) << ip;
  }
  for (const char* ip : {"0.0.0.0", "10.0.0.5", "127.0.0", "127.0.0.1.5", "127.0.0.256",
                         "128.0.0.1", "::", "", "127.0.0.x"}) {
    EXPECT_FALSE(is_loopback_address(ip)) << ip;
  }
}

TEST(Ports, EveryInterfaceOnlyWhenPublishedWithoutSpecificAddress) {
  EXPECT_TRUE(binds_every_interface(publish(80, 8080)));
  EXPECT_TRUE(binds_every_interface(publish_on("0.0.0.0", 80, 8080)));
  EXPECT_TRUE(binds_every_interface(publish_on("::", 80, 8080)));
  EXPECT_TRUE(binds_every_interface(publish_on("[::]", 80, 8080)));
  EXPECT_TRUE(binds_every_interface(publish_on("", 80, 8080)));  // Engine API HostIp ""
  EXPECT_FALSE(binds_every_interface(publish_on("127.0.0.1", 80, 8080)));
  EXPECT_FALSE(binds_every_interface(publish_on("10.0.0.5", 80, 8080)));
  EXPECT_FALSE(binds_every_interface(listen_port(80)));
  PortMapping variable = publish(80, 8080);
  variable.host_ip = dyn<std::string>(line(40));
  EXPECT_FALSE(binds_every_interface(variable));
}

TEST(Ports, DatabasePortsOfARange) {
  EXPECT_EQ(database_ports(publish(5432)), std::vector<int>{5432});
  EXPECT_EQ(database_ports(publish_range(5000, 6000)), (std::vector<int>{5432, 5672, 5984}));
  EXPECT_TRUE(database_ports(publish_range(3000, 3005)).empty());
  EXPECT_TRUE(database_ports(listen_port(0)).empty());
  EXPECT_EQ(database_port_name(6379), "Redis");
  EXPECT_EQ(database_port_name(80), "");
}

TEST(Ports, DescribesMappingsAsDockerPrintsThem) {
  EXPECT_EQ(describe_port(publish(80, 8080)), "8080->80/tcp");
  EXPECT_EQ(describe_port(publish(80)), "*->80/tcp");
  EXPECT_EQ(describe_port(publish_on("127.0.0.1", 80, 8080)), "127.0.0.1:8080->80/tcp");
  EXPECT_EQ(describe_port(publish_on("::", 80, 8080)), "[::]:8080->80/tcp");
  EXPECT_EQ(describe_port(publish_range(3000, 3005)), "3000-3005->3000-3005/tcp");
  EXPECT_EQ(describe_port(listen_port(53)), "53/tcp");
  PortMapping udp = listen_port(53);
  udp.protocol = "UDP";  // Kubernetes spelling
  EXPECT_EQ(describe_container_port(udp), "53/udp");
}

}  // namespace
}  // namespace vern::test
