#include <gtest/gtest.h>

#include "rules/network_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_port_all_interfaces;

namespace test {
namespace {

TEST(PortAllInterfaces, MetadataMatchesCatalog) {
  EXPECT_EQ(k_port_all_interfaces.info.slug, "port-all-interfaces");
  EXPECT_EQ(k_port_all_interfaces.info.severity, Severity::low);
  EXPECT_EQ(k_port_all_interfaces.info.surfaces.letters(), "CRH");
}

TEST(PortAllInterfaces, BadAndGood) {
  auto svc = [](PortMapping p) { return workload(Surface::compose).with(container().port(p)); };
  expect_cases(
      k_port_all_interfaces,
      {
          {"no host address",
           svc(publish(80, 8080)),
           {"service \"web\" publishes port 8080->80/tcp on every host interface"}},
          {"bare port, random host port",
           svc(publish(3000)),
           {"service \"web\" publishes port *->3000/tcp on every host interface"}},
          {"0.0.0.0",
           svc(publish_on("0.0.0.0", 80, 80)),
           {"service \"web\" publishes port 0.0.0.0:80->80/tcp on every host interface"}},
          {"::",
           svc(publish_on("::", 80, 80)),
           {"service \"web\" publishes port [::]:80->80/tcp on every host interface"}},
          {"range",
           svc(publish_range(3000, 3005)),
           {"service \"web\" publishes port 3000-3005->3000-3005/tcp on every host interface"}},
          {"docker run -p",
           workload(Surface::run).with(container().port(publish(80, 80))),
           {"docker run \"app\" publishes port 80->80/tcp on every host interface"}},
          {"loopback v4", svc(publish_on("127.0.0.1", 80, 8080)), {}},
          {"loopback v6", svc(publish_on("[::1]", 80, 8080)), {}},
          {"specific address", svc(publish_on("10.0.0.5", 80, 8080)), {}},
          {"variable address",
           svc([] {
             PortMapping p = publish(80, 8080);
             p.host_ip = dyn<std::string>(line(40));
             return p;
           }()),
           {}},
          {"expose only", svc(listen_port(80)), {}},
          {"database port is exposed-database-port's", svc(publish(5432, 5432)), {}},
          {"range of database ports only", svc(publish_range(7000, 7001)), {}},
          {"range with other ports besides a database port",
           svc(publish_range(5000, 6000)),
           {"service \"web\" publishes port 5000-6000->5000-6000/tcp on every host interface "
            "(its database ports are exposed-database-port)"}},
          {"kubernetes is not a surface of the rule",
           workload(Surface::kubernetes).with(container().port(k8s_host_port(80, 80))),
           {}},
      });
}

TEST(PortAllInterfaces, OneFindingPerMappingAtItsLine) {
  auto found =
      run_rule(k_port_all_interfaces, workload(Surface::compose)
                                          .with(container()
                                                    .port(publish(80, 80, line(41)))
                                                    .port(publish_on("127.0.0.1", 81, 81, line(42)))
                                                    .port(publish(443, 443, line(43)))));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].where, line(41));
  EXPECT_EQ(found[1].where, line(43));
  EXPECT_EQ(found[0].severity, Severity::low);
}

}  // namespace
}  // namespace test
}  // namespace vern
