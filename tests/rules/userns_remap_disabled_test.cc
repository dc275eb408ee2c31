#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_userns_remap_disabled;

namespace {

std::vector<std::string> found(DaemonConfig d) {
  return test::messages(test::run_rule(k_userns_remap_disabled, test::daemon_inventory(d)));
}

TEST(UsernsRemapDisabled, NotSetPointsAtTheTopLevelObject) {
  auto f = test::run_rule(k_userns_remap_disabled, test::daemon_inventory(test::daemon()));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "userns-remap is not set: container root is root on the host");
  EXPECT_EQ(f[0].where, test::line(1));
  EXPECT_EQ(f[0].file, "daemon.json");
  EXPECT_EQ(f[0].object, "daemon.json");
}

TEST(UsernsRemapDisabled, WrongValue) {
  DaemonConfig d = test::daemon();
  d.userns_remap = test::lit<std::string>("");
  EXPECT_EQ(found(d),
            std::vector<std::string>{"userns-remap is empty: container root is root on the host"});
}

TEST(UsernsRemapDisabled, GoodValue) {
  DaemonConfig d = test::daemon();
  d.userns_remap = test::lit<std::string>("default");
  EXPECT_EQ(found(d), std::vector<std::string>{});
  EXPECT_EQ(test::run_rule(k_userns_remap_disabled, Inventory{}).size(), 0u);
}

}  // namespace
}  // namespace vern
