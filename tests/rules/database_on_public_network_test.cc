#include <gtest/gtest.h>

#include "rules/network_builder.h"

namespace vern {
extern const Rule k_database_on_public_network;

namespace test {
namespace {

Inventory project(WorkloadBuilder service, std::vector<ComposeNetwork> networks = {}) {
  Inventory inv = service.inventory();
  ComposeProject p = compose_project();
  p.networks = std::move(networks);
  inv.compose_projects.push_back(p);
  return inv;
}

WorkloadBuilder db(std::string image = "postgres:16") {
  return workload(Surface::compose).name("db").with(container("db").image(image));
}

ComposeNetwork internal_network(std::string name) {
  ComposeNetwork n = compose_network(std::move(name));
  n.internal = lit(true, line(51));
  return n;
}

std::vector<std::string> run(const Inventory& inv) {
  return messages_of(run_rule(k_database_on_public_network, inv));
}

TEST(DatabaseOnPublicNetwork, MetadataMatchesCatalog) {
  EXPECT_EQ(k_database_on_public_network.info.slug, "database-on-public-network");
  EXPECT_EQ(k_database_on_public_network.info.severity, Severity::medium);
  EXPECT_EQ(k_database_on_public_network.info.surfaces.letters(), "C");
  EXPECT_EQ(k_database_on_public_network.scope, RuleScope::set);
}

TEST(DatabaseOnPublicNetwork, DefaultNetworkIsPublic) {
  EXPECT_EQ(run(project(db())),
            std::vector<std::string>{"service \"db\" runs database image postgres:16 on the "
                                     "project's network \"default\", which is not internal"});
}

TEST(DatabaseOnPublicNetwork, DeclaredInternalDefaultIsPrivate) {
  EXPECT_TRUE(run(project(db(), {internal_network("default")})).empty());
}

TEST(DatabaseOnPublicNetwork, InternalNetworkIsPrivate) {
  EXPECT_TRUE(run(project(db().network("backend"), {internal_network("backend")})).empty());
}

TEST(DatabaseOnPublicNetwork, AnyPublicNetworkOfSeveralFires) {
  auto found = run_rule(k_database_on_public_network,
                        project(db().network("backend", line(4)).network("front", line(5)),
                                {internal_network("backend"), compose_network("front")}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "service \"db\" runs database image postgres:16 on network \"front\", which is not "
            "internal");
  EXPECT_EQ(found[0].where, line(5));
}

TEST(DatabaseOnPublicNetwork, InternalFalseIsPublic) {
  ComposeNetwork n = compose_network("backend");
  n.internal = lit(false, line(51));
  EXPECT_EQ(run(project(db().network("backend"), {n})).size(), 1u);
}

TEST(DatabaseOnPublicNetwork, ExternalNetworkIsUnknown) {
  ComposeNetwork n = compose_network("shared");
  n.external = lit(true, line(51));
  EXPECT_TRUE(run(project(db().network("shared"), {n})).empty());
}

TEST(DatabaseOnPublicNetwork, UndeclaredNetworkIsUnknown) {
  // Declared in another file of the project (an override), not in this one.
  EXPECT_TRUE(run(project(db().network("backend"))).empty());
}

TEST(DatabaseOnPublicNetwork, ProjectIsMatchedByFile) {
  Inventory inv = project(db().network("backend"), {compose_network("backend")});
  ComposeProject other = compose_project("other.yml");
  other.networks = {internal_network("backend")};
  inv.compose_projects.insert(inv.compose_projects.begin(), other);
  EXPECT_EQ(run(inv).size(), 1u);
}

TEST(DatabaseOnPublicNetwork, NetworkModes) {
  // On the host's network: listening on the host's interfaces, not internal.
  EXPECT_EQ(run(project(db().network_mode("host").host_network(true, line(3)))),
            std::vector<std::string>{"service \"db\" runs database image postgres:16 on the "
                                     "host's network, which is not internal"});
  EXPECT_TRUE(run(project(db().network_mode("none"))).empty());
  EXPECT_TRUE(run(project(db().network_mode("service:vpn"))).empty());
  EXPECT_EQ(run(project(db().network_mode("bridge"))),
            std::vector<std::string>{"service \"db\" runs database image postgres:16 on "
                                     "Docker's default bridge network, which is not internal"});
}

TEST(DatabaseOnPublicNetwork, DatabaseImagesByName) {
  for (const char* image :
       {"mysql",
        "mariadb:11",
        "docker.io/library/postgres:16-alpine",
        "bitnami/postgresql:15",
        "redis:7",
        "redis/redis-stack",
        "valkey/valkey:8",
        "mongo:7",
        "elasticsearch:8.11.0",
        "opensearchproject/opensearch",
        "memcached",
        "cassandra:4",
        "couchdb",
        "influxdb:2",
        "neo4j",
        "clickhouse/clickhouse-server",
        "cockroachdb/cockroach",
        "quay.io/coreos/etcd",
        "mcr.microsoft.com/mssql/server:2022-latest",
        "container-registry.oracle.com/oracle/database",
        "timescale/timescaledb:latest-pg16",
        "postgres:${PG_VERSION}",
        "${REGISTRY}/postgres:16",
        "postgres:${PG:-16}",
        "postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}) {
    EXPECT_EQ(run(project(db(image))).size(), 1u) << image;
  }
}

TEST(DatabaseOnPublicNetwork, NonDatabaseImages) {
  for (const char* image :
       {"mongo-express", "adminer", "dpage/pgadmin4", "nginx", "postgres-exporter",
        "redis-commander", "${DB_IMAGE}", "${REGISTRY}/${NAME}:16"}) {
    EXPECT_TRUE(run(project(db(image))).empty()) << image;
  }
  EXPECT_TRUE(run(project(workload(Surface::compose).with(container()))).empty());  // no image
}

TEST(DatabaseOnPublicNetwork, OnlyCompose) {
  Inventory inv;
  inv.workloads.push_back(workload(Surface::run).with(container().image("postgres")).build());
  inv.workloads.push_back(
      workload(Surface::kubernetes).with(container().image("postgres")).build());
  EXPECT_TRUE(run(inv).empty());
}

}  // namespace
}  // namespace test
}  // namespace vern
