#include <gtest/gtest.h>

#include "rules/model_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_host_pid;

namespace test {
namespace {

TEST(HostPid, MetadataMatchesCatalog) {
  EXPECT_EQ(k_host_pid.info.slug, "host-pid");
  EXPECT_EQ(k_host_pid.info.severity, Severity::high);
  EXPECT_EQ(k_host_pid.info.surfaces.letters(), "CKRHE");
  EXPECT_EQ(k_host_pid.info.cis, "5.16");
}

TEST(HostPid, BadAndGood) {
  expect_cases(
      k_host_pid,
      {
          {"kubernetes hostPID",
           workload(Surface::kubernetes).host_pid(true),
           {"Deployment \"default/web\" shares the host's process namespace (hostPID: true)"}},
          {"compose pid host",
           workload(Surface::compose).host_pid(true),
           {"service \"web\" shares the host's process namespace (pid: host)"}},
          {"docker run --pid host",
           workload(Surface::run).host_pid(true),
           {"docker run shares the host's process namespace (--pid host)"}},
          {"hostPID false", workload(Surface::kubernetes).host_pid(false), {}},
          {"not written", workload(Surface::compose), {}},
          {"image is not a surface of the rule", workload(Surface::image).host_pid(true), {}},
      });
}

TEST(HostPid, PointsAtTheSetting) {
  auto found = run_rule(k_host_pid, workload(Surface::compose).host_pid(true, line(8, 5)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where, line(8, 5));
}

}  // namespace
}  // namespace test
}  // namespace vern
