#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_seccomp_unconfined;

namespace {

using test::container;
using test::workload;

TEST(SeccompUnconfined, Cases) {
  test::expect_cases(
      k_seccomp_unconfined,
      {
          {"kubernetes Unconfined",
           workload(Surface::kubernetes).with(container().seccomp(k_profile_unconfined)),
           {"container \"app\" runs with seccomp profile Unconfined"}},
          {"kubernetes not set",
           workload(Surface::kubernetes).with(container()),
           {"container \"app\" has no seccomp profile set; restricted requires RuntimeDefault or "
            "Localhost"}},
          {"kubernetes RuntimeDefault",
           workload(Surface::kubernetes).with(container().seccomp(k_profile_runtime_default)),
           {}},
          {"kubernetes Localhost",
           workload(Surface::kubernetes).with(container().seccomp(k_profile_localhost)),
           {}},
          {"kubernetes type written as the annotation's value",
           workload(Surface::kubernetes).with(container().seccomp("runtime/default")),
           {"container \"app\" sets seccomp profile type \"runtime/default\", which is not "
            "RuntimeDefault, Localhost or Unconfined; restricted requires RuntimeDefault or "
            "Localhost"}},
          {"kubernetes known type in another case",
           workload(Surface::kubernetes).with(container().seccomp("runtimedefault")),
           {}},
          {"compose unconfined, any case",
           workload(Surface::compose).with(container("web").seccomp("unconfined")),
           {"service \"web\" runs with seccomp profile Unconfined"}},
          {"compose not set: Docker's default applies",
           workload(Surface::compose).with(container()),
           {}},
          {"docker profile file",
           workload(Surface::run).with(container().seccomp("/etc/p.json")),
           {}},
      });
}

TEST(SeccompUnconfined, MissingProfileIsMediumUnconfinedIsHigh) {
  auto missing =
      test::run_rule(k_seccomp_unconfined, workload(Surface::kubernetes).with(container()));
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].severity, Severity::medium);
  auto unconfined = test::run_rule(
      k_seccomp_unconfined, workload(Surface::kubernetes).with(container().seccomp("Unconfined")));
  ASSERT_EQ(unconfined.size(), 1u);
  EXPECT_EQ(unconfined[0].severity, Severity::high);
  EXPECT_EQ(unconfined[0].where.line, 19);
  auto unknown = test::run_rule(k_seccomp_unconfined,
                                workload(Surface::kubernetes).with(container().seccomp("Default")));
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].severity, Severity::medium);
  EXPECT_EQ(unknown[0].where.line, 19);
}

}  // namespace
}  // namespace vern
