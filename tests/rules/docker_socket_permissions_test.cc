#include <gtest/gtest.h>

#include "rules/host_rule_support.h"

namespace vern {
extern const Rule k_docker_socket_permissions;

namespace {

HostFacts with_socket(std::uint32_t uid, std::string owner, std::uint32_t gid, std::string group,
                      std::uint32_t mode) {
  HostFacts h = test::host_facts();
  h.socket = SocketFacts{"/var/run/docker.sock", true, uid, gid, mode, owner, group, {}};
  return h;
}

TEST(DockerSocketPermissions, RootDocker660IsFine) {
  EXPECT_TRUE(
      test::host_messages(k_docker_socket_permissions, with_socket(0, "root", 998, "docker", 0660))
          .empty());
}

TEST(DockerSocketPermissions, RootRootIsStricterAndFine) {
  EXPECT_TRUE(
      test::host_messages(k_docker_socket_permissions, with_socket(0, "root", 0, "root", 0600))
          .empty());
}

TEST(DockerSocketPermissions, WorldWritableSocket) {
  auto f =
      test::run_on_host(k_docker_socket_permissions, with_socket(0, "root", 998, "docker", 0666));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "Docker socket /var/run/docker.sock has mode 0666, more permissive than 0660 "
            "(CIS 3.15, 3.16)");
  EXPECT_EQ(f[0].object, "host web-1");
  EXPECT_EQ(f[0].severity, Severity::high);
  ASSERT_EQ(f[0].properties.size(), 1u);
  EXPECT_EQ(f[0].properties[0].first, "cis");
}

TEST(DockerSocketPermissions, WrongOwnerAndGroup) {
  EXPECT_EQ(
      test::host_messages(k_docker_socket_permissions, with_socket(1000, "alice", 1000, "", 0660)),
      std::vector<std::string>{"Docker socket /var/run/docker.sock is owned by alice:1000, "
                               "not root:docker (CIS 3.15, 3.16)"});
}

TEST(DockerSocketPermissions, MissingSocketSaysNothing) {
  EXPECT_TRUE(test::host_messages(k_docker_socket_permissions, test::host_facts()).empty());
}

}  // namespace
}  // namespace vern
