#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "sources/engine/translate.h"

namespace vern {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(VERN_SOURCE_DIR) + "/tests/sources/testdata/engine/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Workload inspect(const std::string& name) {
  Result<Workload> w = translate_container_inspect(fixture(name));
  EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().message);
  return w.ok() ? std::move(w).value() : Workload{};
}

const Container& only(const Workload& w) {
  static const Container k_empty;
  return w.containers.size() == 1 ? w.containers[0] : k_empty;
}

TEST(EngineTranslator, NamesContainerWithShortId) {
  Workload w = inspect("inspect_default.json");
  EXPECT_EQ(w.surface, Surface::host);
  EXPECT_EQ(w.kind, "container");
  EXPECT_EQ(w.name, "t1 (1e5f0029b75d)");
  EXPECT_EQ(w.label(), "container t1 (1e5f0029b75d)");
  EXPECT_TRUE(w.file.empty());
  EXPECT_EQ(only(w).name, "t1");
  EXPECT_EQ(only(w).image.value.text, "vern-busybox:test");
  EXPECT_EQ(only(w).image.value.tag, "test");
}

TEST(EngineTranslator, DefaultContainerHasNoLimitsNoUserAndWritableRoot) {
  Workload w = inspect("inspect_default.json");
  const Container& c = only(w);
  EXPECT_TRUE(c.user.is_absent());
  EXPECT_TRUE(c.privileged.is(false));
  EXPECT_TRUE(c.read_only_rootfs.is(false));
  EXPECT_TRUE(c.no_new_privileges.is_absent());
  EXPECT_TRUE(c.caps.add.empty());
  EXPECT_TRUE(c.caps.drop.empty());
  EXPECT_TRUE(c.resources.memory_limit.is_absent());
  EXPECT_TRUE(c.resources.cpu_limit.is_absent());
  EXPECT_TRUE(c.resources.pids_limit.is_absent());
  EXPECT_TRUE(c.ports.empty());
  EXPECT_TRUE(w.host_network.is(false));
  EXPECT_TRUE(w.host_pid.is(false));
  EXPECT_TRUE(w.host_ipc.is(false));
  EXPECT_TRUE(w.userns_mode.is_absent());
  EXPECT_TRUE(w.volumes.empty());
}

TEST(EngineTranslator, PrivilegedFlagIsLiteralTrue) {
  Workload w = inspect("inspect_privileged.json");
  EXPECT_TRUE(only(w).privileged.is(true));
}

TEST(EngineTranslator, SocketBindMountKeepsHostPathAndAddedCapability) {
  Workload w = inspect("inspect_socket_mount.json");
  ASSERT_EQ(w.volumes.size(), 1u);
  EXPECT_EQ(w.volumes[0].type, "bind");
  EXPECT_TRUE(w.volumes[0].host_path.is("/var/run/docker.sock"));
  EXPECT_EQ(w.volumes[0].target, "/var/run/docker.sock");
  EXPECT_FALSE(w.volumes[0].read_only);
  ASSERT_EQ(only(w).caps.add.size(), 1u);
  EXPECT_EQ(only(w).caps.add[0].value, "CAP_SYS_ADMIN");
}

TEST(EngineTranslator, EmptyHostIpMeansEveryInterface) {
  Workload w = inspect("inspect_database_port_secret.json");
  const Container& c = only(w);
  ASSERT_EQ(c.ports.size(), 2u);
  for (const PortMapping& p : c.ports) {
    EXPECT_TRUE(p.published);
    EXPECT_TRUE(p.host_ip.is_absent());
    EXPECT_EQ(p.protocol, "tcp");
  }
  EXPECT_EQ(c.ports[0].container_first, 5432);
  EXPECT_EQ(c.ports[0].host_first, 5432);
  EXPECT_EQ(c.ports[1].container_first, 8080);
  EXPECT_EQ(c.ports[1].host_first, 80);
  EXPECT_TRUE(w.network_mode.is("vern-pub"));
  ASSERT_EQ(w.networks.size(), 1u);
  EXPECT_EQ(w.networks[0].value, "vern-pub");
}

TEST(EngineTranslator, EnvKeepsNamesAndLiteralValues) {
  Workload w = inspect("inspect_database_port_secret.json");
  const Container& c = only(w);
  bool found = false;
  for (const EnvVar& e : c.env) {
    if (e.name == "DB_PASSWORD") {
      found = true;
      EXPECT_TRUE(e.value.is_literal());
    }
  }
  EXPECT_TRUE(found);
}

TEST(EngineTranslator, HardenedContainerCarriesEveryLimit) {
  Workload w = inspect("inspect_hardened.json");
  const Container& c = only(w);
  EXPECT_TRUE(c.user.is("1000"));
  EXPECT_TRUE(c.read_only_rootfs.is(true));
  EXPECT_TRUE(c.no_new_privileges.is(true));
  ASSERT_EQ(c.caps.drop.size(), 1u);
  EXPECT_EQ(c.caps.drop[0].value, "ALL");
  EXPECT_TRUE(c.resources.memory_limit.is("67108864"));
  EXPECT_TRUE(c.resources.cpu_limit.is("0.5"));
  EXPECT_TRUE(c.resources.pids_limit.is("64"));
}

TEST(EngineTranslator, LoopbackPortBindingKeepsHostIp) {
  Workload w = inspect("inspect_internal_loopback_port.json");
  ASSERT_EQ(only(w).ports.size(), 1u);
  EXPECT_TRUE(only(w).ports[0].host_ip.is("127.0.0.1"));
  EXPECT_EQ(only(w).ports[0].container_first, 8080);
  EXPECT_TRUE(w.network_mode.is("vern-int"));
}

TEST(EngineTranslator, HostNamespacesProfilesAndMounts) {
  Workload w = inspect("inspect_host_namespaces.json");
  const Container& c = only(w);
  EXPECT_TRUE(w.host_network.is(true));
  EXPECT_TRUE(w.host_pid.is(true));
  EXPECT_TRUE(w.host_ipc.is(true));
  EXPECT_TRUE(w.userns_mode.is("host"));
  EXPECT_TRUE(c.seccomp.is(k_profile_unconfined));
  EXPECT_TRUE(c.apparmor.is(k_profile_unconfined));
  EXPECT_TRUE(c.no_new_privileges.is(false));
  EXPECT_TRUE(c.user.is("root"));
  EXPECT_TRUE(c.resources.cpu_limit.is("50000/100000"));
  EXPECT_TRUE(c.resources.pids_limit.is_absent());  // --pids-limit 0 is unlimited
  ASSERT_EQ(w.volumes.size(), 3u);
  // A named volume's Source is the daemon's storage, not a host path.
  EXPECT_EQ(w.volumes[0].type, "volume");
  EXPECT_EQ(w.volumes[0].name, "data");
  EXPECT_TRUE(w.volumes[0].host_path.is_absent());
  EXPECT_EQ(w.volumes[1].type, "bind");
  EXPECT_TRUE(w.volumes[1].host_path.is("/etc"));
  EXPECT_TRUE(w.volumes[1].read_only);
  EXPECT_EQ(w.volumes[2].type, "tmpfs");
  EXPECT_EQ(w.volumes[2].target, "/run");
  // An empty value is not absent: the variable is set to "".
  for (const EnvVar& e : c.env) {
    if (e.name == "API_TOKEN") {
      EXPECT_TRUE(e.value.is(""));
    }
  }
}

TEST(EngineTranslator, PublishAllPortsPublishesExposedPortsOnEveryInterface) {
  Workload w = inspect("inspect_publish_all.json");
  const Container& c = only(w);
  ASSERT_EQ(c.ports.size(), 1u);
  EXPECT_EQ(c.ports[0].container_first, 9000);
  EXPECT_TRUE(c.ports[0].published);
  EXPECT_TRUE(c.ports[0].host_ip.is_absent());
  ASSERT_EQ(c.caps.add.size(), 1u);
  EXPECT_EQ(c.caps.add[0].value, "CAP_NET_BIND_SERVICE");
}

TEST(EngineTranslator, CreateBodyUsesTheSameHostConfigShape) {
  Result<Workload> r = translate_container_create(fixture("create_request.json"), "api");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Workload& w = *r;
  const Container& c = only(w);
  EXPECT_EQ(w.surface, Surface::enforcement);
  EXPECT_EQ(w.name, "api");
  EXPECT_EQ(c.image.value.registry, "registry.example.com");
  EXPECT_TRUE(c.user.is("0"));
  EXPECT_TRUE(c.privileged.is(true));
  EXPECT_TRUE(c.read_only_rootfs.is_absent());  // not in the request: daemon default
  EXPECT_TRUE(c.seccomp.is(k_profile_unconfined));
  ASSERT_EQ(c.ports.size(), 2u);
  EXPECT_TRUE(c.ports[0].host_ip.is_absent());
  EXPECT_TRUE(c.ports[1].host_ip.is("127.0.0.1"));
  EXPECT_TRUE(c.resources.memory_limit.is_absent());
  EXPECT_TRUE(c.resources.pids_limit.is_absent());
  ASSERT_EQ(w.volumes.size(), 4u);
  EXPECT_TRUE(w.volumes[0].host_path.is("/var/run/docker.sock"));
  EXPECT_EQ(w.volumes[1].type, "volume");
  EXPECT_EQ(w.volumes[1].name, "cache");
  EXPECT_TRUE(w.volumes[1].read_only);
  EXPECT_TRUE(w.volumes[2].host_path.is("/etc"));
  EXPECT_TRUE(w.volumes[2].read_only);
  EXPECT_EQ(w.volumes[3].type, "tmpfs");
  ASSERT_EQ(w.networks.size(), 1u);
  EXPECT_EQ(w.networks[0].value, "backend");
}

TEST(EngineTranslator, CreateBodyWithoutHostConfigLeavesSettingsAbsent) {
  Result<Workload> r = translate_container_create(R"({"Image":"nginx"})", "");
  ASSERT_TRUE(r.ok());
  const Container& c = only(*r);
  EXPECT_TRUE(c.privileged.is_absent());
  EXPECT_TRUE(r->host_network.is_absent());
  EXPECT_TRUE(c.image.value.latest());
}

TEST(EngineTranslator, RejectsTextThatIsNotAContainer) {
  EXPECT_EQ(translate_container_inspect("not json").error().kind, Error::Kind::invalid_input);
  EXPECT_EQ(translate_container_inspect("[1,2]").error().kind, Error::Kind::invalid_input);
  EXPECT_EQ(translate_container_inspect(R"({"Id":"x"})").error().kind, Error::Kind::invalid_input);
  EXPECT_FALSE(translate_container_create("[]", "x").ok());
}

TEST(EngineTranslator, WrongTypesAreIgnoredNotFatal) {
  Result<Workload> r = translate_container_inspect(
      R"({"Name":"/x","Id":"abc","Config":{"User":5,"Env":"A=1"},
          "HostConfig":{"Privileged":"yes","PortBindings":{"80/tcp":null},"Memory":"1g"}})");
  ASSERT_TRUE(r.ok());
  const Container& c = only(*r);
  EXPECT_TRUE(c.user.is_absent());
  EXPECT_TRUE(c.env.empty());
  EXPECT_TRUE(c.privileged.is_absent());
  ASSERT_EQ(c.ports.size(), 1u);  // `null` bindings still publish on a random port
  EXPECT_TRUE(c.ports[0].published);
  EXPECT_TRUE(c.resources.memory_limit.is_absent());
  EXPECT_EQ(r->name, "x (abc)");
}

}  // namespace
}  // namespace vern
