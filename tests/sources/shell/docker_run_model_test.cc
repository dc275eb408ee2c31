#include <gtest/gtest.h>

#include "sources/shell/docker_run.h"
#include "sources/shell/tokenizer.h"

namespace vern::shell {
namespace {

Workload run(std::string_view text) {
  auto ps = tokenize(text);
  auto l = parse_launch(ps.at(0).commands.at(0), "deploy.sh");
  EXPECT_TRUE(l.has_value());
  return l ? l->workload : Workload{};
}

TEST(DockerRunModel, NothingSetPointsAtTheDockerWord) {
  Workload w = run("  sudo docker run nginx");
  EXPECT_EQ(w.surface, Surface::run);
  EXPECT_EQ(w.kind, "docker run");
  EXPECT_EQ(w.label(), "docker run nginx");
  EXPECT_EQ(w.file, "deploy.sh");
  const Container& c = w.containers[0];
  EXPECT_TRUE(c.user.is_absent());
  EXPECT_EQ(c.user.where, (Location{1, 8}));
  EXPECT_TRUE(c.privileged.is_absent());
  EXPECT_TRUE(c.read_only_rootfs.is_absent());
  EXPECT_TRUE(c.resources.memory_limit.is_absent());
  EXPECT_EQ(c.resources.memory_limit.where, (Location{1, 8}));
  EXPECT_TRUE(w.network_mode.is_absent());
  EXPECT_FALSE(w.networks_written);
  EXPECT_TRUE(w.host_network.is_absent());
  EXPECT_EQ(c.image.where, (Location{1, 19}));
  EXPECT_EQ(c.image.value.repository, "nginx");
}

TEST(DockerRunModel, PrivilegesAndProfiles) {
  Workload w =
      run("docker run --privileged --cap-add=SYS_ADMIN --cap-add net_raw,chown --cap-drop ALL "
          "--security-opt no-new-privileges --security-opt seccomp=unconfined "
          "--security-opt apparmor:unconfined --read-only img");
  const Container& c = w.containers[0];
  EXPECT_TRUE(c.privileged.is(true));
  EXPECT_EQ(c.privileged.where, (Location{1, 12}));
  ASSERT_EQ(c.caps.add.size(), 3u);
  EXPECT_EQ(c.caps.add[0].value, "SYS_ADMIN");
  EXPECT_EQ(c.caps.add[2].value, "chown");
  ASSERT_EQ(c.caps.drop.size(), 1u);
  EXPECT_TRUE(c.no_new_privileges.is(true));
  EXPECT_TRUE(c.seccomp.is(k_profile_unconfined));
  EXPECT_TRUE(c.apparmor.is(k_profile_unconfined));
  EXPECT_TRUE(c.read_only_rootfs.is(true));
}

TEST(DockerRunModel, NoNewPrivilegesSpellings) {
  EXPECT_TRUE(run("docker run --security-opt no-new-privileges:true x")
                  .containers[0]
                  .no_new_privileges.is(true));
  EXPECT_TRUE(run("docker run --security-opt=no-new-privileges=true x")
                  .containers[0]
                  .no_new_privileges.is(true));
  EXPECT_TRUE(run("docker run --security-opt no-new-privileges:false x")
                  .containers[0]
                  .no_new_privileges.is(false));
  EXPECT_TRUE(
      run("docker run --privileged=false --read-only=false x").containers[0].privileged.is(false));
}

TEST(DockerRunModel, PublishForms) {
  Workload w =
      run("docker run -p 80 -p 8080:80 -p 127.0.0.1:8443:443 -p 127.0.0.1::5432 -p [::1]:6379:6379 "
          "-p 8000-8010:9000-9010/udp --publish=0.0.0.0:3306:3306 --expose 9999 img");
  const auto& p = w.containers[0].ports;
  ASSERT_EQ(p.size(), 8u);
  EXPECT_EQ(p[0].container_first, 80);
  EXPECT_EQ(p[0].host_first, 0);
  EXPECT_TRUE(p[0].host_ip.is_absent());
  EXPECT_TRUE(p[0].published);
  EXPECT_EQ(p[1].host_first, 8080);
  EXPECT_TRUE(p[2].host_ip.is("127.0.0.1"));
  EXPECT_EQ(p[2].container_first, 443);
  EXPECT_TRUE(p[3].host_ip.is("127.0.0.1"));
  EXPECT_EQ(p[3].host_first, 0);
  EXPECT_EQ(p[3].container_first, 5432);
  EXPECT_TRUE(p[4].host_ip.is("::1"));
  EXPECT_EQ(p[4].container_first, 6379);
  EXPECT_EQ(p[5].container_first, 9000);
  EXPECT_EQ(p[5].container_last, 9010);
  EXPECT_EQ(p[5].host_last, 8010);
  EXPECT_EQ(p[5].protocol, "udp");
  EXPECT_TRUE(p[6].host_ip.is("0.0.0.0"));
  EXPECT_FALSE(p[7].published);
  EXPECT_EQ(p[7].container_first, 9999);
}

TEST(DockerRunModel, PublishWithVariablesKeepsWhatIsWritten) {
  Workload w = run(
      R"(docker run -p ${PORT}:80 -p "127.0.0.1:${P2}:81/udp" -p "${ADDR}:${P3}:82" -p $P4:${C4} img)");
  const auto& p = w.containers[0].ports;
  ASSERT_EQ(p.size(), 3u);  // the one whose address is a variable binds anything: left out
  EXPECT_TRUE(p[0].published);
  EXPECT_TRUE(p[0].host_ip.is_absent());
  EXPECT_EQ(p[0].host_first, 0);
  EXPECT_EQ(p[0].container_first, 80);
  EXPECT_EQ(p[0].written, "${PORT}:80");
  EXPECT_TRUE(p[1].host_ip.is("127.0.0.1"));
  EXPECT_EQ(p[1].container_first, 81);
  EXPECT_EQ(p[1].protocol, "udp");
  EXPECT_TRUE(p[2].host_ip.is_absent());
  EXPECT_EQ(p[2].container_first, 0);  // unknown
}

TEST(DockerRunModel, PublishAllPublishesTheExposedPorts) {
  Workload w = run("docker run --expose 5432 -P --expose=6379/udp img");
  const auto& p = w.containers[0].ports;
  ASSERT_EQ(p.size(), 2u);
  for (const PortMapping& port : p) {
    EXPECT_TRUE(port.published);
    EXPECT_TRUE(port.host_ip.is_absent());
    EXPECT_EQ(port.host_first, 0);
  }
  EXPECT_EQ(p[0].container_first, 5432);
  EXPECT_EQ(p[1].protocol, "udp");
  EXPECT_FALSE(run("docker run -P=false --expose 5432 img").containers[0].ports[0].published);
  EXPECT_FALSE(run("docker run --expose 5432 img sh -c -P").containers[0].ports[0].published);
}

TEST(DockerRunModel, VolumesAndMounts) {
  Workload w =
      run("docker run -v /var/run/docker.sock:/var/run/docker.sock:ro -v data:/data -v /cache "
          "-v \"$PWD\":/src --mount type=bind,source=/etc,target=/host-etc,readonly "
          "--mount type=volume,src=v,dst=/v --tmpfs /tmp:size=64m --use-api-socket img");
  const auto& v = w.volumes;
  ASSERT_EQ(v.size(), 8u);
  EXPECT_EQ(v[0].type, "bind");
  EXPECT_TRUE(v[0].host_path.is("/var/run/docker.sock"));
  EXPECT_TRUE(v[0].read_only);
  EXPECT_EQ(v[1].type, "volume");
  EXPECT_TRUE(v[1].host_path.is_absent());
  EXPECT_EQ(v[1].name, "data");
  EXPECT_EQ(v[2].target, "/cache");
  EXPECT_TRUE(v[3].host_path.is_dynamic());
  EXPECT_TRUE(v[4].host_path.is("/etc"));
  EXPECT_TRUE(v[4].read_only);
  EXPECT_TRUE(v[5].host_path.is_absent());
  EXPECT_EQ(v[6].type, "tmpfs");
  EXPECT_EQ(v[6].target, "/tmp");
  EXPECT_TRUE(v[7].host_path.is("/var/run/docker.sock"));
}

TEST(DockerRunModel, EnvironmentValues) {
  Workload w = run("docker run -e DB_PASSWORD=hunter2 -e API_TOKEN -e SECRET=$SECRET --env=A= img");
  const auto& e = w.containers[0].env;
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0].name, "DB_PASSWORD");
  EXPECT_TRUE(e[0].value.is("hunter2"));
  EXPECT_TRUE(e[1].value.is_absent());
  EXPECT_TRUE(e[2].value.is_dynamic());
  EXPECT_TRUE(e[3].value.is(""));
}

TEST(DockerRunModel, NamespacesAndNetworks) {
  Workload host = run("docker run --net=host --pid host --ipc=host --userns host img");
  EXPECT_TRUE(host.host_network.is(true));
  EXPECT_TRUE(host.network_mode.is("host"));
  EXPECT_TRUE(host.host_pid.is(true));
  EXPECT_TRUE(host.host_ipc.is(true));
  EXPECT_TRUE(host.userns_mode.is("host"));
  Workload named = run("docker run --network backend img");
  EXPECT_TRUE(named.networks_written);
  EXPECT_TRUE(named.network_mode.is_absent());
  ASSERT_EQ(named.networks.size(), 1u);
  EXPECT_TRUE(named.networks[0].is("backend"));
  EXPECT_TRUE(named.host_network.is(false));
  Workload bridge = run("docker run --network bridge img");
  EXPECT_TRUE(bridge.network_mode.is("bridge"));
  Workload none = run("docker run --network=none img");
  EXPECT_TRUE(none.network_mode.is("none"));
}

TEST(DockerRunModel, ResourcesAndUser) {
  Workload w = run("docker run -m 512m --cpus 1.5 --pids-limit 100 -u 1000:1000 --name web img");
  const Container& c = w.containers[0];
  EXPECT_TRUE(c.resources.memory_limit.is("512m"));
  EXPECT_TRUE(c.resources.cpu_limit.is("1.5"));
  EXPECT_TRUE(c.resources.pids_limit.is("100"));
  EXPECT_TRUE(c.user.is("1000:1000"));
  EXPECT_EQ(w.label(), "docker run web");
  Workload zero = run("docker run --memory=0 --pids-limit -1 --cpus 0 -u $UID img");
  EXPECT_TRUE(zero.containers[0].resources.memory_limit.is_absent());
  EXPECT_EQ(zero.containers[0].resources.memory_limit.where, (Location{1, 12}));
  EXPECT_TRUE(zero.containers[0].resources.pids_limit.is_absent());
  EXPECT_TRUE(zero.containers[0].resources.cpu_limit.is_absent());
  EXPECT_TRUE(zero.containers[0].user.is_dynamic());
  Workload quota = run("docker run --cpu-quota 50000 img");
  EXPECT_TRUE(quota.containers[0].resources.cpu_limit.is("50000"));
}

TEST(DockerRunModel, DynamicImageIsNotGuessed) {
  Workload w = run("docker run -d \"$REGISTRY/app:$TAG\"");
  EXPECT_TRUE(w.containers[0].image.is_dynamic());
  EXPECT_TRUE(w.containers[0].image.value.dynamic);
  EXPECT_FALSE(w.containers[0].image.value.is_image());
}

TEST(CollectLaunches, FindsLaunchesInsideCommandSubstitutions) {
  Inventory inv;
  collect_launches(tokenize("CID=$(docker run -d --privileged img)\necho $CID | docker run --d x"),
                   "s.sh", inv);
  ASSERT_EQ(inv.workloads.size(), 2u);
  EXPECT_TRUE(inv.workloads[0].containers[0].privileged.is(true));
  ASSERT_EQ(inv.command_issues.size(), 1u);
  EXPECT_EQ(inv.command_issues[0].where, (Location{2, 24}));
  EXPECT_EQ(inv.command_issues[0].object, "docker run x");
}

TEST(CollectLaunches, FindsLaunchesHandedToAShellOrARemoteHost) {
  Inventory inv;
  collect_launches(tokenize("sh -c \"docker run --privileged a:1\"\n"
                            "ssh -p 2222 deploy@prod 'docker run --net=host b:1'\n"
                            "ssh prod docker run --pid=host c:1\n"
                            "ssh prod\n"
                            "bash -c 'echo docker run d:1'\n"
                            "bash -o pipefail -lc 'docker run --ipc=host e:1'\n"),
                   "deploy.sh", inv);
  ASSERT_EQ(inv.workloads.size(), 4u);
  EXPECT_TRUE(inv.workloads[3].host_ipc.is(true));
  EXPECT_TRUE(inv.workloads[0].containers[0].privileged.is(true));
  EXPECT_EQ(inv.workloads[0].containers[0].privileged.where, (Location{1, 19}));
  EXPECT_TRUE(inv.workloads[1].host_network.is(true));
  EXPECT_EQ(inv.workloads[1].host_network.where, (Location{2, 37}));
  EXPECT_TRUE(inv.workloads[2].host_pid.is(true));
  EXPECT_EQ(inv.workloads[2].containers[0].image.value.text, "c:1");
}

}  // namespace
}  // namespace vern::shell
