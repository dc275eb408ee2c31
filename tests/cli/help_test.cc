// End-to-end: the program's version and generated help.
#include <gtest/gtest.h>

#include <regex>

#include "cli/command.h"
#include "support/run_process.h"

namespace vern {
namespace {

using testing::run_process;

TEST(Main, VersionFlagPrintsNameAndVersion) {
  auto result = run_process({VERN_BINARY, "--version"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::regex_match(result.out, std::regex("vern [0-9]+\\.[0-9]+\\.[0-9]+\n")))
      << result.out;
  auto command = run_process({VERN_BINARY, "version"});
  EXPECT_EQ(command.exit_code, 0);
  EXPECT_EQ(command.out, result.out);
}

TEST(Main, HelpListsEveryCommand) {
  auto result = run_process({VERN_BINARY, "help"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("usage: vern COMMAND"), std::string::npos) << result.out;
  for (const cli::Command& c : cli::commands()) {
    std::string line = "  " + std::string(c.name);
    EXPECT_NE(result.out.find(line), std::string::npos) << c.name;
    EXPECT_NE(result.out.find(std::string(c.summary)), std::string::npos) << c.name;
  }
  EXPECT_EQ(run_process({VERN_BINARY, "--help"}).out, result.out);
}

TEST(Main, UnknownCommandIsAUsageError) {
  auto result = run_process({VERN_BINARY, "no-such-command"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("unknown command 'no-such-command'"), std::string::npos) << result.err;
}

TEST(Main, NoArgumentsPrintsHelpAndFails) {
  auto result = run_process({VERN_BINARY});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("usage: vern COMMAND"), std::string::npos);
}

}  // namespace
}  // namespace vern
