#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_no_new_privileges_default;

namespace {

std::vector<std::string> found(DaemonConfig d) {
  return test::messages(test::run_rule(k_no_new_privileges_default, test::daemon_inventory(d)));
}

TEST(NoNewPrivilegesDefault, NotSetPointsAtTheTopLevelObject) {
  auto f = test::run_rule(k_no_new_privileges_default, test::daemon_inventory(test::daemon()));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "no-new-privileges is not set in the daemon defaults");
  EXPECT_EQ(f[0].where, test::line(1));
  EXPECT_EQ(f[0].file, "daemon.json");
  EXPECT_EQ(f[0].object, "daemon.json");
}

TEST(NoNewPrivilegesDefault, WrongValue) {
  DaemonConfig d = test::daemon();
  d.no_new_privileges = test::lit(false);
  EXPECT_EQ(found(d),
            std::vector<std::string>{"no-new-privileges is false in the daemon defaults"});
}

TEST(NoNewPrivilegesDefault, GoodValue) {
  DaemonConfig d = test::daemon();
  d.no_new_privileges = test::lit(true);
  EXPECT_EQ(found(d), std::vector<std::string>{});
  EXPECT_EQ(test::run_rule(k_no_new_privileges_default, Inventory{}).size(), 0u);
}

}  // namespace
}  // namespace vern
