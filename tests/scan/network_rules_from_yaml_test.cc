// The network, resource and Kubernetes policy rules run on the model the
// Compose and Kubernetes translators build from YAML: the tricky spellings
// (port forms, network declarations, objects split over several files) end to
// end, without the scan driver.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "rules/catalog.h"
#include "sources/compose/translate.h"
#include "sources/kubernetes/translate.h"

namespace vern {
namespace {

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

// Translates `files` ({path, text}) and merges their inventories, as the scan
// does for set-level rules.
Inventory translate(const std::vector<std::pair<std::string, std::string>>& files) {
  Inventory all;
  for (const auto& [path, text] : files) {
    bool compose = path.find("compose") != std::string::npos;
    Translation t = compose ? translate_compose(path, text) : translate_kubernetes(path, text);
    EXPECT_TRUE(t.errors.empty()) << path << ": " << t.errors.front().to_string();
    append(all.workloads, t.inventory.workloads);
    append(all.kube_objects, t.inventory.kube_objects);
    append(all.network_policies, t.inventory.network_policies);
    append(all.namespaces, t.inventory.namespaces);
    append(all.service_accounts, t.inventory.service_accounts);
    append(all.pod_security_policies, t.inventory.pod_security_policies);
    append(all.compose_projects, t.inventory.compose_projects);
  }
  return all;
}

// "line: message" of every finding of rule `slug`.
std::vector<std::string> findings(std::string_view slug, const Inventory& inv) {
  const Rule* rule = find_rule(slug);
  EXPECT_NE(rule, nullptr) << slug;
  if (!rule) return {};
  FindingList out;
  rule->check(inv, RuleOptions{}, out);
  std::vector<std::string> lines;
  for (const Finding& f : out.findings()) {
    lines.push_back(std::to_string(f.where.line) + ": " + f.message);
  }
  return lines;
}

using Lines = std::vector<std::string>;

const char* const k_ports = R"(services:
  web:
    image: example/web:1
    ports:
      - "127.0.0.1::80"
      - "3000-3005:3000-3005"
      - "[::1]:5432:5432"
      - "10.0.0.5:5432:5432"
      - "3000"
      - "15432:5432"
      - target: 6379
        published: 6379
        host_ip: 127.0.0.1
      - target: 27017
        published: 27017
    expose:
      - "443"
      - "8080"
)";

TEST(NetworkRulesFromCompose, PortAllInterfacesSkipsLoopbackSpecificAndDatabasePorts) {
  Inventory inv = translate({{"compose.yaml", k_ports}});
  EXPECT_EQ(findings("port-all-interfaces", inv),
            (Lines{"6: service \"web\" publishes port 3000-3005->3000-3005/tcp on every host "
                   "interface",
                   "9: service \"web\" publishes port *->3000/tcp on every host interface"}));
}

TEST(NetworkRulesFromCompose, ExposedDatabasePortLooksAtTheContainerSide) {
  Inventory inv = translate({{"compose.yaml", k_ports}});
  Lines found = findings("exposed-database-port", inv);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0],
            "10: service \"web\" publishes database/admin port 5432 (PostgreSQL) on every host "
            "interface (15432->5432/tcp)");
  EXPECT_EQ(found[1].substr(0, found[1].find(':')), "14");  // long syntax without host_ip
  EXPECT_NE(found[1].find("27017 (MongoDB)"), std::string::npos) << found[1];
}

TEST(NetworkRulesFromCompose, PrivilegedPortCountsExposeAndLoopbackMappings) {
  Inventory inv = translate({{"compose.yaml", k_ports}});
  EXPECT_EQ(findings("privileged-port", inv),
            (Lines{"5: service \"web\" listens on privileged port 80/tcp",
                   "17: service \"web\" listens on privileged port 443/tcp"}));
}

TEST(NetworkRulesFromCompose, NetworkModesAndDefaultNetwork) {
  Inventory inv = translate({{"compose.yaml", R"(services:
  plain:
    image: example/a:1
  host:
    image: example/b:1
    network_mode: host
    pid: host
  bridged:
    image: example/c:1
    network_mode: bridge
  chosen:
    image: example/d:1
    networks: [backend]
networks:
  backend: {}
)"}});
  EXPECT_EQ(findings("default-bridge-network", inv),
            (Lines{"2: service \"plain\" sets neither networks nor network_mode, so it joins the "
                   "project's default network, shared with other containers",
                   "10: service \"bridged\" uses network mode \"bridge\", shared with other "
                   "containers"}));
  EXPECT_EQ(
      findings("host-network", inv),
      (Lines{"6: service \"host\" shares the host's network namespace (network_mode: host)"}));
  EXPECT_EQ(findings("host-pid", inv),
            (Lines{"7: service \"host\" shares the host's process namespace (pid: host)"}));
}

TEST(NetworkRulesFromCompose, DatabaseNetworksInternalExternalAndDefault) {
  Inventory inv = translate({{"compose.yaml", R"(services:
  on_default:
    image: postgres:16
  internal_only:
    image: bitnami/redis:7.2
    networks: [backend]
  mixed:
    image: mariadb:11
    networks:
      backend:
      front:
        aliases: [db]
  shared:
    image: mongo:7
    networks: [outside]
  admin:
    image: mongo-express
  tagged:
    image: "mysql:${MYSQL_VERSION:-8}"
    networks: [backend]
networks:
  backend:
    internal: true
  front: {}
  outside:
    external: true
)"}});
  EXPECT_EQ(findings("database-on-public-network", inv),
            (Lines{"2: service \"on_default\" runs database image postgres:16 on the project's "
                   "network \"default\", which is not internal",
                   "11: service \"mixed\" runs database image mariadb:11 on network \"front\", "
                   "which is not internal"}));
}

TEST(NetworkRulesFromCompose, InternalDefaultNetworkIsPrivate) {
  Inventory inv = translate({{"compose.yaml", R"(services:
  db:
    image: postgres:16
networks:
  default:
    internal: true
)"}});
  EXPECT_TRUE(findings("database-on-public-network", inv).empty());
}

TEST(NetworkRulesFromCompose, LimitsWithVariablesAndDeployKeysAreLimits) {
  Inventory inv = translate({{"compose.yaml", R"(services:
  limited:
    image: example/a:1
    mem_limit: ${MEM}
    cpus: "0.5"
    deploy:
      resources:
        limits:
          pids: 100
  unlimited:
    image: example/b:1
)"}});
  EXPECT_EQ(findings("no-memory-limit", inv).size(), 1u);
  EXPECT_EQ(findings("no-cpu-limit", inv).size(), 1u);
  EXPECT_EQ(findings("no-pids-limit", inv).size(), 1u);
  for (const char* slug : {"no-memory-limit", "no-cpu-limit", "no-pids-limit"}) {
    for (const std::string& f : findings(slug, inv)) {
      EXPECT_NE(f.find("\"unlimited\""), std::string::npos) << f;
    }
  }
}

const char* const k_deployment = R"(apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: db
  namespace: prod
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: postgres
          image: postgres:16
          ports:
            - containerPort: 5432
              hostPort: 5432
            - containerPort: 80
          resources:
            limits:
              memory: 1Gi
)";

TEST(NetworkRulesFromKubernetes, HostPortAndOldApiVersion) {
  Inventory inv = translate({{"deploy.yaml", k_deployment}});
  EXPECT_EQ(findings("host-port", inv),
            (Lines{"15: container \"postgres\" sets hostPort 5432 (container port 5432/tcp)"}));
  EXPECT_EQ(findings("exposed-database-port", inv).size(), 1u);
  EXPECT_EQ(findings("privileged-port", inv),
            (Lines{"16: container \"postgres\" listens on privileged port 80/tcp"}));
  EXPECT_EQ(findings("deprecated-api", inv),
            (Lines{"1: Deployment uses apiVersion extensions/v1beta1, removed in Kubernetes "
                   "1.16; use apps/v1"}));
  // Old apiVersions are still checked by kind.
  EXPECT_EQ(findings("host-network", inv).size(), 1u);
  EXPECT_TRUE(findings("no-memory-limit", inv).empty());
  EXPECT_EQ(findings("no-cpu-limit", inv).size(), 1u);
  EXPECT_TRUE(findings("port-all-interfaces", inv).empty());  // not a Kubernetes rule
}

TEST(NetworkRulesFromKubernetes, SetsAcrossFiles) {
  const char* namespaces = R"(apiVersion: v1
kind: Namespace
metadata:
  name: prod
---
apiVersion: v1
kind: Namespace
metadata:
  name: dev
  labels:
    pod-security.kubernetes.io/enforce: baseline
)";
  const char* overlay = R"(apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
  namespace: prod
automountServiceAccountToken: false
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: prod
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
)";
  const char* app = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
spec:
  template:
    spec:
      serviceAccountName: app
      containers:
        - name: web
          image: example/web:1
---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  namespace: dev
spec:
  template:
    spec:
      containers:
        - name: migrate
          image: example/migrate:1
)";
  Inventory inv =
      translate({{"ns.yaml", namespaces}, {"overlay.yaml", overlay}, {"app.yaml", app}});
  EXPECT_EQ(
      findings("namespace-without-pod-security", inv),
      (Lines{"11: namespace \"dev\" enforces Pod Security \"baseline\", not \"restricted\""}));
  // At the Namespace object of ns.yaml (line 6), not at the Job of app.yaml.
  EXPECT_EQ(findings("missing-network-policy", inv),
            (Lines{"6: namespace \"dev\" has workloads but no default-deny NetworkPolicy"}));
  Lines tokens = findings("service-account-token-mounted", inv);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_NE(tokens[0].find("Job \"dev/migrate\""), std::string::npos) << tokens[0];
}

TEST(NetworkRulesFromKubernetes, PodSecurityPolicy) {
  Inventory inv = translate({{"psp.yaml", R"(apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: loose
spec:
  privileged: false
  allowPrivilegeEscalation: false
  requiredDropCapabilities: [all]
  volumes: [configMap, hostPath]
  hostPID: true
  runAsUser:
    rule: MustRunAs
    ranges: [{min: 0, max: 100}]
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: MayRunAs
    ranges: [{min: 1, max: 100}]
  fsGroup:
    rule: RunAsAny
)"}});
  EXPECT_EQ(findings("psp-not-restricted", inv),
            (Lines{"5: PodSecurityPolicy \"loose\" is weaker than restricted: volumes allow "
                   "hostPath; hostPID: true; runAsUser rule MustRunAs admits root; fsGroup admits "
                   "GID 0"}));
  EXPECT_EQ(findings("deprecated-api", inv),
            (Lines{"1: PodSecurityPolicy (policy/v1beta1) was removed in Kubernetes 1.25; use "
                   "Pod Security Admission labels"}));
}

}  // namespace
}  // namespace vern
