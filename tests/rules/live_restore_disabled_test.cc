#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_live_restore_disabled;

namespace {

std::vector<std::string> found(DaemonConfig d) {
  return test::messages(test::run_rule(k_live_restore_disabled, test::daemon_inventory(d)));
}

TEST(LiveRestoreDisabled, NotSetPointsAtTheTopLevelObject) {
  auto f = test::run_rule(k_live_restore_disabled, test::daemon_inventory(test::daemon()));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "live-restore is not set: restarting the daemon stops every container");
  EXPECT_EQ(f[0].where, test::line(1));
  EXPECT_EQ(f[0].file, "daemon.json");
  EXPECT_EQ(f[0].object, "daemon.json");
}

TEST(LiveRestoreDisabled, WrongValue) {
  DaemonConfig d = test::daemon();
  d.live_restore = test::lit(false);
  EXPECT_EQ(found(d), std::vector<std::string>{
                          "live-restore is false: restarting the daemon stops every container"});
}

TEST(LiveRestoreDisabled, GoodValue) {
  DaemonConfig d = test::daemon();
  d.live_restore = test::lit(true);
  EXPECT_EQ(found(d), std::vector<std::string>{});
  EXPECT_EQ(test::run_rule(k_live_restore_disabled, Inventory{}).size(), 0u);
}

}  // namespace
}  // namespace vern
