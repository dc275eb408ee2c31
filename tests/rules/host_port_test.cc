#include <gtest/gtest.h>

#include "rules/network_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_host_port;

namespace test {
namespace {

TEST(HostPort, MetadataMatchesCatalog) {
  EXPECT_EQ(k_host_port.info.slug, "host-port");
  EXPECT_EQ(k_host_port.info.severity, Severity::medium);
  EXPECT_EQ(k_host_port.info.surfaces.letters(), "KE");
}

TEST(HostPort, BadAndGood) {
  expect_cases(k_host_port,
               {
                   {"hostPort",
                    workload(Surface::kubernetes).with(container().port(k8s_host_port(80, 8080))),
                    {"container \"app\" sets hostPort 8080 (container port 80/tcp)"}},
                   {"admission request",
                    workload(Surface::enforcement)
                        .api_version("v1")
                        .kind("Pod")
                        .with(container().port(k8s_host_port(443, 443))),
                    {"container \"app\" sets hostPort 443 (container port 443/tcp)"}},
                   {"hostPort without a containerPort",
                    workload(Surface::kubernetes).with(container().port(k8s_host_port(0, 8090))),
                    {"container \"app\" sets hostPort 8090 (no containerPort)"}},
                   {"containerPort only",
                    workload(Surface::kubernetes).with(container().port(listen_port(80))),
                    {}},
                   {"compose published port is not a hostPort",
                    workload(Surface::compose).with(container().port(publish(80, 80))),
                    {}},
               });
}

TEST(HostPort, PointsAtThePortAndNamesTheContainer) {
  auto found =
      run_rule(k_host_port, workload(Surface::kubernetes)
                                .with(container("side").role(ContainerRole::init))
                                .with(container("web").port(k8s_host_port(80, 80, line(33)))));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where, line(33));
  EXPECT_EQ(found[0].object, "Deployment default/web container web");
}

}  // namespace
}  // namespace test
}  // namespace vern
