#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_no_healthcheck;

namespace {

using test::container;
using test::workload;

TEST(NoHealthcheck, DockerfileAndImageCases) {
  test::expect_cases(k_no_healthcheck,
                     {
                         {"dockerfile without HEALTHCHECK",
                          workload(Surface::dockerfile).with(container()),
                          {"stage \"app\" has no HEALTHCHECK"}},
                         {"dockerfile with HEALTHCHECK",
                          workload(Surface::dockerfile).with(container().healthcheck(true)),
                          {}},
                         {"HEALTHCHECK NONE disables it",
                          workload(Surface::dockerfile).with(container().healthcheck(false)),
                          {"stage \"app\" disables its healthcheck (HEALTHCHECK NONE)"}},
                         {"image config without Healthcheck",
                          workload(Surface::image).with(container()),
                          {"image \"example/app:1\" has no HEALTHCHECK"}},
                         {"image config with Healthcheck",
                          workload(Surface::image).with(container().healthcheck(true)),
                          {}},
                     });
}

TEST(NoHealthcheck, OtherSurfacesAreNotChecked) {
  test::expect_cases(k_no_healthcheck,
                     {
                         {"compose", workload(Surface::compose).with(container("web")), {}},
                         {"kubernetes", workload(Surface::kubernetes).with(container()), {}},
                         {"live container", workload(Surface::host).with(container()), {}},
                     });
}

TEST(NoHealthcheck, PointsAtTheContainerWhenNothingIsWritten) {
  auto found = test::run_rule(k_no_healthcheck, workload(Surface::dockerfile).with(container()));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::low);
  EXPECT_TRUE(found[0].where.known());
}

}  // namespace
}  // namespace vern
