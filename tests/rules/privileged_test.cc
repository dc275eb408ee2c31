#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_privileged;

namespace {

using test::container;
using test::workload;

TEST(Privileged, Cases) {
  test::expect_cases(
      k_privileged,
      {
          {"kubernetes privileged",
           workload(Surface::kubernetes).with(container().privileged(true)),
           {"container \"app\" runs in privileged mode"}},
          {"compose privileged",
           workload(Surface::compose).with(container("web").privileged(true)),
           {"service \"web\" runs in privileged mode"}},
          {"ephemeral container",
           workload(Surface::kubernetes)
               .with(container("debug").role(ContainerRole::ephemeral).privileged(true)),
           {"ephemeral container \"debug\" runs in privileged mode"}},
          {"privileged false",
           workload(Surface::kubernetes).with(container().privileged(false)),
           {}},
          {"not set", workload(Surface::run).with(container()), {}},
          {"not a surface of the rule",
           workload(Surface::dockerfile).with(container().privileged(true)),
           {}},
      });
}

TEST(Privileged, IsCriticalWithCisId) {
  auto found =
      test::run_rule(k_privileged, workload(Surface::host).with(container("web").privileged(true)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::critical);
  EXPECT_EQ(found[0].where.line, 15);
  ASSERT_EQ(found[0].properties.size(), 1u);
  EXPECT_EQ(found[0].properties[0].second, "5.5");
}

}  // namespace
}  // namespace vern
