#include "sources/detect.h"

#include <gtest/gtest.h>

#include <string_view>

namespace vern {
namespace {

TEST(FormatByName, DockerfileVariantsInAnyCase) {
  for (std::string_view name :
       {"Dockerfile", "dockerfile", "DockerFile", "DOCKERFILE", "Dockerfile.prod", "Dockerfile-dev",
        "Dockerfile_dev", "api.Dockerfile", "api.dockerfile", "Containerfile", "Containerfile.ci",
        "src/web/Dockerfile-alpine"}) {
    EXPECT_EQ(format_by_name(name), Format::dockerfile) << name;
  }
}

TEST(FormatByName, FilesAboutADockerfileAreNotOne) {
  for (std::string_view name :
       {"Dockerfile.dockerignore", "Dockerfile.md", "Dockerfile-lint.sh", "dockerfile_rules.yml",
        "Dockerfiles", "MyDockerfile", "Dockerfile.", "README.md", "fuzz/dockerfile_fuzz.cc",
        "dockerfile.go", "Dockerfile-builder.test.js"}) {
    EXPECT_NE(format_by_name(name), Format::dockerfile) << name;
  }
}

}  // namespace
}  // namespace vern
