#include <gtest/gtest.h>

#include "rules/model_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_no_cpu_limit;

namespace test {
namespace {

TEST(NoCpuLimit, MetadataMatchesCatalog) {
  EXPECT_EQ(k_no_cpu_limit.info.slug, "no-cpu-limit");
  EXPECT_EQ(k_no_cpu_limit.info.severity, Severity::low);
  EXPECT_EQ(k_no_cpu_limit.info.surfaces.letters(), "CKRHE");
  EXPECT_EQ(k_no_cpu_limit.info.cis, "5.12");
}

TEST(NoCpuLimit, BadAndGood) {
  ContainerBuilder variable = container();
  variable.raw().resources.cpu_limit = dyn<std::string>(line(23));
  expect_cases(
      k_no_cpu_limit,
      {
          {"compose service",
           workload(Surface::compose).with(container()),
           {"service \"web\" has no CPU limit (cpus or deploy.resources.limits.cpus)"}},
          {"docker run",
           workload(Surface::run).with(container()),
           {"docker run \"app\" has no CPU limit (--cpus)"}},
          {"live container",
           workload(Surface::host).with(container()),
           {"container \"web\" has no CPU limit (HostConfig.NanoCpus and CpuQuota are 0)"}},
          {"set", workload(Surface::compose).with(container().cpu_limit("0.5")), {}},
          {"a variable is a limit", workload(Surface::compose).with(variable), {}},
          {"image is not a surface of the rule", workload(Surface::image).with(container()), {}},
          {"dockerfile is not a surface of the rule",
           workload(Surface::dockerfile).with(container()),
           {}},
      });
}

TEST(NoCpuLimit, PointsAtWhereTheLimitWouldGo) {
  ContainerBuilder c = container();
  c.raw().resources.cpu_limit.where = line(31, 9);
  auto found = run_rule(k_no_cpu_limit, workload(Surface::compose).with(c));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where, line(31, 9));
  EXPECT_EQ(found[0].properties,
            (std::vector<std::pair<std::string, std::string>>{{"cis", "5.12"}}));
  auto fallback =
      run_rule(k_no_cpu_limit, workload(Surface::compose).with(container().at(line(12, 3))));
  ASSERT_EQ(fallback.size(), 1u);
  EXPECT_EQ(fallback[0].where, line(12, 3));  // the container entry
}

TEST(NoCpuLimit, KubernetesSpelling) {
  auto found = run_rule(k_no_cpu_limit, workload(Surface::kubernetes).with(container("app")));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "container \"app\" has no CPU limit (resources.limits.cpu)");
}

}  // namespace
}  // namespace test
}  // namespace vern
