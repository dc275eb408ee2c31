#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_privilege_escalation;

namespace {

using test::container;
using test::workload;

TEST(PrivilegeEscalation, Kubernetes) {
  test::expect_cases(
      k_privilege_escalation,
      {
          {"not set",
           workload(Surface::kubernetes).with(container()),
           {"container \"app\" allows privilege escalation: allowPrivilegeEscalation: false not "
            "set here"}},
          {"set true",
           workload(Surface::kubernetes).with(container().allow_privilege_escalation(true)),
           {"container \"app\" sets allowPrivilegeEscalation: true"}},
          {"set false",
           workload(Surface::kubernetes).with(container().allow_privilege_escalation(false)),
           {}},
          {"privileged implies escalation",
           workload(Surface::kubernetes)
               .with(container().allow_privilege_escalation(false).privileged(true)),
           {"container \"app\" is privileged, which always allows privilege escalation"}},
          {"no-new-privileges is not the Kubernetes spelling",
           workload(Surface::kubernetes).with(container().no_new_privileges(true)),
           {"container \"app\" allows privilege escalation: allowPrivilegeEscalation: false not "
            "set here"}},
      });
}

TEST(PrivilegeEscalation, Docker) {
  test::expect_cases(
      k_privilege_escalation,
      {
          {"not set",
           workload(Surface::compose).with(container("web")),
           {"service \"web\" allows privilege escalation: no-new-privileges not set here"}},
          {"no-new-privileges:true",
           workload(Surface::compose).with(container("web").no_new_privileges(true)),
           {}},
          {"no-new-privileges:false",
           workload(Surface::run).with(container("").no_new_privileges(false)),
           {"docker run sets no-new-privileges:false"}},
          {"live container",
           workload(Surface::host).with(container("web")),
           {"container \"web\" allows privilege escalation: no-new-privileges not set here"}},
          {"authorization request with the flag",
           workload(Surface::enforcement).with(container("web").no_new_privileges(true)),
           {}},
      });
}

}  // namespace
}  // namespace vern
