#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_inter_container_communication;

namespace {

std::vector<std::string> found(DaemonConfig d) {
  return test::messages(test::run_rule(k_inter_container_communication, test::daemon_inventory(d)));
}

TEST(InterContainerCommunication, NotSetPointsAtTheTopLevelObject) {
  auto f = test::run_rule(k_inter_container_communication, test::daemon_inventory(test::daemon()));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "icc is not set (default true): containers on the default bridge reach each other");
  EXPECT_EQ(f[0].where, test::line(1));
  EXPECT_EQ(f[0].file, "daemon.json");
  EXPECT_EQ(f[0].object, "daemon.json");
}

TEST(InterContainerCommunication, WrongValue) {
  DaemonConfig d = test::daemon();
  d.icc = test::lit(true);
  EXPECT_EQ(found(d), std::vector<std::string>{
                          "icc is true: containers on the default bridge reach each other"});
}

TEST(InterContainerCommunication, GoodValue) {
  DaemonConfig d = test::daemon();
  d.icc = test::lit(false);
  EXPECT_EQ(found(d), std::vector<std::string>{});
  EXPECT_EQ(test::run_rule(k_inter_container_communication, Inventory{}).size(), 0u);
}

}  // namespace
}  // namespace vern
