#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_untrusted_registry;

namespace {

using test::container;
using test::workload;

test::WorkloadBuilder pod(std::string_view image) {
  return workload(Surface::kubernetes).with(container().image(image));
}

TEST(UntrustedRegistry, OffWithoutAnAllowList) {
  EXPECT_TRUE(test::run_rule(k_untrusted_registry, pod("evil.example/x:1")).empty());
}

TEST(UntrustedRegistry, HostAndPathEntries) {
  RuleOptions options;
  options.allowed_registries = {"registry.corp.example", "ghcr.io/acme", "docker.io/library/"};
  test::expect_cases(
      k_untrusted_registry,
      {
          {"allowed host", pod("registry.corp.example/team/app:1"), {}},
          {"allowed path prefix", pod("ghcr.io/acme/tool:2"), {}},
          {"path prefix is per component",
           pod("ghcr.io/acmecorp/tool:2"),
           {"container \"app\": image \"ghcr.io/acmecorp/tool:2\" comes from registry ghcr.io, "
            "which is not in the allow list"}},
          {"other owner on an allowed host",
           pod("ghcr.io/other/tool:2"),
           {"container \"app\": image \"ghcr.io/other/tool:2\" comes from registry ghcr.io, which "
            "is not in the allow list"}},
          {"official image", pod("nginx:1.25"), {}},
          {"docker hub user image",
           pod("someone/nginx:1.25"),
           {"container \"app\": image \"someone/nginx:1.25\" comes from registry docker.io, which "
            "is not in the allow list"}},
      },
      options);
}

TEST(UntrustedRegistry, UnqualifiedNamesAreDockerHub) {
  RuleOptions options;
  options.allowed_registries = {"docker.io"};
  test::expect_cases(
      k_untrusted_registry,
      {
          {"unqualified", pod("redis:7"), {}},
          {"index.docker.io spelling", pod("index.docker.io/library/redis:7"), {}},
          {"quay",
           pod("quay.io/prometheus/node-exporter:v1"),
           {"container \"app\": image \"quay.io/prometheus/node-exporter:v1\" comes from registry "
            "quay.io, which is not in the allow list"}},
          {"earlier stage",
           workload(Surface::dockerfile).other_image("gcr.io/distroless/base"),
           {"image \"gcr.io/distroless/base\" comes from registry gcr.io, which is not in the "
            "allow list"}},
      },
      options);
}

}  // namespace
}  // namespace vern
