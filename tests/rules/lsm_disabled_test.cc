#include <gtest/gtest.h>

#include "rules/host_rule_support.h"

namespace vern {
extern const Rule k_lsm_disabled;

namespace {

HostFacts lsm(LsmMode apparmor, LsmMode selinux) {
  HostFacts h = test::host_facts();
  h.apparmor.mode = apparmor;
  h.selinux.mode = selinux;
  return h;
}

TEST(LsmDisabled, NeitherEnforcingFires) {
  HostFacts h = lsm(LsmMode::absent, LsmMode::permissive);
  h.selinux.detail = "/sys/fs/selinux/enforce = 0";
  auto f = test::run_on_host(k_lsm_disabled, h);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "neither AppArmor nor SELinux is enforcing: AppArmor absent; SELinux permissive "
            "(/sys/fs/selinux/enforce = 0) (CIS 5.2, 5.3)");
  EXPECT_EQ(f[0].severity, Severity::medium);
}

TEST(LsmDisabled, EitherEnforcingIsFine) {
  EXPECT_TRUE(
      test::host_messages(k_lsm_disabled, lsm(LsmMode::enforcing, LsmMode::absent)).empty());
  EXPECT_TRUE(
      test::host_messages(k_lsm_disabled, lsm(LsmMode::absent, LsmMode::enforcing)).empty());
}

TEST(LsmDisabled, NothingKnownSaysNothing) {
  EXPECT_TRUE(test::host_messages(k_lsm_disabled, lsm(LsmMode::unknown, LsmMode::unknown)).empty());
}

}  // namespace
}  // namespace vern
