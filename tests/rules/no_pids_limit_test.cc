#include <gtest/gtest.h>

#include "rules/model_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_no_pids_limit;

namespace test {
namespace {

TEST(NoPidsLimit, MetadataMatchesCatalog) {
  EXPECT_EQ(k_no_pids_limit.info.slug, "no-pids-limit");
  EXPECT_EQ(k_no_pids_limit.info.severity, Severity::low);
  EXPECT_EQ(k_no_pids_limit.info.surfaces.letters(), "CRH");
  EXPECT_EQ(k_no_pids_limit.info.cis, "5.29");
}

TEST(NoPidsLimit, BadAndGood) {
  ContainerBuilder variable = container();
  variable.raw().resources.pids_limit = dyn<std::string>(line(23));
  expect_cases(
      k_no_pids_limit,
      {
          {"compose service",
           workload(Surface::compose).with(container()),
           {"service \"web\" has no PIDs limit (pids_limit or deploy.resources.limits.pids)"}},
          {"docker run",
           workload(Surface::run).with(container()),
           {"docker run \"app\" has no PIDs limit (--pids-limit)"}},
          {"live container",
           workload(Surface::host).with(container()),
           {"container \"web\" has no PIDs limit (HostConfig.PidsLimit is not above 0)"}},
          {"set", workload(Surface::compose).with(container().pids_limit("100")), {}},
          {"a variable is a limit", workload(Surface::compose).with(variable), {}},
          {"image is not a surface of the rule", workload(Surface::image).with(container()), {}},
          {"dockerfile is not a surface of the rule",
           workload(Surface::dockerfile).with(container()),
           {}},
      });
}

TEST(NoPidsLimit, PointsAtWhereTheLimitWouldGo) {
  ContainerBuilder c = container();
  c.raw().resources.pids_limit.where = line(31, 9);
  auto found = run_rule(k_no_pids_limit, workload(Surface::compose).with(c));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where, line(31, 9));
  EXPECT_EQ(found[0].properties,
            (std::vector<std::pair<std::string, std::string>>{{"cis", "5.29"}}));
  auto fallback =
      run_rule(k_no_pids_limit, workload(Surface::compose).with(container().at(line(12, 3))));
  ASSERT_EQ(fallback.size(), 1u);
  EXPECT_EQ(fallback[0].where, line(12, 3));  // the container entry
}

TEST(NoPidsLimit, KubernetesIsNotASurfaceOfTheRule) {
  EXPECT_TRUE(run_rule(k_no_pids_limit, workload(Surface::kubernetes).with(container())).empty());
  EXPECT_TRUE(run_rule(k_no_pids_limit, workload(Surface::enforcement).with(container())).empty());
}

}  // namespace
}  // namespace test
}  // namespace vern
