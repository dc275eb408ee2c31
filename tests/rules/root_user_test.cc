#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_root_user;

namespace {

using test::container;
using test::workload;

TEST(RootUser, KubernetesCases) {
  test::expect_cases(
      k_root_user,
      {
          {"nothing set",
           workload(Surface::kubernetes).with(container()),
           {"container \"app\" may run as root: neither runAsNonRoot: true nor a non-zero "
            "runAsUser is set here"}},
          {"runAsNonRoot true",
           workload(Surface::kubernetes).with(container().run_as_non_root(true)),
           {}},
          {"non-zero runAsUser",
           workload(Surface::kubernetes).with(container().run_as_user(1000)),
           {}},
          {"runAsUser 0 wins over runAsNonRoot",
           workload(Surface::kubernetes).with(container().run_as_non_root(true).run_as_user(0)),
           {"container \"app\" sets runAsUser: 0 (root)"}},
          {"runAsNonRoot false",
           workload(Surface::kubernetes).with(container().run_as_non_root(false)),
           {"container \"app\" may run as root: sets runAsNonRoot: false and no runAsUser"}},
          {"init container is checked too",
           workload(Surface::kubernetes)
               .with(container().run_as_non_root(true))
               .with(container("setup").role(ContainerRole::init)),
           {"init container \"setup\" may run as root: neither runAsNonRoot: true nor a non-zero "
            "runAsUser is set here"}},
          {"dynamic runAsUser is unknown",
           [] {
             auto w = workload(Surface::kubernetes);
             auto c = container();
             c.raw().run_as_user = test::dyn<std::int64_t>();
             return w.with(c);
           }(),
           {}},
      });
}

TEST(RootUser, DockerSpellings) {
  test::expect_cases(
      k_root_user,
      {
          {"compose without user",
           workload(Surface::compose).with(container("web")),
           {"service \"web\" runs as root: user not set here"}},
          {"compose root",
           workload(Surface::compose).with(container("web").user("root")),
           {"service \"web\" runs as root: user \"root\""}},
          {"uid 0",
           workload(Surface::compose).with(container("web").user("0")),
           {"service \"web\" runs as root: user \"0\""}},
          {"root with group",
           workload(Surface::compose).with(container("web").user("root:app")),
           {"service \"web\" runs as root: user \"root:app\""}},
          {"signed uid 0",
           workload(Surface::dockerfile).with(container("").user("+0")),
           {"stage runs as root: user \"+0\""}},
          {"uid 0 with gid",
           workload(Surface::run).with(container("").user("0:0")),
           {"docker run runs as root: user \"0:0\""}},
          {"empty Config.User",
           workload(Surface::host).with(container("web").user("")),
           {"container \"web\" runs as root: user (empty)"}},
          {"named user", workload(Surface::compose).with(container("db").user("postgres")), {}},
          {"numeric user",
           workload(Surface::dockerfile).with(container("").user("10001:10001")),
           {}},
          {"uid starting with 0 but not 0",
           workload(Surface::image).with(container("").user("1000")),
           {}},
          {"${UID} is unknown",
           workload(Surface::compose).with(container("web").user_dynamic()),
           {}},
          {"dockerfile without USER",
           workload(Surface::dockerfile).with(container("")),
           {"stage runs as root: user not set here"}},
      });
}

TEST(RootUser, FindingPointsAtTheSettingOrItsParent) {
  auto absent = test::run_rule(k_root_user, workload(Surface::compose).with(container("web")));
  ASSERT_EQ(absent.size(), 1u);
  EXPECT_EQ(absent[0].where.line, 10);  // the service entry
  EXPECT_EQ(absent[0].severity, Severity::high);
  EXPECT_EQ(absent[0].object, "service web");
  auto written =
      test::run_rule(k_root_user, workload(Surface::compose).with(container("web").user("root")));
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].where.line, 12);
}

TEST(RootUser, EnforcementUsesTheSpellingOfItsObject) {
  // An admission request (apiVersion set) speaks Kubernetes; an authorization
  // request speaks Docker.
  auto admission = workload(Surface::enforcement).api_version("v1").kind("Pod");
  EXPECT_TRUE(
      test::run_rule(k_root_user, admission.with(container().run_as_non_root(true))).empty());
  auto authz = workload(Surface::enforcement);
  EXPECT_TRUE(test::run_rule(k_root_user, authz.with(container().user("app"))).empty());
  EXPECT_EQ(test::run_rule(k_root_user, workload(Surface::enforcement).with(container())).size(),
            1u);
}

}  // namespace
}  // namespace vern
