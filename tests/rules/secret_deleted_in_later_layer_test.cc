#include <gtest/gtest.h>

#include "rules/image_rule_cases.h"
#include "rules/model_builder.h"

namespace vern {
extern const Rule k_secret_deleted_in_later_layer;

namespace {

TEST(SecretDeletedInLaterLayer, NamesBothLayers) {
  ImageFacts f = test::image_facts();
  f.deleted_secrets = {{"/root/.ssh/id_rsa", "private key", 1, 2}};
  auto found = test::run_rule(k_secret_deleted_in_later_layer, test::with_image(f));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "/root/.ssh/id_rsa (private key) was added in layer 2 (sha256:222222222222) and "
            "removed in layer 3 (sha256:333333333333), but it is still in the image");
  EXPECT_EQ(found[0].severity, Severity::high);
}

TEST(SecretDeletedInLaterLayer, SecretsStillPresentAreNotThisRule) {
  ImageFacts f = test::image_facts();
  f.secret_files = {{"/app/.env", "dotenv file", 2}};
  EXPECT_TRUE(test::run_rule(k_secret_deleted_in_later_layer, test::with_image(f)).empty());
}

}  // namespace
}  // namespace vern
