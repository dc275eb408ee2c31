#include <gtest/gtest.h>

#include "rules/model_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_default_bridge_network;

namespace test {
namespace {

TEST(DefaultBridgeNetwork, MetadataMatchesCatalog) {
  EXPECT_EQ(k_default_bridge_network.info.slug, "default-bridge-network");
  EXPECT_EQ(k_default_bridge_network.info.severity, Severity::low);
  EXPECT_EQ(k_default_bridge_network.info.surfaces.letters(), "CR");
}

TEST(DefaultBridgeNetwork, BadAndGood) {
  expect_cases(
      k_default_bridge_network,
      {
          {"compose service without networks",
           workload(Surface::compose),
           {"service \"web\" sets neither networks nor network_mode, so it joins the project's "
            "default network, shared with other containers"}},
          {"compose network_mode bridge",
           workload(Surface::compose).network_mode("bridge"),
           {"service \"web\" uses network mode \"bridge\", shared with other containers"}},
          {"compose lists default",
           workload(Surface::compose).network("backend").network("default"),
           {"service \"web\" joins network \"default\", shared with other containers"}},
          {"docker run without --network",
           workload(Surface::run),
           {"docker run sets no --network, so it joins Docker's default bridge, shared with "
            "other containers"}},
          {"docker run --network bridge",
           workload(Surface::run).network_mode("bridge"),
           {"docker run uses network mode \"bridge\", shared with other containers"}},
          {"compose user-defined network", workload(Surface::compose).network("backend"), {}},
          {"compose network named bridge is a project network",
           workload(Surface::compose).network("bridge"),
           {}},
          {"network_mode host", workload(Surface::compose).network_mode("host"), {}},
          {"host network flag only", workload(Surface::compose).host_network(true), {}},
          {"network_mode none", workload(Surface::compose).network_mode("none"), {}},
          {"network_mode service", workload(Surface::compose).network_mode("service:db"), {}},
          {"network_mode container", workload(Surface::run).network_mode("container:db"), {}},
          {"docker run user network as mode", workload(Surface::run).network_mode("app-net"), {}},
          {"docker run user network as list", workload(Surface::run).network("app-net"), {}},
          {"variable mode",
           [] {
             WorkloadBuilder w = workload(Surface::compose);
             w.raw().network_mode = dyn<std::string>(line(3));
             return w;
           }(),
           {}},
          {"kubernetes is not a surface of the rule", workload(Surface::kubernetes), {}},
          {"live host is not a surface of the rule", workload(Surface::host), {}},
      });
}

TEST(DefaultBridgeNetwork, PointsAtTheModeOrTheService) {
  auto mode = run_rule(k_default_bridge_network,
                       workload(Surface::compose).network_mode("bridge", line(7, 5)));
  ASSERT_EQ(mode.size(), 1u);
  EXPECT_EQ(mode[0].where, line(7, 5));
  auto missing = run_rule(k_default_bridge_network, workload(Surface::compose));
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].where, line(1));  // the service key
  EXPECT_EQ(missing[0].properties.size(), 1u);
}

}  // namespace
}  // namespace test
}  // namespace vern
