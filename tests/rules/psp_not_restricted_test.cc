#include <gtest/gtest.h>

#include "rules/network_builder.h"

namespace vern {
extern const Rule k_psp_not_restricted;

namespace test {
namespace {

std::vector<std::string> run(PodSecurityPolicy p) {
  Inventory inv;
  inv.pod_security_policies.push_back(std::move(p));
  return messages_of(run_rule(k_psp_not_restricted, inv));
}

std::vector<std::string> weak(std::string what) {
  return {"PodSecurityPolicy \"restricted\" is weaker than restricted: " + what};
}

TEST(PspNotRestricted, MetadataMatchesCatalog) {
  EXPECT_EQ(k_psp_not_restricted.info.slug, "psp-not-restricted");
  EXPECT_EQ(k_psp_not_restricted.info.severity, Severity::medium);
  EXPECT_EQ(k_psp_not_restricted.info.surfaces.letters(), "K");
}

TEST(PspNotRestricted, RestrictedReferencePolicyIsGood) {
  EXPECT_TRUE(run(restricted_psp()).empty());
  PodSecurityPolicy ranges = restricted_psp();
  ranges.run_as_user.rule = lit(std::string("MustRunAs"));
  ranges.run_as_user.ranges = {{1000, 2000}, {1, 10}};
  ranges.required_drop_capabilities = {"all"};  // any case
  EXPECT_TRUE(run(ranges).empty());
}

TEST(PspNotRestricted, EachWeaknessIsNamed) {
  PodSecurityPolicy p = restricted_psp();
  p.privileged = lit(true);
  EXPECT_EQ(run(p), weak("privileged: true"));

  p = restricted_psp();
  p.privileged = absent<bool>();  // the API defaults it to false
  EXPECT_TRUE(run(p).empty());

  p = restricted_psp();
  p.allow_privilege_escalation = absent<bool>();  // the API defaults it to true
  EXPECT_EQ(run(p), weak("allowPrivilegeEscalation not false"));

  p = restricted_psp();
  p.required_drop_capabilities = {"NET_RAW"};
  EXPECT_EQ(run(p), weak("requiredDropCapabilities lacks ALL"));

  p = restricted_psp();
  p.volumes.push_back(lit(std::string("hostPath")));
  p.volumes.push_back(lit(std::string("*")));
  EXPECT_EQ(run(p), weak("volumes allow hostPath, *"));

  p = restricted_psp();
  p.host_network = lit(true);
  p.host_pid = lit(true);
  EXPECT_EQ(run(p), weak("hostNetwork: true; hostPID: true"));

  p = restricted_psp();
  p.run_as_user.rule = lit(std::string("RunAsAny"));
  EXPECT_EQ(run(p), weak("runAsUser rule RunAsAny admits root"));

  p = restricted_psp();
  p.run_as_user.rule = lit(std::string("MustRunAs"));
  p.run_as_user.ranges = {{1000, 2000}, {0, 10}};
  EXPECT_EQ(run(p), weak("runAsUser rule MustRunAs admits root"));

  p = restricted_psp();
  p.run_as_user.rule = absent<std::string>();
  EXPECT_EQ(run(p), weak("runAsUser rule not set admits root"));

  p = restricted_psp();
  p.supplemental_groups.rule = lit(std::string("RunAsAny"));
  p.supplemental_groups.ranges.clear();
  EXPECT_EQ(run(p), weak("supplementalGroups admit GID 0"));

  p = restricted_psp();
  p.fs_group.rule = lit(std::string("MayRunAs"));
  p.fs_group.ranges = {{0, 65535}};
  EXPECT_EQ(run(p), weak("fsGroup admits GID 0"));
}

TEST(PspNotRestricted, AllWeaknessesInOneMessage) {
  PodSecurityPolicy p;
  p.file = "psp.yaml";
  p.name = "privileged";
  p.where = line(1);
  p.spec_where = line(6);
  p.privileged = lit(true);
  p.allow_privilege_escalation = lit(true);
  p.volumes = {lit(std::string("*"))};
  p.host_network = p.host_ipc = p.host_pid = lit(true);
  p.run_as_user.rule = p.supplemental_groups.rule = p.fs_group.rule = lit(std::string("RunAsAny"));
  Inventory inv;
  inv.pod_security_policies = {p};
  auto found = run_rule(k_psp_not_restricted, inv);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "PodSecurityPolicy \"privileged\" is weaker than restricted: privileged: true; "
            "allowPrivilegeEscalation not false; requiredDropCapabilities lacks ALL; volumes "
            "allow *; hostNetwork: true; hostIPC: true; hostPID: true; runAsUser rule RunAsAny "
            "admits root; supplementalGroups admit GID 0; fsGroup admits GID 0");
  EXPECT_EQ(found[0].object, "PodSecurityPolicy privileged");
  EXPECT_EQ(found[0].where, line(6));
  EXPECT_EQ(found[0].file, "psp.yaml");
}

}  // namespace
}  // namespace test
}  // namespace vern
