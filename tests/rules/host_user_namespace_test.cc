#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_host_user_namespace;

namespace {

using test::container;
using test::workload;

TEST(HostUserNamespace, Cases) {
  test::expect_cases(
      k_host_user_namespace,
      {
          {"compose userns_mode host",
           workload(Surface::compose).with(container("web")).userns_mode("host"),
           {"service \"web\" uses the host user namespace (userns host)"}},
          {"docker run --userns=host",
           workload(Surface::run).with(container()).userns_mode("host"),
           {"docker run uses the host user namespace (userns host)"}},
          {"not set", workload(Surface::compose).with(container("web")), {}},
          {"empty mode", workload(Surface::host).with(container("web")).userns_mode(""), {}},
          {"kubernetes is not a surface",
           workload(Surface::kubernetes).with(container()).userns_mode("host"),
           {}},
      });
}

}  // namespace
}  // namespace vern
