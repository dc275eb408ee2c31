#include <gtest/gtest.h>

#include "rules/model_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_host_network;

namespace test {
namespace {

TEST(HostNetwork, MetadataMatchesCatalog) {
  EXPECT_EQ(k_host_network.info.slug, "host-network");
  EXPECT_EQ(k_host_network.info.severity, Severity::high);
  EXPECT_EQ(k_host_network.info.surfaces.letters(), "CKRHE");
  EXPECT_EQ(k_host_network.scope, RuleScope::unit);
}

TEST(HostNetwork, BadAndGood) {
  expect_cases(
      k_host_network,
      {
          {"kubernetes hostNetwork true",
           workload(Surface::kubernetes).host_network(true),
           {"Deployment \"default/web\" shares the host's network namespace (hostNetwork: true)"}},
          {"compose network_mode host",
           workload(Surface::compose).host_network(true).network_mode("host"),
           {"service \"web\" shares the host's network namespace (network_mode: host)"}},
          {"docker run --network host",
           workload(Surface::run).host_network(true),
           {"docker run shares the host's network namespace (--network host)"}},
          {"live container",
           workload(Surface::host).host_network(true),
           {"container \"web\" shares the host's network namespace (NetworkMode: host)"}},
          {"mode recorded without the flag",
           workload(Surface::compose).network_mode("host"),
           {"service \"web\" shares the host's network namespace (network_mode: host)"}},
          {"hostNetwork false", workload(Surface::kubernetes).host_network(false), {}},
          {"not written", workload(Surface::kubernetes), {}},
          {"bridge mode", workload(Surface::compose).network_mode("bridge"), {}},
          {"dockerfile is not a surface of the rule",
           workload(Surface::dockerfile).host_network(true),
           {}},
      });
}

TEST(HostNetwork, PointsAtTheSetting) {
  auto found =
      run_rule(k_host_network, workload(Surface::kubernetes).host_network(true, line(9, 7)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where, line(9, 7));
  EXPECT_EQ(found[0].file, "input");
  EXPECT_EQ(found[0].object, "Deployment default/web");
}

TEST(HostNetwork, DynamicIsNotReported) {
  WorkloadBuilder w = workload(Surface::kubernetes);
  w.raw().host_network = dyn<bool>(line(6));
  EXPECT_TRUE(run_rule(k_host_network, w).empty());
}

}  // namespace
}  // namespace test
}  // namespace vern
