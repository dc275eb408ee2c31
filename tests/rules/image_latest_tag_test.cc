#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_image_latest_tag;

namespace {

using test::container;
using test::workload;

constexpr const char* k_digest =
    "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

TEST(ImageLatestTag, Cases) {
  test::expect_cases(
      k_image_latest_tag,
      {
          {"no tag",
           workload(Surface::kubernetes).with(container().image("nginx")),
           {"container \"app\": image \"nginx\" has no tag (implies latest)"}},
          {"latest",
           workload(Surface::compose).with(container("web").image("nginx:latest")),
           {"service \"web\": image \"nginx:latest\" uses tag latest"}},
          {"registry with a port and no tag",
           workload(Surface::run).with(container("").image("registry.local:5000/team/app")),
           {"docker run: image \"registry.local:5000/team/app\" has no tag (implies latest)"}},
          {"versioned", workload(Surface::kubernetes).with(container().image("nginx:1.25")), {}},
          {"digest without tag",
           workload(Surface::kubernetes).with(container().image(std::string("nginx@") + k_digest)),
           {}},
          {"malformed digest without tag",
           workload(Surface::kubernetes).with(container("app").image("nginx@sha256:123456")),
           {"container \"app\": image \"nginx@sha256:123456\" has no tag and a malformed "
            "digest (implies latest)"}},
          {"malformed digest beside a version tag",
           workload(Surface::kubernetes).with(container().image("nginx:1.25@sha256:123456")),
           {}},
          {"dynamic", workload(Surface::compose).with(container().image_dynamic("${IMAGE}")), {}},
          {"variable tag",
           workload(Surface::compose).with(container().image_dynamic("app:${TAG}")),
           {}},
          {"latest written after a variable registry",
           workload(Surface::compose)
               .with(container("web").image_dynamic("${REGISTRY}/app:latest")),
           {"service \"web\": image \"${REGISTRY}/app:latest\" uses tag latest"}},
          {"latest beside a digest",
           workload(Surface::kubernetes)
               .with(container("app").image(std::string("nginx:latest@") + k_digest)),
           {std::string("container \"app\": image \"nginx:latest@") + k_digest +
            "\" uses tag latest beside its digest"}},
          {"no image", workload(Surface::kubernetes).with(container()), {}},
          {"earlier dockerfile stage's FROM",
           workload(Surface::dockerfile)
               .with(container("").image("alpine:3.19"))
               .other_image("golang"),
           {"image \"golang\" has no tag (implies latest)"}},
          {"image surface is not listed",
           workload(Surface::image).with(container().image("x")),
           {}},
      });
}

TEST(ImageLatestTag, StageAndScratchAreNotImages) {
  auto w = workload(Surface::dockerfile).with(container("").image("scratch"));
  w.raw().containers[0].image.value.scratch = true;
  w.raw().other_images.push_back(test::lit(parse_image_ref("build")));
  w.raw().other_images.back().value.stage = true;
  EXPECT_TRUE(test::run_rule(k_image_latest_tag, w).empty());
}

}  // namespace
}  // namespace vern
