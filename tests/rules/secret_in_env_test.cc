#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_secret_in_env;

namespace {

using test::container;
using test::workload;

test::WorkloadBuilder env(std::string name, std::string value) {
  return workload(Surface::compose).with(container("web").env(std::move(name), std::move(value)));
}

TEST(SecretInEnv, Names) {
  test::expect_cases(
      k_secret_in_env,
      {
          {"password",
           env("DB_PASSWORD", "hunter2"),
           {"service \"web\": environment variable DB_PASSWORD holds a literal value"}},
          {"lower case",
           env("my_password", "hunter2"),
           {"service \"web\": environment variable my_password holds a literal value"}},
          {"token",
           env("GITHUB_TOKEN", "ghp_x"),
           {"service \"web\": environment variable GITHUB_TOKEN holds a literal value"}},
          {"api key",
           env("StripeApiKey", "sk"),
           {"service \"web\": environment variable StripeApiKey holds a literal value"}},
          {"access key",
           env("AWS_SECRET_ACCESS_KEY", "x"),
           {"service \"web\": environment variable AWS_SECRET_ACCESS_KEY holds a literal value"}},
          {"credential",
           env("GOOGLE_CREDENTIALS", "{}"),
           {"service \"web\": environment variable GOOGLE_CREDENTIALS holds a literal value"}},
          {"_FILE", env("DB_PASSWORD_FILE", "secrets/db"), {}},
          {"_PATH", env("TLS_PRIVATE_KEY_PATH", "key.pem"), {}},
          {"_URL without userinfo", env("TOKEN_URL", "https://auth.example/token"), {}},
          {"absolute path", env("DB_PASSWORD", "/run/secrets/db"), {}},
          {"empty value", env("DB_PASSWORD", ""), {}},
          {"not secret-like", env("LOG_LEVEL", "debug"), {}},
          {"a yes/no switch", env("MYSQL_RANDOM_ROOT_PASSWORD", "yes"), {}},
          {"a true/false switch in capitals", env("MYSQL_ALLOW_EMPTY_PASSWORD", "TRUE"), {}},
          {"a 1/0 switch", env("MYSQL_ALLOW_EMPTY_PASSWORD", "1"), {}},
          {"a word that only starts like a switch",
           env("DB_PASSWORD", "yesterday"),
           {"service \"web\": environment variable DB_PASSWORD holds a literal value"}},
          {"interpolated",
           workload(Surface::compose).with(container("web").env_dynamic("DB_PASSWORD")),
           {}},
          {"no value",
           workload(Surface::compose).with(container("web").env_absent("DB_PASSWORD")),
           {}},
      });
}

TEST(SecretInEnv, UrlsWithPasswords) {
  test::expect_cases(
      k_secret_in_env,
      {
          {"any name",
           env("DATABASE", "mysql://root:pw@db/app"),
           {"service \"web\": environment variable DATABASE holds a URL with a password"}},
          {"_URL with userinfo",
           env("DATABASE_URL", "postgres://app:s3cret@db:5432/app"),
           {"service \"web\": environment variable DATABASE_URL holds a URL with a password"}},
          {"user without password", env("REPO", "https://git@example.com/x.git"), {}},
          {"@ in the path only", env("LINK", "https://example.com/u/a:b@c"), {}},
          {"a multi-line value that goes on after its URL (a Caddyfile)",
           env("CADDYFILE", "http://localhost:8000 {\n    @replay-capture {\n"),
           {}},
          {"@ after white space", env("NOTE", "http://a:1 and mailto:x@y"), {}},
      });
}

TEST(SecretInEnv, NeverPrintsTheValue) {
  auto found = test::run_rule(
      k_secret_in_env,
      workload(Surface::kubernetes)
          .with(container().env("API_TOKEN", "tok-value-123").env("DB", "redis://u:pw-456@h")));
  ASSERT_EQ(found.size(), 2u);
  for (const Finding& f : found) {
    EXPECT_EQ(f.message.find("tok-value-123"), std::string::npos);
    EXPECT_EQ(f.message.find("pw-456"), std::string::npos);
    EXPECT_EQ(f.remedy.find("pw-456"), std::string::npos);
  }
  EXPECT_EQ(found[0].object, "Deployment default/web container app");
  EXPECT_EQ(found[0].where.line, 22);
}

TEST(SecretInEnv, EverySurface) {
  for (Surface s : {Surface::dockerfile, Surface::compose, Surface::kubernetes, Surface::run,
                    Surface::host, Surface::image, Surface::enforcement}) {
    auto w = workload(s).with(container("c").env("PASSWORD", "x"));
    EXPECT_EQ(test::run_rule(k_secret_in_env, w).size(), 1u) << surface_name(s);
  }
}

}  // namespace
}  // namespace vern
