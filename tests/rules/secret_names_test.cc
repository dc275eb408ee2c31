// secret_like_name: the rules.md definition shared by secret-in-env and
// secret-in-build-arg.
#include "rules/secret_names.h"

#include <gtest/gtest.h>

#include <string>

namespace vern {
namespace {

TEST(SecretNames, WordsInAnyCaseAnywhereInTheName) {
  EXPECT_TRUE(secret_like_name("DB_PASSWORD"));
  EXPECT_TRUE(secret_like_name("github_token"));
  EXPECT_TRUE(secret_like_name("myApiKey"));
  EXPECT_TRUE(secret_like_name("AWS_SECRET_ACCESS_KEY"));
  EXPECT_FALSE(secret_like_name("DB_HOST"));
  EXPECT_FALSE(secret_like_name(""));
}

TEST(SecretNames, NamesThatPointAtASecretAreNot) {
  EXPECT_FALSE(secret_like_name("DB_PASSWORD_FILE"));
  EXPECT_FALSE(secret_like_name("token_path"));
  EXPECT_FALSE(secret_like_name("SECRET_URL"));
}

TEST(SecretNames, LongNamesAreJudgedWhole) {
  std::string prefix(70, 'x');
  EXPECT_TRUE(secret_like_name(prefix + "_password"));
  EXPECT_FALSE(secret_like_name(prefix + "_password_file"));
  EXPECT_FALSE(secret_like_name(prefix));
}

}  // namespace
}  // namespace vern
