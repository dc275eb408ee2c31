#include <gtest/gtest.h>

#include "rules/image_rule_cases.h"
#include "rules/model_builder.h"

namespace vern {
extern const Rule k_secret_file_in_image;

namespace {

TEST(SecretFileInImage, OneFindingPerFileWithItsLayer) {
  ImageFacts f = test::image_facts();
  f.secret_files = {{"/root/.ssh/id_rsa", "SSH private key", 1}, {"/app/.env", "dotenv file", 2}};
  auto found = test::run_rule(k_secret_file_in_image, test::with_image(f));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(
      found[0].message,
      "/root/.ssh/id_rsa looks like a SSH private key (added in layer 2 (sha256:222222222222))");
  EXPECT_EQ(found[1].message,
            "/app/.env looks like a dotenv file (added in layer 3 (sha256:333333333333))");
  EXPECT_EQ(found[0].severity, Severity::high);
}

TEST(SecretFileInImage, NoFindingWithoutSecrets) {
  EXPECT_TRUE(
      test::run_rule(k_secret_file_in_image, test::with_image(test::image_facts())).empty());
}

}  // namespace
}  // namespace vern
