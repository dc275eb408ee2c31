#include <gtest/gtest.h>

#include "rules/network_builder.h"

namespace vern {
extern const Rule k_service_account_token_mounted;

namespace test {
namespace {

std::vector<std::string> run(const Inventory& inv) {
  return messages_of(run_rule(k_service_account_token_mounted, inv));
}

Inventory with_accounts(WorkloadBuilder w, std::vector<ServiceAccount> accounts) {
  Inventory inv = w.inventory();
  inv.service_accounts = std::move(accounts);
  return inv;
}

const std::string k_unset =
    "Deployment \"default/web\" mounts the token of service account \"default\": "
    "automountServiceAccountToken: false is set neither on the pod nor on a ServiceAccount in "
    "the scan";

TEST(ServiceAccountTokenMounted, MetadataMatchesCatalog) {
  EXPECT_EQ(k_service_account_token_mounted.info.slug, "service-account-token-mounted");
  EXPECT_EQ(k_service_account_token_mounted.info.severity, Severity::low);
  EXPECT_EQ(k_service_account_token_mounted.info.surfaces.letters(), "K");
  EXPECT_EQ(k_service_account_token_mounted.scope, RuleScope::set_workload);
}

TEST(ServiceAccountTokenMounted, PodSetting) {
  EXPECT_EQ(run(workload(Surface::kubernetes).inventory()), std::vector<std::string>{k_unset});
  EXPECT_TRUE(run(workload(Surface::kubernetes).automount_sa_token(false).inventory()).empty());
  EXPECT_EQ(run(workload(Surface::kubernetes).automount_sa_token(true).inventory()),
            std::vector<std::string>{"Deployment \"default/web\" sets "
                                     "automountServiceAccountToken: true (service account "
                                     "\"default\")"});
  WorkloadBuilder variable = workload(Surface::kubernetes);
  variable.raw().automount_sa_token = dyn<bool>(line(7));
  EXPECT_TRUE(run(variable.inventory()).empty());
}

TEST(ServiceAccountTokenMounted, PointsAtThePodSpecWhenUnset) {
  auto found = run_rule(k_service_account_token_mounted, workload(Surface::kubernetes).inventory());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where, line(5));
  auto set =
      run_rule(k_service_account_token_mounted,
               workload(Surface::kubernetes).automount_sa_token(true, line(8, 3)).inventory());
  ASSERT_EQ(set.size(), 1u);
  EXPECT_EQ(set[0].where, line(8, 3));
}

TEST(ServiceAccountTokenMounted, ServiceAccountSettingCounts) {
  WorkloadBuilder w = workload(Surface::kubernetes).ns("prod");
  w.raw().service_account = "app";
  EXPECT_TRUE(run(with_accounts(w, {service_account("app", "prod", lit(false))})).empty());
  // A different account, or the same name in another namespace, does not count.
  EXPECT_EQ(run(with_accounts(w, {service_account("other", "prod", lit(false))})).size(), 1u);
  EXPECT_EQ(run(with_accounts(w, {service_account("app", "dev", lit(false))})).size(), 1u);
  // The account mounts tokens.
  EXPECT_EQ(run(with_accounts(w, {service_account("app", "prod", lit(true))})),
            std::vector<std::string>{"Deployment \"prod/web\" mounts the token of service "
                                     "account \"app\": automountServiceAccountToken: false is "
                                     "set neither on the pod nor on the ServiceAccount"});
  EXPECT_EQ(run(with_accounts(w, {service_account("app", "prod", absent<bool>())})).size(), 1u);
  // The pod's `true` overrides the account's `false`.
  w.automount_sa_token(true);
  EXPECT_EQ(run(with_accounts(w, {service_account("app", "prod", lit(false))})).size(), 1u);
}

TEST(ServiceAccountTokenMounted, UnsetAccountIsDefault) {
  WorkloadBuilder w = workload(Surface::kubernetes);
  w.raw().service_account.clear();
  EXPECT_TRUE(run(with_accounts(w, {service_account("default", "default", lit(false))})).empty());
  // A ServiceAccount written without a namespace is in "default".
  EXPECT_TRUE(run(with_accounts(w, {service_account("default", "", lit(false))})).empty());
}

TEST(ServiceAccountTokenMounted, OnlyKubernetes) {
  Inventory inv;
  inv.workloads = {workload(Surface::compose).build(), workload(Surface::host).build()};
  EXPECT_TRUE(run(inv).empty());
}

}  // namespace
}  // namespace test
}  // namespace vern
