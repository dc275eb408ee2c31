#include <gtest/gtest.h>

#include "rules/model_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_no_memory_limit;

namespace test {
namespace {

TEST(NoMemoryLimit, MetadataMatchesCatalog) {
  EXPECT_EQ(k_no_memory_limit.info.slug, "no-memory-limit");
  EXPECT_EQ(k_no_memory_limit.info.severity, Severity::medium);
  EXPECT_EQ(k_no_memory_limit.info.surfaces.letters(), "CKRHE");
  EXPECT_EQ(k_no_memory_limit.info.cis, "5.11");
}

TEST(NoMemoryLimit, BadAndGood) {
  ContainerBuilder variable = container();
  variable.raw().resources.memory_limit = dyn<std::string>(line(23));
  expect_cases(
      k_no_memory_limit,
      {
          {"compose service",
           workload(Surface::compose).with(container()),
           {"service \"web\" has no memory limit (mem_limit or deploy.resources.limits.memory)"}},
          {"docker run",
           workload(Surface::run).with(container()),
           {"docker run \"app\" has no memory limit (--memory)"}},
          {"live container",
           workload(Surface::host).with(container()),
           {"container \"web\" has no memory limit (HostConfig.Memory is 0)"}},
          {"set", workload(Surface::compose).with(container().memory_limit("512m")), {}},
          {"a variable is a limit", workload(Surface::compose).with(variable), {}},
          {"image is not a surface of the rule", workload(Surface::image).with(container()), {}},
          {"dockerfile is not a surface of the rule",
           workload(Surface::dockerfile).with(container()),
           {}},
      });
}

TEST(NoMemoryLimit, PointsAtWhereTheLimitWouldGo) {
  ContainerBuilder c = container();
  c.raw().resources.memory_limit.where = line(31, 9);
  auto found = run_rule(k_no_memory_limit, workload(Surface::compose).with(c));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where, line(31, 9));
  EXPECT_EQ(found[0].properties,
            (std::vector<std::pair<std::string, std::string>>{{"cis", "5.11"}}));
  auto fallback =
      run_rule(k_no_memory_limit, workload(Surface::compose).with(container().at(line(12, 3))));
  ASSERT_EQ(fallback.size(), 1u);
  EXPECT_EQ(fallback[0].where, line(12, 3));  // the container entry
}

TEST(NoMemoryLimit, EveryKubernetesContainerButEphemeral) {
  auto found =
      run_rule(k_no_memory_limit, workload(Surface::kubernetes)
                                      .with(container("init").role(ContainerRole::init))
                                      .with(container("app"))
                                      .with(container("ok").memory_limit("256Mi"))
                                      .with(container("debug").role(ContainerRole::ephemeral)));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message,
            "init container \"init\" has no memory limit (resources.limits.memory)");
  EXPECT_EQ(found[1].message, "container \"app\" has no memory limit (resources.limits.memory)");
  EXPECT_EQ(found[1].object, "Deployment default/web container app");
}

}  // namespace
}  // namespace test
}  // namespace vern
