#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_apparmor_unconfined;

namespace {

using test::container;
using test::workload;

TEST(ApparmorUnconfined, Cases) {
  test::expect_cases(
      k_apparmor_unconfined,
      {
          {"kubernetes Unconfined",
           workload(Surface::kubernetes).with(container().apparmor(k_profile_unconfined)),
           {"container \"app\" runs with AppArmor profile Unconfined"}},
          {"compose apparmor=unconfined",
           workload(Surface::compose).with(container("web").apparmor("unconfined")),
           {"service \"web\" runs with AppArmor profile Unconfined"}},
          {"not set", workload(Surface::kubernetes).with(container()), {}},
          {"runtime default",
           workload(Surface::kubernetes).with(container().apparmor(k_profile_runtime_default)),
           {}},
          {"named profile",
           workload(Surface::run).with(container().apparmor("docker-default")),
           {}},
      });
}

}  // namespace
}  // namespace vern
