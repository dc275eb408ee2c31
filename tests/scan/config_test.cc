// .vern.yaml: every setting, and errors with file:line:col and a hint.
#include "scan/config.h"

#include <gtest/gtest.h>

#include <string>

namespace vern {
namespace {

TEST(Config, EmptyFileIsTheDefaults) {
  Result<Config> c = parse_config(".vern.yaml", "");
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->disabled_rules.empty());
  EXPECT_TRUE(c->severity_overrides.empty());
  EXPECT_TRUE(c->ignore_paths.empty());
  EXPECT_EQ(c->max_db_age_days, 7);
  EXPECT_EQ(c->path, ".vern.yaml");
}

TEST(Config, EverySetting) {
  Result<Config> c = parse_config(".vern.yaml",
                                  "disable: [image-not-pinned, no-pids-limit]\n"
                                  "severity:\n"
                                  "  root-user: critical\n"
                                  "  no-cpu-limit: info\n"
                                  "allowed_registries: [ghcr.io/acme, registry.example.com]\n"
                                  "allowed_capabilities: [NET_ADMIN]\n"
                                  "ignore_paths: [vendor/, '*.generated.yaml']\n");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->disabled_rules, (std::set<std::string>{"image-not-pinned", "no-pids-limit"}));
  EXPECT_EQ(c->severity_overrides.at("root-user"), Severity::critical);
  EXPECT_EQ(c->severity_overrides.at("no-cpu-limit"), Severity::info);
  EXPECT_EQ(c->rule_options.allowed_registries,
            (std::vector<std::string>{"ghcr.io/acme", "registry.example.com"}));
  EXPECT_EQ(c->rule_options.allowed_capabilities, (std::vector<std::string>{"NET_ADMIN"}));
  EXPECT_EQ(c->ignore_paths, (std::vector<std::string>{"vendor/", "*.generated.yaml"}));
}

struct BadConfig {
  const char* text;
  const char* error;
};

class ConfigErrors : public ::testing::TestWithParam<BadConfig> {};

TEST_P(ConfigErrors, AreReportedWithPosition) {
  Result<Config> c = parse_config("cfg/.vern.yaml", GetParam().text);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().to_string(), GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Config, ConfigErrors,
    ::testing::Values(
        BadConfig{"disable:\n  - root-usr\n",
                  "cfg/.vern.yaml:2:5: unknown rule 'root-usr' (did you mean 'root-user'?)"},
        BadConfig{"disabled: [root-user]\n",
                  "cfg/.vern.yaml:1:1: unknown setting 'disabled' (did you mean 'disable'?)"},
        BadConfig{"severity:\n  root-user: severe\n",
                  "cfg/.vern.yaml:2:14: severity must be one of critical, high, medium, low, "
                  "info"},
        BadConfig{"severity: [root-user]\n",
                  "cfg/.vern.yaml:1:11: severity must map rule slugs to severities"},
        BadConfig{"disable: root-user\n", "cfg/.vern.yaml:1:10: disable must be a list"},
        BadConfig{"ignore_paths:\n  - {a: b}\n",
                  "cfg/.vern.yaml:2:5: ignore_paths entries must be values"},
        BadConfig{"- root-user\n", "cfg/.vern.yaml:1:1: the config must be a mapping"},
        BadConfig{"host:\n  ignore_container: [x]\n",
                  "cfg/.vern.yaml:2:3: unknown setting 'ignore_container' (did you mean "
                  "'ignore_containers'?)"}));

TEST(Config, SyntaxErrorHasFileLineAndColumn) {
  Result<Config> c = parse_config("cfg/.vern.yaml", "disable: [root-user\nseverity: {}\n");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().file, "cfg/.vern.yaml");
  EXPECT_GT(c.error().line, 0);
  EXPECT_GT(c.error().column, 0);
  EXPECT_NE(c.error().message.find("YAML syntax error"), std::string::npos);
}

TEST(Config, MissingFileIsAnError) {
  Result<Config> c = load_config("/nonexistent-vern-dir/.vern.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().file, "/nonexistent-vern-dir/.vern.yaml");
}

TEST(GlobMatch, PatternsAndFolders) {
  EXPECT_TRUE(glob_match("vendor", "vendor/a/compose.yaml"));
  EXPECT_TRUE(glob_match("vendor/", "vendor/compose.yaml"));
  EXPECT_TRUE(glob_match("./vendor", "./vendor/compose.yaml"));
  EXPECT_TRUE(glob_match("vendor/*", "vendor/a/b/compose.yaml"));
  EXPECT_TRUE(glob_match("**/*.generated.yaml", "deploy/x.generated.yaml"));
  EXPECT_TRUE(glob_match("*.generated.yaml", "deploy/x.generated.yaml"));
  EXPECT_FALSE(glob_match("vendor", "vendors/compose.yaml"));
  EXPECT_FALSE(glob_match("vendor", "src/vendor.yaml"));
  EXPECT_FALSE(glob_match("*.generated.yaml", "deploy/compose.yaml"));
}

}  // namespace
}  // namespace vern
