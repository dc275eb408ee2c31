#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_image_not_pinned;

namespace {

using test::container;
using test::workload;

TEST(ImageNotPinned, Cases) {
  const std::string pinned =
      "nginx:1.25@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  test::expect_cases(
      k_image_not_pinned,
      {
          {"tag only",
           workload(Surface::kubernetes).with(container().image("nginx:1.25")),
           {"container \"app\": image \"nginx:1.25\" is not pinned by digest"}},
          {"pinned", workload(Surface::kubernetes).with(container().image(pinned)), {}},
          {"short digest",
           workload(Surface::compose).with(container("web").image("nginx@sha256:abc")),
           {"service \"web\": image \"nginx@sha256:abc\" has a malformed digest (not sha256: and "
            "64 lowercase hex), so it is not pinned"}},
          {"other algorithm",
           workload(Surface::compose).with(container("web").image("nginx@md5:abc")),
           {"service \"web\": image \"nginx@md5:abc\" has a malformed digest (not sha256: and 64 "
            "lowercase hex), so it is not pinned"}},
          {"earlier stage",
           workload(Surface::dockerfile)
               .with(container("").image(pinned))
               .other_image("golang:1.22"),
           {"image \"golang:1.22\" is not pinned by digest"}},
          {"host is not a surface",
           workload(Surface::host).with(container("web").image("nginx:1.25")),
           {}},
      });
}

}  // namespace
}  // namespace vern
