// Rules over translated Compose files: short syntax, interpolation, `~` paths
// and the Docker spellings of the security settings.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "rules/catalog.h"
#include "sources/compose/translate.h"

namespace vern {
namespace {

std::vector<Finding> findings(std::string_view slug, std::string_view file) {
  Translation t = translate_compose("compose.yaml", file);
  for (const Error& e : t.errors) ADD_FAILURE() << e.to_string();
  const Rule* rule = find_rule(slug);
  EXPECT_NE(rule, nullptr) << slug;
  FindingList out;
  if (rule) rule->check(t.inventory, RuleOptions{}, out);
  return out.findings();
}

std::vector<std::string> messages(std::string_view slug, std::string_view file) {
  std::vector<std::string> out;
  for (const Finding& f : findings(slug, file)) out.push_back(f.message);
  return out;
}

constexpr std::string_view k_hardened = R"(services:
  web:
    image: nginx:1.25
    user: "${UID}"
    read_only: true
    cap_drop: [ALL]
    security_opt:
      - no-new-privileges:true
)";

TEST(TranslatedCompose, HardenedServiceHasNoPrivilegeFindings) {
  for (std::string_view slug :
       {"root-user", "capabilities-not-dropped", "privilege-escalation", "writable-root-filesystem",
        "privileged", "dangerous-capability", "seccomp-unconfined"}) {
    EXPECT_EQ(messages(slug, k_hardened), std::vector<std::string>{}) << slug;
  }
}

TEST(TranslatedCompose, MissingSettingsPointAtTheService) {
  auto found = findings("root-user", R"(services:
  web:
    image: nginx:1.25
  db:
    image: postgres:16
    user: postgres
  cache:
    image: redis:7
    user: "0:0"
)");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message, "service \"web\" runs as root: user not set here");
  EXPECT_EQ(found[0].where.line, 2);
  EXPECT_EQ(found[1].message, "service \"cache\" runs as root: user \"0:0\"");
  EXPECT_EQ(found[1].where.line, 9);
}

TEST(TranslatedCompose, ALimitWrittenAsUnlimitedIsReportedAtItsValueAndNamed) {
  constexpr std::string_view file = R"(services:
  web:
    image: nginx:1.25
    mem_limit: 0
    deploy:
      resources:
        limits:
          pids: -1
)";
  struct Expected {
    std::string_view slug;
    int line;
    std::string_view message;
  };
  for (const Expected& e : {
           Expected{"no-pids-limit", 8,
                    "service \"web\" has no PIDs limit: -1 means unlimited (pids_limit or "
                    "deploy.resources.limits.pids)"},
           Expected{"no-memory-limit", 4,
                    "service \"web\" has no memory limit: 0 means unlimited (mem_limit or "
                    "deploy.resources.limits.memory)"},
           Expected{"no-cpu-limit", 2,
                    "service \"web\" has no CPU limit (cpus or deploy.resources.limits.cpus)"},
       }) {
    auto found = findings(e.slug, file);
    ASSERT_EQ(found.size(), 1u) << e.slug;
    EXPECT_EQ(found[0].where.line, e.line) << e.slug;
    EXPECT_EQ(found[0].message, e.message);
  }
}

TEST(TranslatedCompose, SecurityOptSpellings) {
  constexpr std::string_view file = R"(services:
  a:
    image: nginx:1.25
    security_opt: ["no-new-privileges=true", "seccomp=unconfined"]
  b:
    image: nginx:1.25
    security_opt: ["no-new-privileges:false", "apparmor=unconfined"]
    privileged: true
    cap_add: [SYS_ADMIN, NET_BIND_SERVICE]
)";
  EXPECT_EQ(messages("privilege-escalation", file),
            (std::vector<std::string>{"service \"b\" sets no-new-privileges:false"}));
  EXPECT_EQ(messages("seccomp-unconfined", file),
            (std::vector<std::string>{"service \"a\" runs with seccomp profile Unconfined"}));
  EXPECT_EQ(messages("apparmor-unconfined", file),
            (std::vector<std::string>{"service \"b\" runs with AppArmor profile Unconfined"}));
  EXPECT_EQ(messages("privileged", file),
            (std::vector<std::string>{"service \"b\" runs in privileged mode"}));
  EXPECT_EQ(messages("dangerous-capability", file),
            (std::vector<std::string>{"service \"b\" adds capability SYS_ADMIN"}));
}

constexpr std::string_view k_mounts = R"(services:
  agent:
    image: example/agent:1.0
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - ~/data:/data
      - ~:/home/host
      - ./config:/config
      - /etc/ssl/certs:/certs:ro
      - ${LOG_DIR}:/logs
      - cache:/cache
      - type: bind
        source: /proc
        target: /host/proc
)";

TEST(TranslatedCompose, MountsAreReportedByExactlyOneRule) {
  EXPECT_EQ(messages("container-socket-mount", k_mounts),
            (std::vector<std::string>{
                "service \"agent\" mounts the container engine socket /var/run/docker.sock "
                "(read-only, which leaves the API writable)"}));
  EXPECT_EQ(messages("sensitive-host-mount", k_mounts),
            (std::vector<std::string>{
                "service \"agent\" mounts host path ~",
                "service \"agent\" mounts host path /etc/ssl/certs (read-only)",
                "service \"agent\" mounts host path /proc",
            }));
  auto socket = findings("container-socket-mount", k_mounts);
  ASSERT_EQ(socket.size(), 1u);
  EXPECT_EQ(socket[0].where.line, 5);
  EXPECT_EQ(socket[0].severity, Severity::critical);
}

TEST(TranslatedCompose, LocalVolumesThatBindAHostFolderAreMountsOfIt) {
  constexpr std::string_view file = R"(services:
  agent:
    image: agent:1
    volumes:
      - etc:/host/etc:ro
      - type: volume
        source: sock
        target: /var/run/docker.sock
      - data:/data
      - nfs:/nfs
volumes:
  etc:
    driver: local
    driver_opts: {type: none, o: bind, device: /etc}
  sock:
    driver_opts: {type: none, o: "rbind,ro", device: /var/run/docker.sock}
  data:
    driver_opts: {type: none, o: bind, device: ./data}
  nfs:
    driver_opts: {type: nfs, o: "addr=10.0.0.1,rw", device: ":/etc"}
)";
  auto sensitive = findings("sensitive-host-mount", file);
  ASSERT_EQ(sensitive.size(), 1u);
  EXPECT_EQ(sensitive[0].message,
            "service \"agent\" through volume \"etc\" mounts host path /etc (read-only)");
  EXPECT_EQ(sensitive[0].where.line, 5);  // where the service mounts it
  EXPECT_EQ(messages("container-socket-mount", file),
            (std::vector<std::string>{"service \"agent\" through volume \"sock\" mounts the "
                                      "container engine socket /var/run/docker.sock"}));
}

TEST(TranslatedCompose, PortsOfAServiceOnTheHostNetworkAreItsListeningPortsNotPublications) {
  // Docker discards published ports in host network mode: the container
  // listens on the host's interfaces itself, and a database port is exposed.
  constexpr std::string_view file = R"(services:
  db:
    image: mongo:7
    network_mode: host
    ports: ["127.0.0.1:27017:27017", "8080:8080"]
)";
  EXPECT_EQ(messages("exposed-database-port", file),
            std::vector<std::string>{"service \"db\" listens on database/admin port 27017 "
                                     "(MongoDB) on every host interface: it runs on the host's "
                                     "network"});
  EXPECT_TRUE(messages("port-all-interfaces", file).empty());
  EXPECT_EQ(messages("host-network", file).size(), 1u);
}

TEST(TranslatedCompose, PortsOfAServiceInAnotherContainersNetworkAreNotPublished) {
  constexpr std::string_view file = R"(services:
  vpn:
    image: vpn:1
    ports: ["127.0.0.1:8080:8080"]
  app:
    image: app:1
    network_mode: "service:vpn"
    ports: ["8080:8080", "5432:5432"]
  tool:
    image: tool:1
    network_mode: container:other
    ports: ["9000:9000"]
)";
  EXPECT_TRUE(messages("port-all-interfaces", file).empty());
  EXPECT_TRUE(messages("exposed-database-port", file).empty());
}

TEST(TranslatedCompose, PortsWithAnUnknownPartAreNamedAsWritten) {
  constexpr std::string_view file = R"(services:
  calls:
    image: calls:1
    ports:
      - ${CALLS_PORT}:${CALLS_PORT}/udp
      - ${IMAP_PORT:-1143}:1143
)";
  EXPECT_EQ(messages("port-all-interfaces", file),
            (std::vector<std::string>{
                "service \"calls\" publishes port ${CALLS_PORT}:${CALLS_PORT}/udp on every host "
                "interface",
                "service \"calls\" publishes port 1143->1143/tcp on every host interface",
            }));
}

TEST(TranslatedCompose, AServiceThatExtendsAHardenedBaseIsHardenedAndInheritsItsFaults) {
  constexpr std::string_view file = R"(services:
  base:
    image: app:1
    user: "10001"
    read_only: true
    cap_drop: [ALL]
    security_opt: ["no-new-privileges:true"]
    privileged: true
  worker:
    extends: base
    command: worker
)";
  for (const char* rule : {"root-user", "writable-root-filesystem", "capabilities-not-dropped",
                           "privilege-escalation"}) {
    EXPECT_TRUE(messages(rule, file).empty()) << rule;
  }
  EXPECT_EQ(messages("privileged", file),
            (std::vector<std::string>{"service \"base\" runs in privileged mode",
                                      "service \"worker\" runs in privileged mode"}));
}

TEST(TranslatedCompose, UsernsModeHost) {
  EXPECT_EQ(
      messages("host-user-namespace", R"(services:
  web:
    image: nginx:1.25
    userns_mode: host
)"),
      (std::vector<std::string>{"service \"web\" uses the host user namespace (userns host)"}));
}

TEST(TranslatedCompose, SecretsInEnvironment) {
  constexpr std::string_view file = R"(services:
  app:
    image: example/app:2
    environment:
      DB_PASSWORD: hunter2
      DB_PASSWORD_FILE: /run/secrets/db
      API_TOKEN: ${API_TOKEN}
      ADMIN_PASSWORD: ${ADMIN_PASSWORD:-changeme}
      DATABASE: mysql://root:pw@db/app
      EMPTY_SECRET: ""
  worker:
    image: example/app:2
    environment:
      - REDIS_PASSWORD=s3cret
      - JWT_SECRET
)";
  EXPECT_EQ(messages("secret-in-env", file),
            (std::vector<std::string>{
                "service \"app\": environment variable DB_PASSWORD holds a literal value",
                "service \"app\": environment variable ADMIN_PASSWORD holds a literal value",
                "service \"app\": environment variable DATABASE holds a URL with a password",
                "service \"worker\": environment variable REDIS_PASSWORD holds a literal value",
            }));
}

TEST(TranslatedCompose, ImageBesideBuildIsChecked) {
  constexpr std::string_view file = R"(services:
  app:
    build: .
    image: registry.example/app
  db:
    image: postgres:16@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
  tool:
    image: ${TOOL_IMAGE}
)";
  EXPECT_EQ(messages("image-latest-tag", file),
            (std::vector<std::string>{
                "service \"app\": image \"registry.example/app\" has no tag (implies latest)"}));
  EXPECT_EQ(messages("image-not-pinned", file),
            (std::vector<std::string>{
                "service \"app\": image \"registry.example/app\" is not pinned by digest"}));
}

TEST(TranslatedCompose, ImageMountSourcesAreImageReferences) {
  constexpr std::string_view file = R"(services:
  app:
    image: example/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    volumes:
      - type: image
        source: example/models
        target: /models
      - type: image
        source: ${MODELS_IMAGE}
        target: /more
      - type: volume
        source: latest
        target: /data
)";
  std::vector<Finding> latest = findings("image-latest-tag", file);
  ASSERT_EQ(latest.size(), 1u);
  EXPECT_EQ(latest[0].message,
            "service \"app\": mounted image \"example/models\" has no tag (implies latest)");
  EXPECT_EQ(latest[0].where.line, 6);
  EXPECT_EQ(messages("image-not-pinned", file),
            (std::vector<std::string>{
                "service \"app\": mounted image \"example/models\" is not pinned by digest"}));
}

}  // namespace
}  // namespace vern
