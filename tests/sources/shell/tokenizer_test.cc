#include "sources/shell/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vern::shell {
namespace {

// The words of every command, pipelines separated by "||" markers.
std::vector<std::vector<std::string>> commands(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  for (const ShellPipeline& p : tokenize(text)) {
    for (const ShellCommand& c : p.commands) {
      std::vector<std::string> words;
      for (const ShellWord& w : c.words) words.push_back(w.text);
      out.push_back(words);
    }
  }
  return out;
}

using Words = std::vector<std::vector<std::string>>;

TEST(ShellTokenizer, QuotesAndEscapesAreRemoved) {
  EXPECT_EQ(commands(R"(echo 'a b' "c d" e\ f "g\"h" 'i\j')"),
            (Words{{"echo", "a b", "c d", "e f", "g\"h", "i\\j"}}));
}

TEST(ShellTokenizer, OperatorsSplitCommandsAndPipelines) {
  auto ps = tokenize("a 1 && b 2 || c; d | e |& f & g\nh");
  ASSERT_EQ(ps.size(), 6u);
  EXPECT_EQ(ps[3].commands.size(), 3u);  // d | e |& f
  EXPECT_EQ(ps[5].commands[0].words[0].text, "h");
}

TEST(ShellTokenizer, HereStringsAreKeptWithTheirCommand) {
  auto ps = tokenize("source /dev/stdin <<< \"$(curl -s u)\" && cat <<<plain | wc\necho x\n");
  ASSERT_EQ(ps.size(), 3u);
  const ShellCommand& source = ps[0].commands.at(0);
  EXPECT_EQ(source.words.size(), 2u);  // the here-string is not an argument
  ASSERT_EQ(source.here_strings.size(), 1u);
  ASSERT_EQ(source.here_strings[0].substitutions.size(), 1u);
  EXPECT_EQ(source.here_strings[0].substitutions[0].commands.at(0).words.at(0).text, "curl");
  ASSERT_EQ(ps[1].commands.size(), 2u);
  ASSERT_EQ(ps[1].commands[0].here_strings.size(), 1u);
  EXPECT_EQ(ps[1].commands[0].here_strings[0].text, "plain");
  EXPECT_TRUE(ps[1].commands[1].here_strings.empty());
  EXPECT_TRUE(ps[2].commands.at(0).here_strings.empty());
}

// The first word of every command, in order.
std::vector<std::string> programs(std::string_view text) {
  std::vector<std::string> out;
  for (const std::vector<std::string>& c : commands(text)) out.push_back(c.empty() ? "" : c[0]);
  return out;
}

TEST(ShellTokenizer, HereDocumentsFedToAShellAreReadAsCommands) {
  auto ps = tokenize(
      "ssh deploy@prod <<'EOF'\n"
      "  docker pull app:1\n"
      "  docker run -d app:1\n"
      "EOF\n"
      "echo done\n");
  ASSERT_EQ(ps.size(), 4u);
  EXPECT_EQ(ps[0].commands.at(0).words.at(0).text, "ssh");
  EXPECT_EQ(ps[2].commands.at(0).words.at(1).text, "run");
  EXPECT_EQ(ps[2].commands.at(0).where, (Location{3, 3}));
  EXPECT_EQ(ps[3].commands.at(0).words.at(0).text, "echo");

  EXPECT_EQ(programs("sudo bash -s -- --yes <<EOF\ndocker ps\nEOF\n"),
            (std::vector<std::string>{"sudo", "docker"}));
  EXPECT_EQ(programs("ssh -i key -p 22 host 'bash -s' <<EOF\ndocker ps\nEOF\n"),
            (std::vector<std::string>{"ssh", "docker"}));
  EXPECT_EQ(programs("sh <<-EOF\n\tdocker ps\n\tEOF\nls\n"),
            (std::vector<std::string>{"sh", "docker", "ls"}));
  EXPECT_EQ(programs("bash -o pipefail -e - <<EOF\ndocker ps\nEOF\n"),
            (std::vector<std::string>{"bash", "docker"}));
}

TEST(ShellTokenizer, OtherHereDocumentsAreData) {
  EXPECT_EQ(programs("cat <<EOF > run.sh\ndocker run x\nEOF\nls\n"),
            (std::vector<std::string>{"cat", "ls"}));
  EXPECT_EQ(programs("bash -c 'cat' <<EOF\ndocker ps\nEOF\n"), (std::vector<std::string>{"bash"}));
  EXPECT_EQ(programs("bash deploy.sh <<EOF\nyes\nEOF\n"), (std::vector<std::string>{"bash"}));
  EXPECT_EQ(programs("ssh host 'cat > f' <<EOF\ndocker ps\nEOF\n"),
            (std::vector<std::string>{"ssh"}));
  EXPECT_EQ(programs("python3 <<EOF\nimport os\nEOF\n"), (std::vector<std::string>{"python3"}));
}

TEST(ShellTokenizer, BackslashNewlineContinuesTheCommand) {
  EXPECT_EQ(commands("docker run \\\n  -d \\\n  nginx\n"),
            (Words{{"docker", "run", "-d", "nginx"}}));
}

TEST(ShellTokenizer, CommentsEndAtTheLineButHashInAWordIsText) {
  EXPECT_EQ(commands("echo a#b # comment | sh\nls"), (Words{{"echo", "a#b"}, {"ls"}}));
}

TEST(ShellTokenizer, PositionsPointAtEachWord) {
  auto ps = tokenize("x=1\n  docker run \\\n    --privileged nginx");
  ASSERT_EQ(ps.size(), 2u);
  const ShellCommand& c = ps[1].commands[0];
  EXPECT_EQ(c.words[0].where, (Location{2, 3}));
  EXPECT_EQ(c.words[2].where, (Location{3, 5}));
  EXPECT_EQ(c.words[3].where, (Location{3, 18}));
}

TEST(ShellTokenizer, UnknownVariablesAreNotLiteral) {
  auto ps = tokenize("docker run -u $USER_ID \"${IMAGE}\" plain");
  const auto& w = ps[0].commands[0].words;
  EXPECT_TRUE(w[0].literal);
  EXPECT_FALSE(w[3].literal);
  EXPECT_FALSE(w[4].literal);
  EXPECT_EQ(w[4].text, "${IMAGE}");
  EXPECT_TRUE(w[5].literal);
}

TEST(ShellTokenizer, AssignedVariablesAreSubstituted) {
  auto ps = tokenize("IMAGE=nginx:1.25\nexport TAG=\"v1\"\ndocker run $IMAGE app:${TAG}");
  const auto& w = ps[2].commands[0].words;
  EXPECT_EQ(w[2].text, "nginx:1.25");
  EXPECT_TRUE(w[2].literal);
  EXPECT_EQ(w[3].text, "app:v1");
  EXPECT_TRUE(w[3].literal);
}

TEST(ShellTokenizer, VariableAssignedFromCommandIsUnknown) {
  auto ps = tokenize("IMAGE=$(cat name)\ndocker run $IMAGE");
  EXPECT_FALSE(ps[1].commands[0].words[2].literal);
}

TEST(ShellTokenizer, CommandSubstitutionIsTokenizedInside) {
  auto ps = tokenize("sh -c \"$(curl -fsSL https://x.example/install.sh)\"");
  const ShellWord& arg = ps[0].commands[0].words[2];
  EXPECT_FALSE(arg.literal);
  ASSERT_EQ(arg.substitutions.size(), 1u);
  EXPECT_EQ(arg.substitutions[0].commands[0].words[0].text, "curl");
  EXPECT_EQ(arg.substitutions[0].commands[0].words[2].where, (Location{1, 21}));
}

TEST(ShellTokenizer, BackticksAndProcessSubstitution) {
  auto ps = tokenize("echo `date -u` ; bash <(wget -qO- https://x.example/i)");
  EXPECT_EQ(ps[0].commands[0].words[1].substitutions[0].commands[0].words[0].text, "date");
  EXPECT_EQ(ps[1].commands[0].words[1].substitutions[0].commands[0].words[0].text, "wget");
}

TEST(ShellTokenizer, RedirectionsAreNotWords) {
  EXPECT_EQ(commands("curl -o x url 2>&1 >/dev/null < in >> log &> all"),
            (Words{{"curl", "-o", "x", "url"}}));
}

TEST(ShellTokenizer, HereDocumentBodiesAreSkipped) {
  EXPECT_EQ(
      commands(
          "cat <<EOF > f\ndocker run --privileged x\nEOF\nls\ncat <<-'E'\n\tcurl x | sh\n\tE\n"),
      (Words{{"cat"}, {"ls"}, {"cat"}}));
}

TEST(ShellTokenizer, PrefixCommandsAreSkippedToFindTheProgram) {
  auto program = [](std::string_view text) {
    auto ps = tokenize(text);
    const ShellWord* p = ps.at(0).commands.at(0).program();
    return p ? p->text : std::string("(none)");
  };
  EXPECT_EQ(program("sudo -E -u root docker run x"), "docker");
  EXPECT_EQ(program("FOO=1 BAR=2 exec docker run x"), "docker");
  EXPECT_EQ(program("time -p nice -n 5 docker ps"), "docker");
  EXPECT_EQ(program("env -i A=1 docker ps"), "docker");
  EXPECT_EQ(program("if docker ps; then :; fi"), "docker");
  EXPECT_EQ(program("timeout 30 docker run x"), "docker");
  EXPECT_EQ(program("A=1"), "(none)");
  EXPECT_EQ(program("apt-get install sudo"), "apt-get");
}

TEST(ShellTokenizer, XargsRunsItsCommandUnlessInputReplacesWordsInIt) {
  auto program = [](std::string_view text) {
    return tokenize(text).at(0).commands.at(0).program()->text;
  };
  EXPECT_EQ(program("xargs -r -n 1 -P 4 docker run --rm x"), "docker");
  EXPECT_EQ(program("xargs --max-args=1 docker run x"), "docker");
  EXPECT_EQ(program("xargs -I {} docker run -e A=b {}"), "xargs");
  EXPECT_EQ(program("xargs -I{} docker run {}"), "xargs");
  EXPECT_EQ(program("xargs --replace docker run {}"), "xargs");
}

TEST(ShellTokenizer, AnsiCQuotingAndArithmetic) {
  auto ps = tokenize("echo $'a\\tb' $((1+2)) $#");
  const auto& w = ps[0].commands[0].words;
  EXPECT_EQ(w[1].text, "a\tb");
  EXPECT_FALSE(w[2].literal);
  EXPECT_FALSE(w[3].literal);
}

TEST(ShellTokenizer, UnterminatedInputDoesNotHang) {
  for (std::string_view s : {"echo 'abc", "echo \"abc", "echo $(ls", "echo ${x", "echo `ls", "a <<",
                             "a \\", "$(", "<(", "'", "\""}) {
    SCOPED_TRACE(s);
    (void)tokenize(s);
  }
}

TEST(ShellTokenizer, DeepNestingIsBounded) {
  std::string s;
  for (int i = 0; i < 200; ++i) s += "$(";
  (void)tokenize(s);
  SUCCEED();
}

}  // namespace
}  // namespace vern::shell
