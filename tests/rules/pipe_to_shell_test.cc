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

TEST(PipeToShell, PowerShellReadingADownloadOrEvaluatingOne) {
  EXPECT_EQ(found(scripts(Surface::dockerfile,
                          {pipe({cmd({"curl", "-fsSL", "https://x/i.ps1"}), cmd({"pwsh", "-"})})})),
            std::vector<std::string>{
                "curl output is piped into pwsh: a downloaded script runs unverified"});
  EXPECT_EQ(found(scripts(Surface::run, {pipe({cmd({"curl", "-fsSL", "https://x/i.ps1"}),
                                               cmd({"pwsh", "-NoProfile", "-Command", "-"})})})),
            std::vector<std::string>{
                "curl output is piped into pwsh: a downloaded script runs unverified"});
  const std::string iex =
      " evaluates what it downloads (Invoke-Expression): a downloaded script runs unverified";
  EXPECT_EQ(
      found(scripts(
          Surface::dockerfile,
          {pipe({cmd({"pwsh", "-Command", "iwr https://x/install.ps1 -UseBasicParsing | iex"})})})),
      std::vector<std::string>{"pwsh" + iex});
  // A RUN under SHELL ["powershell", "-Command"]: the shell's words, then the text.
  EXPECT_EQ(found(scripts(Surface::dockerfile,
                          {pipe({cmd({"powershell", "-Command",
                                      "iex ((New-Object System.Net.WebClient).DownloadString("
                                      "'https://chocolatey.org/install.ps1'))"})})})),
            std::vector<std::string>{"powershell" + iex});
  EXPECT_EQ(found(scripts(Surface::run,
                          {pipe({cmd({"powershell.exe", "-ExecutionPolicy", "Bypass",
                                      "& ([scriptblock]::Create((irm https://x/a.ps1)))"})})})),
            std::vector<std::string>{"powershell.exe" + iex});
}

TEST(PipeToShell, PowerShellRunningFilesIsNotReported) {
  EXPECT_TRUE(found(scripts(Surface::dockerfile,
                            {pipe({cmd({"pwsh", "-Command",
                                        "Invoke-WebRequest https://x/a.ps1 -OutFile a.ps1; "
                                        "Get-FileHash a.ps1"})})}))
                  .empty());
  EXPECT_TRUE(found(scripts(Surface::run, {pipe({cmd({"curl", "-o", "a.ps1", "https://x"})}),
                                           pipe({cmd({"pwsh", "-File", "a.ps1"})})}))
                  .empty());
  EXPECT_TRUE(found(scripts(Surface::run,
                            {pipe({cmd({"curl", "https://x"}), cmd({"pwsh", "./check.ps1"})})}))
                  .empty());
  // Invoke-Expression of local text only.
  EXPECT_TRUE(
      found(scripts(Surface::run, {pipe({cmd({"pwsh", "-c", "iex 'Get-Date'"})})})).empty());
}

TEST(PipeToShell, OtherSurfacesAreIgnored) {
  EXPECT_EQ(found(scripts(Surface::compose, {pipe({cmd({"curl", "u"}), cmd({"sh"})})})),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace vern
