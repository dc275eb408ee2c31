#include "sources/dockerfile/parser.h"

#include <gtest/gtest.h>

namespace vern::dockerfile {
namespace {

TEST(DockerfileParser, KeywordsAreCaseInsensitiveAndKeepPositions) {
  Parsed p = parse("from alpine:3.19\n\n  run echo hi\n");
  ASSERT_EQ(p.instructions.size(), 2u);
  EXPECT_EQ(p.instructions[0].keyword, "FROM");
  EXPECT_EQ(p.instructions[1].keyword, "RUN");
  EXPECT_EQ(p.instructions[1].where, (Location{3, 3}));
  EXPECT_EQ(p.instructions[1].args.text(), "echo hi");
  EXPECT_EQ(p.instructions[1].args.at(0), (Location{3, 7}));
}

TEST(DockerfileParser, ContinuationsDropCommentAndBlankLines) {
  Parsed p = parse(
      "RUN apt-get update && \\\n"
      "# a comment inside\n"
      "\n"
      "    apt-get install -y curl\n");
  ASSERT_EQ(p.instructions.size(), 1u);
  const Instruction& r = p.instructions[0];
  EXPECT_EQ(r.args.text(), "apt-get update &&      apt-get install -y curl");
  std::size_t at = r.args.text().find("install");
  EXPECT_EQ(r.args.at(at), (Location{4, 13}));
}

TEST(DockerfileParser, EscapeDirectiveChangesTheContinuationCharacter) {
  Parsed p = parse(
      "# syntax=docker/dockerfile:1\n"
      "# escape=`\n"
      "FROM mcr.microsoft.com/windows/servercore\n"
      "RUN dir c:\\ `\n"
      "    && echo done\n");
  EXPECT_EQ(p.escape, '`');
  EXPECT_EQ(p.syntax, "docker/dockerfile:1");
  ASSERT_EQ(p.instructions.size(), 2u);
  EXPECT_EQ(p.instructions[1].args.text(), "dir c:\\      && echo done");
}

TEST(DockerfileParser, DirectivesStopAtTheFirstOtherLine) {
  Parsed p = parse("# hello\n# escape=`\nFROM x\nRUN a \\\n b\n");
  EXPECT_EQ(p.escape, '\\');
  ASSERT_EQ(p.instructions.size(), 2u);
  EXPECT_EQ(p.instructions[1].args.text(), "a   b");
}

TEST(DockerfileParser, FlagsAreSplitFromArguments) {
  Parsed p = parse(
      "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
      "RUN --mount=type=secret,id=npm --network=none make\n"
      "COPY --chown=app:app --from=build /out /app\n"
      "ADD --checksum=sha256:abc https://x.example/a.tgz /\n");
  ASSERT_EQ(p.instructions.size(), 4u);
  const Instruction& from = p.instructions[0];
  ASSERT_EQ(from.flags.size(), 1u);
  EXPECT_EQ(from.flags[0].name, "platform");
  EXPECT_EQ(from.flags[0].value, "$BUILDPLATFORM");
  EXPECT_EQ(from.args.text(), "golang:1.22 AS build");
  EXPECT_EQ(p.instructions[1].flags.size(), 2u);
  EXPECT_EQ(p.instructions[1].args.text(), "make");
  EXPECT_EQ(p.instructions[2].flags[1].name, "from");
  EXPECT_EQ(p.instructions[2].flags[1].where, (Location{3, 22}));
  EXPECT_EQ(p.instructions[3].flags[0].name, "checksum");
}

TEST(DockerfileParser, ExecFormIsAJsonArray) {
  Parsed p = parse("CMD [\"nginx\", \"-g\", \"daemon off;\"]\nCMD [not json]\nRUN [\"a\", 1]\n");
  ASSERT_EQ(p.instructions.size(), 3u);
  EXPECT_TRUE(p.instructions[0].exec_form);
  EXPECT_EQ(p.instructions[0].exec, (std::vector<std::string>{"nginx", "-g", "daemon off;"}));
  EXPECT_FALSE(p.instructions[1].exec_form);
  EXPECT_FALSE(p.instructions[2].exec_form);
}

TEST(DockerfileParser, ExecFormElementsKeepWhereTheirTextStarts) {
  Parsed p = parse(
      "ADD [\"https://x.example/a \\\"q\\\".tgz\", \\\n"
      "     \"/opt/\"]\n");
  ASSERT_EQ(p.instructions.size(), 1u);
  const Instruction& add = p.instructions[0];
  ASSERT_TRUE(add.exec_form);
  ASSERT_EQ(add.exec.size(), 2u);
  EXPECT_EQ(add.exec[0], "https://x.example/a \"q\".tgz");
  EXPECT_EQ(add.exec_where, (std::vector<Location>{{1, 7}, {2, 7}}));
}

TEST(DockerfileParser, HereDocuments) {
  Parsed p = parse(
      "FROM alpine\n"
      "RUN <<EOF\n"
      "apk add curl\n"
      "curl -fsSL https://x.example/i.sh | sh\n"
      "EOF\n"
      "COPY <<-\"A\" /a <<B /b\n"
      "\tliteral $X\n"
      "\tA\n"
      "b body\n"
      "B\n"
      "USER app\n");
  ASSERT_EQ(p.instructions.size(), 4u);
  const Instruction& run = p.instructions[1];
  ASSERT_EQ(run.heredocs.size(), 1u);
  EXPECT_EQ(run.heredocs[0].name, "EOF");
  EXPECT_EQ(run.heredocs[0].body.text(), "apk add curl\ncurl -fsSL https://x.example/i.sh | sh\n");
  EXPECT_EQ(run.heredocs[0].body.at(13), (Location{4, 1}));
  const Instruction& copy = p.instructions[2];
  ASSERT_EQ(copy.heredocs.size(), 2u);
  EXPECT_FALSE(copy.heredocs[0].expand);
  EXPECT_TRUE(copy.heredocs[0].strip_tabs);
  EXPECT_EQ(copy.heredocs[1].body.text(), "b body\n");
  EXPECT_EQ(p.instructions[3].keyword, "USER");
  EXPECT_TRUE(p.errors.empty());
}

TEST(DockerfileParser, UnterminatedHereDocumentIsAnError) {
  Parsed p = parse("FROM a\nRUN <<EOF\necho\n");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].line, 2);
}

TEST(DockerfileParser, HereStringIsNotAHereDocument) {
  Parsed p = parse("FROM a\nRUN cat <<<word\nUSER x\n");
  ASSERT_EQ(p.instructions.size(), 3u);
  EXPECT_TRUE(p.instructions[1].heredocs.empty());
}

TEST(DockerfileParser, HereDocumentMarkersStartAWord) {
  Parsed p =
      parse("FROM a\nRUN echo $((1<<2)) && cat<<EOF\nUSER root\nRUN x <<-EOT\n\tbody\n\tEOT\n");
  ASSERT_EQ(p.instructions.size(), 4u);
  EXPECT_TRUE(p.instructions[1].heredocs.empty());
  EXPECT_EQ(p.instructions[2].keyword, "USER");
  ASSERT_EQ(p.instructions[3].heredocs.size(), 1u);
  EXPECT_EQ(p.instructions[3].heredocs[0].name, "EOT");
  EXPECT_TRUE(p.errors.empty());
}

TEST(DockerfileParser, ByteOrderMarkIsIgnored) {
  Parsed p = parse("\xEF\xBB\xBF# escape=`\nFROM a\nRUN b `\n c\n");
  EXPECT_TRUE(p.errors.empty());
  EXPECT_EQ(p.escape, '`');
  ASSERT_EQ(p.instructions.size(), 2u);
  EXPECT_EQ(p.instructions[0].keyword, "FROM");
  EXPECT_EQ(p.instructions[0].where, (Location{2, 1}));
  EXPECT_EQ(p.instructions[1].args.text(), "b   c");
}

TEST(DockerfileParser, CrLfLineEndings) {
  Parsed p = parse("FROM a\r\nRUN b \\\r\n c\r\nUSER d\r\n");
  ASSERT_EQ(p.instructions.size(), 3u);
  EXPECT_EQ(p.instructions[1].args.text(), "b   c");
  EXPECT_EQ(p.instructions[2].args.text(), "d");
}

}  // namespace
TEST(DockerfileParser, BinaryContentIsOneErrorAtItsFirstNul) {
  const std::string content("FROM alpine\nRUN x\xff\x00\x01\nRUN y\x00\n", 23);
  Parsed p = parse(content);
  EXPECT_TRUE(p.instructions.empty());
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].message, "binary content (a NUL byte): not a text Dockerfile");
  EXPECT_EQ(p.errors[0].line, 2);
  EXPECT_EQ(p.errors[0].column, 7);
}

}  // namespace vern::dockerfile
