#include <gtest/gtest.h>

#include "rules/network_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_exposed_database_port;

namespace test {
namespace {

TEST(ExposedDatabasePort, MetadataMatchesCatalog) {
  EXPECT_EQ(k_exposed_database_port.info.slug, "exposed-database-port");
  EXPECT_EQ(k_exposed_database_port.info.severity, Severity::high);
  EXPECT_EQ(k_exposed_database_port.info.surfaces.letters(), "CKRHE");
}

TEST(ExposedDatabasePort, BadAndGood) {
  auto svc = [](PortMapping p) { return workload(Surface::compose).with(container().port(p)); };
  expect_cases(
      k_exposed_database_port,
      {
          {"postgres on every interface",
           svc(publish(5432, 5432)),
           {"service \"web\" publishes database/admin port 5432 (PostgreSQL) on every host "
            "interface (5432->5432/tcp)"}},
          {"container side decides, not host side",
           svc(publish(6379, 16379)),
           {"service \"web\" publishes database/admin port 6379 (Redis) on every host interface "
            "(16379->6379/tcp)"}},
          {"0.0.0.0",
           svc(publish_on("0.0.0.0", 3306, 3306)),
           {"service \"web\" publishes database/admin port 3306 (MySQL) on every host interface "
            "(0.0.0.0:3306->3306/tcp)"}},
          {"range covering database ports",
           svc(publish_range(9000, 9300)),
           {"service \"web\" publishes database/admin port 9042 (Cassandra), 9092 (Kafka), 9200 "
            "(Elasticsearch), 9300 (Elasticsearch) on every host interface "
            "(9000-9300->9000-9300/tcp)"}},
          {"kubernetes hostPort",
           workload(Surface::kubernetes).with(container("db").port(k8s_host_port(5432, 5432))),
           {"container \"db\" publishes database/admin port 5432 (PostgreSQL) as hostPort 5432"}},
          {"hostPort with a hostIP still counts",
           workload(Surface::kubernetes).with(container("db").port([] {
             PortMapping p = k8s_host_port(27017, 27017);
             p.host_ip = lit(std::string("127.0.0.1"), line(40));
             return p;
           }())),
           {"container \"db\" publishes database/admin port 27017 (MongoDB) as hostPort 27017"}},
          {"kubernetes containerPort on the host's network",
           workload(Surface::kubernetes)
               .host_network(true)
               .with(container("db").port(listen_port(5432))),
           {"container \"db\" listens on database/admin port 5432 (PostgreSQL) on every host "
            "interface: it runs on the host's network"}},
          {"compose ports on the host's network, where publishing is discarded",
           workload(Surface::compose)
               .network_mode("host")
               .host_network(true)
               .with(container().port(publish_on("127.0.0.1", 6379, 6379))),
           {"service \"web\" listens on database/admin port 6379 (Redis) on every host "
            "interface: it runs on the host's network"}},
          {"host network, no database port",
           workload(Surface::kubernetes).host_network(true).with(container().port(listen_port(80))),
           {}},
          {"loopback", svc(publish_on("127.0.0.1", 5432, 5432)), {}},
          {"loopback v6", svc(publish_on("[::1]", 5432, 5432)), {}},
          {"specific address", svc(publish_on("10.0.0.5", 5432, 5432)), {}},
          {"not published", svc(listen_port(5432)), {}},
          {"kubernetes containerPort only",
           workload(Surface::kubernetes).with(container().port(listen_port(5432))),
           {}},
          {"not a database port", svc(publish(80, 80)), {}},
          {"dockerfile is not a surface of the rule",
           workload(Surface::dockerfile).with(container().port(publish(5432, 5432))),
           {}},
      });
}

}  // namespace
}  // namespace test
}  // namespace vern
