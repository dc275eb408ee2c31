#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_pipe_to_shell;

namespace {

using test::cmd;
using test::pipe;
using test::scripts;

std::vector<std::string> found(const Inventory& inv) {
  return test::messages(test::run_rule(k_pipe_to_shell, inv));
}

const std::string k_curl_sh = "curl output is piped into sh: a downloaded script runs unverified";

TEST(PipeToShell, DownloadPipedIntoAShell) {
  EXPECT_EQ(
      found(scripts(Surface::run, {pipe({cmd({"curl", "-fsSL", "https://x"}), cmd({"sh"})})})),
      std::vector<std::string>{k_curl_sh});
  EXPECT_EQ(found(scripts(Surface::dockerfile, {pipe({cmd({"wget", "-qO-", "https://x"}),
                                                      cmd({"sudo", "bash", "-s", "--", "-y"})})})),
            std::vector<std::string>{
                "wget output is piped into bash: a downloaded script runs unverified"});
  EXPECT_EQ(found(scripts(Surface::run, {pipe({cmd({"wget", "-O", "-", "u"}), cmd({"tee", "log"}),
                                               cmd({"python3"})})})),
            std::vector<std::string>{
                "wget output is piped into python3: a downloaded script runs unverified"});
}

TEST(PipeToShell, FindingPointsAtTheDownload) {
  auto f = test::run_rule(k_pipe_to_shell,
                          scripts(Surface::run, {pipe({cmd({"curl", "u"}, 7), cmd({"sh"}, 7)})}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where, test::line(7));
  EXPECT_EQ(f[0].file, "deploy.sh");
  EXPECT_EQ(f[0].object, "script");
}

TEST(PipeToShell, CommandSubstitutionAndProcessSubstitution) {
  auto sh_c = test::with_substitution(cmd({"sh", "-c", "$(curl -fsSL u)"}), 2,
                                      pipe({cmd({"curl", "-fsSL", "u"})}));
  auto bash_ps = test::with_substitution(cmd({"bash", "<(curl u)"}), 1, pipe({cmd({"curl", "u"})}));
  EXPECT_EQ(found(scripts(Surface::run, {pipe({sh_c}), pipe({bash_ps})})),
            (std::vector<std::string>{
                "sh runs the output of a download: a downloaded script runs unverified",
                "bash runs the output of a download: a downloaded script runs unverified"}));
}

TEST(PipeToShell, SafeCommandsAreNotReported) {
  EXPECT_EQ(
      found(scripts(Surface::run,
                    {
                        pipe({cmd({"curl", "-o", "install.sh", "u"}), cmd({"sh"})}),
                        pipe({cmd({"curl", "-fsSLO", "u"}), cmd({"sh"})}),
                        pipe({cmd({"curl", "-s", "api"}), cmd({"python3", "-c", "import json"})}),
                        pipe({cmd({"curl", "-s", "api"}), cmd({"jq", ".x"})}),
                        pipe({cmd({"wget", "u"}), cmd({"sh"})}),
                        pipe({cmd({"wget", "-O", "f", "u"}), cmd({"sh"})}),
                        pipe({cmd({"curl", "u"}), cmd({"bash", "-c", "cat > f"})}),
                        pipe({cmd({"curl", "u"}), cmd({"sh", "script.sh"})}),
                        pipe({cmd({"sh"}), cmd({"curl", "u"})}),
                        pipe({cmd({"echo", "curl"}), cmd({"sh"})}),
                        pipe({cmd({"apt-get", "install", "curl"})}),
                    })),
      std::vector<std::string>{});
  auto echo = test::with_substitution(cmd({"echo", "$(curl u)"}), 1, pipe({cmd({"curl", "u"})}));
  EXPECT_EQ(found(scripts(Surface::run, {pipe({echo})})), std::vector<std::string>{});
}

TEST(PipeToShell, OtherSurfacesAreIgnored) {
  EXPECT_EQ(found(scripts(Surface::compose, {pipe({cmd({"curl", "u"}), cmd({"sh"})})})),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace vern
