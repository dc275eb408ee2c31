#include <gtest/gtest.h>

#include "sources/compose/interpolate.h"
#include "sources/compose/translate.h"

namespace vern {
namespace {

const Workload& service(const Translation& t, const std::string& name) {
  for (const Workload& w : t.inventory.workloads) {
    if (w.name == name) return w;
  }
  ADD_FAILURE() << "no service " << name;
  return t.inventory.workloads.front();
}

TEST(ComposeInterpolate, DefaultsAreLiteralsAndVariablesAreDynamic) {
  EXPECT_EQ(compose::interpolate("plain"), "plain");
  EXPECT_EQ(compose::interpolate("${PW:-changeme}"), "changeme");
  EXPECT_EQ(compose::interpolate("${PW-x}y"), "xy");
  EXPECT_EQ(compose::interpolate("$$HOME"), "$HOME");
  EXPECT_EQ(compose::interpolate("${PW}"), std::nullopt);
  EXPECT_EQ(compose::interpolate("$PW"), std::nullopt);
  EXPECT_EQ(compose::interpolate("${PW:-}"), std::nullopt);
  EXPECT_EQ(compose::interpolate("${PW:?required}"), std::nullopt);
  EXPECT_EQ(compose::interpolate_keeping_empty("${BIND:-}:80"), ":80");
  EXPECT_EQ(compose::interpolate_keeping_empty("${BIND}:80"), std::nullopt);
}

TEST(ComposeInterpolate, NestedDefaultsAreTheInnermostLiteral) {
  EXPECT_EQ(compose::interpolate("${A:-${B:-inner}}"), "inner");
  EXPECT_EQ(compose::interpolate("x${A:-${B-y}z}w"), "xyzw");
  EXPECT_EQ(compose::interpolate("${A:-${B}}"), std::nullopt);
  EXPECT_EQ(compose::interpolate("${A:-${B:-}}"), std::nullopt);
  EXPECT_EQ(compose::interpolate("${A:-${B:-x}"), std::nullopt);  // not closed
  EXPECT_EQ(compose::interpolate_keeping_empty("${A:-${B:-}}:80"), ":80");
}

TEST(ComposeTranslator, ShortPortsInAllForms) {
  const char* text = R"(services:
  web:
    image: nginx
    ports:
      - "3000"
      - "127.0.0.1::80"
      - "3000-3005:3000-3005"
      - "[::1]:5432:5432"
      - "10.0.0.5:6379:6379/udp"
      - 8080:80
      - "${PORT}:5432"
      - "${BIND:-127.0.0.1}:9200:9200"
      - "${HTTPS_BIND:-}:${HTTPS_PORT:-443}:${HTTPS_PORT:-443}"
      - "${BIND}:8445:8445"
)";
  Translation t = translate_compose("compose.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  const auto& ports = service(t, "web").containers[0].ports;
  ASSERT_EQ(ports.size(), 10u);
  EXPECT_EQ(ports[0].container_first, 3000);
  EXPECT_TRUE(ports[0].host_ip.is_absent());
  EXPECT_TRUE(ports[1].host_ip.is("127.0.0.1"));
  EXPECT_EQ(ports[1].container_first, 80);
  EXPECT_EQ(ports[1].host_first, 0);
  EXPECT_EQ(ports[2].container_last, 3005);
  EXPECT_TRUE(ports[3].host_ip.is("::1"));
  EXPECT_TRUE(ports[4].host_ip.is("10.0.0.5"));
  EXPECT_EQ(ports[4].protocol, "udp");
  EXPECT_EQ(ports[5].host_first, 8080);
  EXPECT_EQ(ports[6].container_first, 5432);
  EXPECT_TRUE(ports[6].host_ip.is_absent());
  EXPECT_TRUE(ports[7].host_ip.is("127.0.0.1"));
  // An empty default address is no address: every interface.
  EXPECT_TRUE(ports[8].host_ip.is_absent());
  EXPECT_EQ(ports[8].container_first, 443);
  EXPECT_TRUE(ports[9].host_ip.is_dynamic());
  EXPECT_EQ(ports[0].where.line, 5);
}

TEST(ComposeTranslator, LongSyntaxPortKeepsHostIpAndExposeDoesNotPublish) {
  const char* text = R"(services:
  db:
    image: postgres:16
    ports:
      - target: 5432
        published: "5432"
        host_ip: 127.0.0.1
        protocol: tcp
    expose: ["80"]
)";
  Translation t = translate_compose("compose.yaml", text);
  const auto& ports = service(t, "db").containers[0].ports;
  ASSERT_EQ(ports.size(), 2u);
  EXPECT_TRUE(ports[0].published);
  EXPECT_TRUE(ports[0].host_ip.is("127.0.0.1"));
  EXPECT_EQ(ports[0].container_first, 5432);
  EXPECT_FALSE(ports[1].published);
  EXPECT_EQ(ports[1].container_first, 80);
}

TEST(ComposeTranslator, AnchorsMergeKeysAndExtensionFields) {
  const char* text = R"(x-hardening: &hardening
  read_only: true
  cap_drop: [ALL]
  security_opt: ["no-new-privileges:true"]
services:
  api:
    <<: *hardening
    image: app:1.0
    user: "${UID}"
  worker:
    <<: *hardening
    read_only: false
    image: app:1.0
    user: root
)";
  Translation t = translate_compose("docker-compose.yml", text);
  ASSERT_TRUE(t.errors.empty());
  const Container& api = service(t, "api").containers[0];
  EXPECT_TRUE(api.read_only_rootfs.is(true));
  EXPECT_EQ(api.read_only_rootfs.where.line, 2);
  EXPECT_TRUE(api.no_new_privileges.is(true));
  ASSERT_EQ(api.caps.drop.size(), 1u);
  EXPECT_TRUE(api.user.is_dynamic());
  const Container& worker = service(t, "worker").containers[0];
  EXPECT_TRUE(worker.read_only_rootfs.is(false));
  EXPECT_TRUE(worker.user.is("root"));
  EXPECT_EQ(t.inventory.workloads.size(), 2u);
}

TEST(ComposeTranslator, EnvironmentListAndMapWithInterpolation) {
  const char* text = R"(services:
  a:
    image: x
    environment:
      - DB_PASSWORD=secret
      - API_TOKEN
      - SESSION_SECRET=${SESSION_SECRET}
  b:
    image: x
    environment:
      DB_PASSWORD: ${PW:-changeme}
      EMPTY:
      URL: "mysql://root:pw@db/app"
)";
  Translation t = translate_compose("compose.yaml", text);
  const auto& a = service(t, "a").containers[0].env;
  ASSERT_EQ(a.size(), 3u);
  EXPECT_TRUE(a[0].value.is("secret"));
  EXPECT_TRUE(a[1].value.is_absent());
  EXPECT_TRUE(a[2].value.is_dynamic());
  const auto& b = service(t, "b").containers[0].env;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_TRUE(b[0].value.is("changeme"));
  EXPECT_TRUE(b[1].value.is_absent());
  EXPECT_EQ(b[0].where.line, 11);
}

TEST(ComposeTranslator, VolumesBindVersusNamedAndLongSyntax) {
  const char* text = R"(services:
  a:
    image: x
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - data:/data
      - ./conf:/conf
      - ~/cache:/cache
      - ${HOST_DIR}:/mnt
      - type: bind
        source: /etc
        target: /host-etc
      - /anonymous
      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock:z,ro
      - "${ETC:-/etc}:/host-etc"
)";
  Translation t = translate_compose("compose.yaml", text);
  const auto& v = service(t, "a").volumes;
  ASSERT_EQ(v.size(), 9u);
  EXPECT_EQ(v[0].type, "bind");
  EXPECT_TRUE(v[0].host_path.is("/var/run/docker.sock"));
  EXPECT_TRUE(v[0].read_only);
  EXPECT_EQ(v[1].type, "volume");
  EXPECT_TRUE(v[1].host_path.is_absent());
  EXPECT_TRUE(v[2].host_path.is("./conf"));
  EXPECT_TRUE(v[3].host_path.is("~/cache"));
  EXPECT_TRUE(v[4].host_path.is_dynamic());
  EXPECT_TRUE(v[5].host_path.is("/etc"));
  EXPECT_EQ(v[6].type, "volume");
  EXPECT_EQ(v[7].type, "bind");
  EXPECT_TRUE(v[7].host_path.is("/var/run/docker.sock"));
  EXPECT_EQ(v[7].target, "/var/run/docker.sock");
  EXPECT_TRUE(v[7].read_only);
  EXPECT_TRUE(v[8].host_path.is("/etc"));
  EXPECT_EQ(v[8].target, "/host-etc");
  EXPECT_FALSE(v[8].read_only);
}

TEST(ComposeTranslator, ModesLimitsAndNetworks) {
  const char* text = R"(services:
  a:
    image: x
    network_mode: host
    pid: host
    mem_limit: 512m
    pids_limit: -1
  b:
    image: x
    networks: [backend]
    deploy:
      resources:
        limits: {memory: 256M, cpus: "0.5", pids: 100}
  c:
    image: x
    networks:
      backend:
        aliases: [c]
networks:
  backend:
    internal: true
  outside:
    external:
      name: shared
)";
  Translation t = translate_compose("compose.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  const Workload& a = service(t, "a");
  EXPECT_TRUE(a.host_network.is(true));
  EXPECT_TRUE(a.host_pid.is(true));
  EXPECT_TRUE(a.host_ipc.is_absent());
  EXPECT_TRUE(a.containers[0].resources.memory_limit.is("512m"));
  // "No limit" written out is absent where it is written, and keeps its text.
  const Located<std::string>& pids = a.containers[0].resources.pids_limit;
  EXPECT_TRUE(pids.is_absent());
  EXPECT_EQ(pids.value, "-1");
  EXPECT_EQ(pids.where.line, 7);
  EXPECT_FALSE(a.networks_written);
  const Workload& b = service(t, "b");
  EXPECT_TRUE(b.containers[0].resources.cpu_limit.is("0.5"));
  EXPECT_TRUE(b.containers[0].resources.pids_limit.is("100"));
  ASSERT_EQ(b.networks.size(), 1u);
  EXPECT_EQ(service(t, "c").networks[0].value, "backend");
  ASSERT_EQ(t.inventory.compose_projects.size(), 1u);
  const auto& nets = t.inventory.compose_projects[0].networks;
  ASSERT_EQ(nets.size(), 2u);
  EXPECT_TRUE(nets[0].internal.is(true));
  EXPECT_TRUE(nets[1].external.is(true));
}

TEST(ComposeTranslator, LongSyntaxPortWithAnAddressInPublishedIsAnErrorAtTheValue) {
  const char* text = R"(services:
  web:
    image: nginx
    ports:
      - target: 8000
        published: 127.0.0.1:8080
      - target: 8000
        published: 127.0.0.1
      - target: 80
        published: "8080-8090"
      - target: 80-81
        published: 8080-8089
)";
  Translation t = translate_compose("compose.yaml", text);
  ASSERT_EQ(t.errors.size(), 3u);
  EXPECT_EQ(t.errors[0].to_string(),
            "compose.yaml:6:20: invalid published port '127.0.0.1:8080': a port or a range of "
            "ports; the address goes in host_ip");
  EXPECT_EQ(t.errors[1].line, 8);
  EXPECT_EQ(t.errors[2].to_string(),
            "compose.yaml:12:20: published range '8080-8089' and target range '80-81' differ in "
            "size");
  // Only the valid mapping is kept: Docker picks a host port from the range.
  const auto& ports = service(t, "web").containers[0].ports;
  ASSERT_EQ(ports.size(), 1u);
  EXPECT_EQ(ports[0].container_first, 80);
  EXPECT_EQ(ports[0].host_first, 8080);
  EXPECT_EQ(ports[0].host_last, 8090);
}

TEST(ComposeTranslator, PortDefaultsAreInterpolatedBeforeThePortIsRead) {
  const char* text = R"(services:
  db:
    image: mysql:8
    ports:
      - "${SQL_PORT:-127.0.0.1:13306}:3306"
      - ${EXPOSE_PORT-:2283:2283}
      - ${APP_PORT}:8065
)";
  Translation t = translate_compose("compose.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  const auto& ports = service(t, "db").containers[0].ports;
  ASSERT_EQ(ports.size(), 3u);
  EXPECT_TRUE(ports[0].host_ip.is("127.0.0.1"));
  EXPECT_EQ(ports[0].host_first, 13306);
  EXPECT_EQ(ports[0].container_first, 3306);
  EXPECT_TRUE(ports[0].written.empty());
  EXPECT_TRUE(ports[1].host_ip.is_absent());  // ":2283:2283": every interface
  EXPECT_EQ(ports[1].container_first, 2283);
  EXPECT_EQ(ports[2].container_first, 8065);
  EXPECT_EQ(ports[2].written, "${APP_PORT}:8065");
}

TEST(ComposeTranslator, ShortPortRangesOfDifferentSizesAreErrors) {
  const char* text = R"(services:
  web:
    image: nginx
    ports:
      - "9000-9091:8080-8081"
      - "9000-9010:80"
      - "127.0.0.1:9000-9001:8080-8081"
)";
  Translation t = translate_compose("compose.yaml", text);
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].to_string(),
            "compose.yaml:5:9: host and container port ranges differ in size in "
            "'9000-9091:8080-8081'");
  EXPECT_EQ(service(t, "web").containers[0].ports.size(), 2u);
}

TEST(ComposeTranslator, WrongShapesAreErrorsWithPositions) {
  const char* text = "services:\n  a:\n    image: x\n    ports: \"80:80\"\n  b: [oops]\n";
  Translation t = translate_compose("compose.yaml", text);
  ASSERT_EQ(t.errors.size(), 2u);
  EXPECT_EQ(t.errors[0].to_string(), "compose.yaml:4:12: ports must be a list, not a scalar");
  EXPECT_EQ(t.errors[1].line, 5);
  EXPECT_EQ(t.inventory.workloads.size(), 1u);
}

TEST(ComposeTranslator, SecurityOptItemThatIsNotAStringIsAnError) {
  const char* text = R"(services:
  web:
    image: nginx
    security_opt:
      - apparmor: false
      - no-new-privileges:true
)";
  Translation t = translate_compose("compose.yaml", text);
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].line, 5);
  EXPECT_NE(t.errors[0].message.find("security_opt item"), std::string::npos)
      << t.errors[0].message;
  EXPECT_TRUE(service(t, "web").containers[0].no_new_privileges.is(true));
}

TEST(ComposeTranslator, ExtendsInheritsWhatTheServiceDoesNotSet) {
  const char* text = R"(services:
  base:
    image: app:1
    user: "10001"
    read_only: true
    cap_drop: [ALL]
    ports: ["127.0.0.1:8080:8080"]
    environment: {MODE: base, LEVEL: "1"}
    deploy:
      resources:
        limits: {memory: 256m}
  middle:
    extends: base
    environment: [MODE=middle]
  worker:
    extends:
      service: middle
    user: "0"
    cap_drop: [NET_RAW]
    ports: ["9090:9090"]
    deploy:
      replicas: 2
)";
  Translation t = translate_compose("compose.yaml", text);
  EXPECT_TRUE(t.errors.empty()) << t.errors[0].message;
  const Container& c = service(t, "worker").containers[0];
  EXPECT_EQ(c.image.value.text, "app:1");
  EXPECT_TRUE(c.user.is("0"));  // its own value wins
  EXPECT_EQ(c.user.where.line, 18);
  EXPECT_TRUE(c.read_only_rootfs.is(true));  // inherited, located at the base
  EXPECT_EQ(c.read_only_rootfs.where.line, 5);
  ASSERT_EQ(c.caps.drop.size(), 2u);  // lists add up, the farthest base first
  EXPECT_TRUE(c.caps.drop[0].is("ALL"));
  EXPECT_TRUE(c.caps.drop[1].is("NET_RAW"));
  ASSERT_EQ(c.ports.size(), 2u);
  EXPECT_TRUE(c.ports[0].host_ip.is("127.0.0.1"));
  EXPECT_TRUE(c.ports[1].host_ip.is_absent());
  // A mapping merges key by key: the limits survive a `deploy` without them.
  EXPECT_TRUE(c.resources.memory_limit.is("256m"));
  ASSERT_EQ(c.env.size(), 2u);  // by name, the nearest value
  EXPECT_EQ(c.env[0].name, "MODE");
  EXPECT_TRUE(c.env[0].value.is("middle"));
  EXPECT_EQ(c.env[1].name, "LEVEL");
}

TEST(ComposeTranslator, ResetTagTakesAKeyAwayAndOverrideReplacesTheBases) {
  const char* text = R"(services:
  base:
    image: app:1
    privileged: true
    cap_add: [NET_ADMIN]
    cap_drop: [ALL]
    ports: ["5432:5432"]
    deploy:
      resources:
        limits: {memory: 256m}
  worker:
    extends: base
    privileged: !reset null
    cap_add: !reset []
    cap_drop: !override [NET_RAW]
    ports: !reset null
    deploy: !reset null
  alone:
    image: app:1
    ports: !reset null
    volumes: !reset {}
    environment: !reset null
    security_opt: !override [no-new-privileges:true]
)";
  Translation t = translate_compose("compose.yaml", text);
  EXPECT_TRUE(t.errors.empty()) << t.errors[0].message;
  const Container& w = service(t, "worker").containers[0];
  EXPECT_TRUE(w.privileged.is_absent());
  EXPECT_TRUE(w.caps.add.empty());
  ASSERT_EQ(w.caps.drop.size(), 1u);
  EXPECT_TRUE(w.caps.drop[0].is("NET_RAW"));
  EXPECT_TRUE(w.ports.empty());
  EXPECT_TRUE(w.resources.memory_limit.is_absent());
  const Container& a = service(t, "alone").containers[0];
  EXPECT_TRUE(a.ports.empty());
  EXPECT_TRUE(a.env.empty());
  EXPECT_TRUE(a.no_new_privileges.is(true));
  EXPECT_TRUE(service(t, "alone").volumes.empty());
  // The base keeps what it sets.
  EXPECT_TRUE(service(t, "base").containers[0].privileged.is(true));
}

TEST(ComposeTranslator, ExtendsOfAnUnknownServiceOrACycleIsAnError) {
  const char* text = R"(services:
  a:
    image: x
    extends: missing
  b:
    image: x
    extends: c
  c:
    image: x
    extends: {service: b}
  d:
    image: x
    extends: {file: common.yml, service: web}
)";
  Translation t = translate_compose("compose.yaml", text);
  ASSERT_EQ(t.errors.size(), 3u);
  EXPECT_EQ(t.errors[0].line, 4);
  EXPECT_NE(t.errors[0].message.find("no service \"missing\""), std::string::npos);
  EXPECT_NE(t.errors[1].message.find("a cycle back to service"), std::string::npos);
  EXPECT_NE(t.errors[2].message.find("a cycle back to service"), std::string::npos);
  EXPECT_EQ(t.inventory.workloads.size(), 4u);  // every service is still read
}

// What a base in another file sets is not read here: the service is only
// partly known, so findings about missing settings are not made for it.
TEST(ComposeTranslator, AServiceExtendingAnotherFilesServiceIsPartial) {
  const char* text = R"(services:
  web:
    image: app:1
    extends:
      file: common.yml
      service: web
  worker:
    extends: web
    command: work
  alone:
    image: app:1
    extends: {service: base}
  base:
    image: app:1
)";
  Translation t = translate_compose("compose.yaml", text);
  EXPECT_TRUE(t.errors.empty()) << t.errors[0].message;
  EXPECT_TRUE(service(t, "web").partial);
  EXPECT_TRUE(service(t, "worker").partial);  // through its base in this file
  EXPECT_FALSE(service(t, "alone").partial);
  EXPECT_FALSE(service(t, "base").partial);
}

TEST(ComposeTranslator, AnErrorInABaseIsReportedOnceHoweverManyServicesExtendIt) {
  const char* text = R"(services:
  base:
    image: x
    environment: 5
  a: {extends: base}
  b: {extends: base}
)";
  Translation t = translate_compose("compose.yaml", text);
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].line, 4);
}

TEST(ComposeTranslator, SecurityOptSpellings) {
  const char* text = R"(services:
  a:
    image: x
    security_opt: ["seccomp:unconfined", "apparmor=unconfined", "no-new-privileges:false"]
)";
  Translation t = translate_compose("compose.yaml", text);
  const Container& c = service(t, "a").containers[0];
  EXPECT_TRUE(c.seccomp.is(k_profile_unconfined));
  EXPECT_TRUE(c.apparmor.is(k_profile_unconfined));
  EXPECT_TRUE(c.no_new_privileges.is(false));
}

}  // namespace
}  // namespace vern
