#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_secret_in_build_arg;

namespace {

BuildArg arg(std::string name, std::optional<std::string> value = std::nullopt) {
  BuildArg a;
  a.name = std::move(name);
  a.where = test::line(2, 5);
  a.default_value = value ? test::lit(*value) : test::absent<std::string>();
  return a;
}

std::vector<std::string> found(std::vector<BuildArg> args) {
  BuildFile b;
  b.args = std::move(args);
  return test::messages(test::run_rule(k_secret_in_build_arg, test::build(std::move(b))));
}

TEST(SecretInBuildArg, SecretLikeNames) {
  EXPECT_EQ(
      found({arg("NPM_TOKEN")}),
      std::vector<std::string>{
          "ARG NPM_TOKEN looks like a secret: build arguments are kept in the image history"});
  EXPECT_EQ(found({arg("db_password", "hunter2")}),
            std::vector<std::string>{"ARG db_password looks like a secret and has a default value "
                                     "written in the Dockerfile"});
  EXPECT_EQ(found({arg("AWS_SECRET_ACCESS_KEY"), arg("GITHUB_APIKEY", "")}).size(), 2u);
}

TEST(SecretInBuildArg, GoodCases) {
  EXPECT_EQ(found({arg("VERSION", "1"), arg("PASSWORD_FILE"), arg("TOKEN_PATH"), arg("SECRETS_URL"),
                   arg("BASE_IMAGE")}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace vern
