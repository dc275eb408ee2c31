#include <gtest/gtest.h>

#include "rules/network_builder.h"

namespace vern {
extern const Rule k_missing_network_policy;

namespace test {
namespace {

Workload pod(std::string ns, std::string name = "web", Location at = line(1)) {
  WorkloadBuilder w = workload(Surface::kubernetes).ns(std::move(ns)).name(std::move(name));
  w.raw().where = at;
  return w.build();
}

TEST(MissingNetworkPolicy, MetadataMatchesCatalog) {
  EXPECT_EQ(k_missing_network_policy.info.slug, "missing-network-policy");
  EXPECT_EQ(k_missing_network_policy.info.severity, Severity::medium);
  EXPECT_EQ(k_missing_network_policy.info.surfaces.letters(), "K");
  EXPECT_EQ(k_missing_network_policy.scope, RuleScope::set);
}

TEST(MissingNetworkPolicy, OneFindingPerNamespaceAtItsFirstWorkload) {
  Inventory inv;
  inv.workloads = {pod("prod", "web", line(3)), pod("prod", "api", line(30)), pod("dev")};
  auto found = run_rule(k_missing_network_policy, inv);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message, "namespace \"prod\" has workloads but no default-deny NetworkPolicy");
  EXPECT_EQ(found[0].object, "Deployment prod/web");
  EXPECT_EQ(found[0].where, line(3));
  EXPECT_EQ(found[1].message, "namespace \"dev\" has workloads but no default-deny NetworkPolicy");
}

TEST(MissingNetworkPolicy, PointsAtTheNamespaceObjectWhenScanned) {
  Inventory inv;
  inv.workloads = {pod("prod")};
  Namespace ns = ns_object("prod", "namespaces.yaml");
  ns.where = line(12);
  inv.namespaces.push_back(ns);
  auto found = run_rule(k_missing_network_policy, inv);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].file, "namespaces.yaml");
  EXPECT_EQ(found[0].where, line(12));
  EXPECT_EQ(found[0].object, "Namespace prod");
}

TEST(MissingNetworkPolicy, DefaultDenyInTheNamespaceSatisfiesIt) {
  Inventory inv;
  inv.workloads = {pod("prod"), pod("dev")};
  inv.network_policies = {default_deny("prod")};
  auto found = run_rule(k_missing_network_policy, inv);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "namespace \"dev\" has workloads but no default-deny NetworkPolicy");
}

TEST(MissingNetworkPolicy, PoliciesThatAreNotDefaultDeny) {
  NetworkPolicy ingress_only = default_deny("prod");
  ingress_only.egress_type = false;
  NetworkPolicy allow_all = default_deny("prod");
  allow_all.has_ingress_rules = true;  // ingress: [{}]
  NetworkPolicy some_pods = default_deny("prod");
  some_pods.selects_all_pods = false;
  for (const NetworkPolicy& p : {ingress_only, allow_all, some_pods}) {
    Inventory inv;
    inv.workloads = {pod("prod")};
    inv.network_policies = {p};
    EXPECT_EQ(messages_of(run_rule(k_missing_network_policy, inv)),
              std::vector<std::string>{"namespace \"prod\" has workloads but no default-deny "
                                       "NetworkPolicy (its one NetworkPolicy does not deny all "
                                       "ingress and egress)"});
  }
  Inventory two;
  two.workloads = {pod("prod")};
  two.network_policies = {ingress_only, allow_all};
  EXPECT_EQ(messages_of(run_rule(k_missing_network_policy, two)),
            std::vector<std::string>{"namespace \"prod\" has workloads but no default-deny "
                                     "NetworkPolicy (none of its 2 NetworkPolicies denies all "
                                     "ingress and egress)"});
}

TEST(MissingNetworkPolicy, PolicyInAnotherNamespaceDoesNotCount) {
  Inventory inv;
  inv.workloads = {pod("prod")};
  inv.network_policies = {default_deny("dev")};
  EXPECT_EQ(run_rule(k_missing_network_policy, inv).size(), 1u);
}

TEST(MissingNetworkPolicy, OnlyKubernetesWorkloadsCount) {
  Inventory inv;
  inv.workloads = {workload(Surface::compose).build(), workload(Surface::run).build()};
  inv.namespaces = {ns_object("empty")};  // a namespace without workloads
  EXPECT_TRUE(run_rule(k_missing_network_policy, inv).empty());
}

}  // namespace
}  // namespace test
}  // namespace vern
