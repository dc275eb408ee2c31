#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_dangerous_capability;

namespace {

using test::container;
using test::workload;

TEST(DangerousCapability, Cases) {
  test::expect_cases(
      k_dangerous_capability,
      {
          {"SYS_ADMIN",
           workload(Surface::kubernetes).with(container().add_cap("SYS_ADMIN")),
           {"container \"app\" adds capability SYS_ADMIN"}},
          {"CAP_ prefix and lower case",
           workload(Surface::compose).with(container("web").add_cap("cap_sys_ptrace")),
           {"service \"web\" adds capability SYS_PTRACE"}},
          {"NET_BIND_SERVICE is fine",
           workload(Surface::kubernetes).with(container().add_cap("NET_BIND_SERVICE")),
           {}},
          {"one finding per capability",
           workload(Surface::run).with(container("").add_cap("NET_RAW").add_cap("ALL")),
           {"docker run adds capability NET_RAW", "docker run adds capability ALL"}},
          {"nothing added", workload(Surface::kubernetes).with(container()), {}},
      });
}

TEST(DangerousCapability, SeverityDependsOnTheCapability) {
  auto found =
      test::run_rule(k_dangerous_capability, workload(Surface::kubernetes)
                                                 .with(container()
                                                           .add_cap("CHOWN", test::line(40))
                                                           .add_cap("NET_ADMIN", test::line(41))
                                                           .add_cap("bpf", test::line(42))
                                                           .add_cap("PERFMON", test::line(43))));
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].severity, Severity::high);
  EXPECT_EQ(found[0].where.line, 40);
  EXPECT_EQ(found[1].severity, Severity::critical);
  EXPECT_EQ(found[1].where.line, 41);
  EXPECT_EQ(found[2].severity, Severity::critical);
  EXPECT_EQ(found[3].severity, Severity::critical);
}

TEST(DangerousCapability, ConfiguredAllowListIsAccepted) {
  RuleOptions options;
  options.allowed_capabilities = {"CHOWN", "cap_net_raw"};
  test::expect_cases(
      k_dangerous_capability,
      {
          {"allowed", workload(Surface::compose).with(container("web").add_cap("CAP_CHOWN")), {}},
          {"allowed, spelled differently",
           workload(Surface::compose).with(container("web").add_cap("NET_RAW")),
           {}},
          {"not allowed",
           workload(Surface::compose).with(container("web").add_cap("SYS_TIME")),
           {"service \"web\" adds capability SYS_TIME"}},
      },
      options);
}

}  // namespace
}  // namespace vern
