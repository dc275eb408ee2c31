#include "sources/dockerfile/translate.h"

#include <gtest/gtest.h>

namespace vern {
namespace {

struct Result {
  Translation t;
  const Workload& w() const { return t.inventory.workloads.at(0); }
  const Container& c() const { return w().containers.at(0); }
  const BuildFile& b() const { return t.inventory.build_files.at(0); }
};

Result translate(std::string_view text, DockerfileOptions o = {}) {
  return Result{translate_dockerfile("app/Dockerfile", text, o)};
}

std::vector<std::string> other_images(const Workload& w) {
  std::vector<std::string> out;
  for (const auto& i : w.other_images) out.push_back(i.value.text);
  return out;
}

TEST(DockerfileTranslator, SingleStageWithoutUserPointsAtFrom) {
  Result r = translate("# comment\nFROM nginx:1.25\nEXPOSE 80 443/tcp\nCMD [\"nginx\"]\n");
  ASSERT_TRUE(r.t.errors.empty());
  EXPECT_EQ(r.w().surface, Surface::dockerfile);
  EXPECT_EQ(r.w().kind, "Dockerfile");
  EXPECT_EQ(r.w().name, "Dockerfile");
  EXPECT_TRUE(r.c().user.is_absent());
  EXPECT_EQ(r.c().user.where, (Location{2, 1}));
  EXPECT_TRUE(r.c().image.is_literal());
  EXPECT_EQ(r.c().image.value.tag, "1.25");
  EXPECT_EQ(r.c().image.where, (Location{2, 6}));
  ASSERT_EQ(r.c().ports.size(), 2u);
  EXPECT_EQ(r.c().ports[0].container_first, 80);
  EXPECT_FALSE(r.c().ports[0].published);
  EXPECT_EQ(r.c().ports[1].where, (Location{3, 11}));
  EXPECT_TRUE(r.c().healthcheck.is_absent());
  EXPECT_EQ(r.c().healthcheck.where, (Location{2, 1}));
  EXPECT_TRUE(r.w().other_images.empty());
}

TEST(DockerfileTranslator, FinalStageFromEarlierStageInheritsUser) {
  Result r = translate(
      "FROM node:20 AS base\n"
      "USER node\n"
      "FROM base AS final\n"
      "COPY . .\n");
  EXPECT_EQ(r.w().name, "final");
  EXPECT_TRUE(r.c().user.is("node"));
  EXPECT_EQ(r.c().user.where, (Location{2, 6}));
  EXPECT_TRUE(r.c().image.value.stage);
  EXPECT_FALSE(r.c().image.value.is_image());
  EXPECT_EQ(other_images(r.w()), std::vector<std::string>{"node:20"});
  EXPECT_EQ(r.b().stages[1].parent, 0);
}

TEST(DockerfileTranslator, WhatAnEarlierStageLeftUnsetIsMissingAtTheLaterFrom) {
  Result r = translate(
      "FROM node:20 AS base\n"
      "RUN true\n"
      "FROM base AS final\n");
  EXPECT_TRUE(r.c().user.is_absent());
  EXPECT_EQ(r.c().user.where, (Location{3, 1}));
  EXPECT_TRUE(r.c().healthcheck.is_absent());
  EXPECT_EQ(r.c().healthcheck.where, (Location{3, 1}));
}

TEST(DockerfileTranslator, EachStageRecordsItsOwnEnv) {
  Result r = translate(
      "FROM a:1 AS one\n"
      "ENV X=1 Y=2\n"
      "ENV X=3\n"
      "FROM one\n"
      "ENV Z=4\n");
  ASSERT_EQ(r.b().stages.size(), 2u);
  std::vector<std::string> first, second;
  for (const EnvVar& v : r.b().stages[0].env) first.push_back(v.name + "=" + v.value.value);
  for (const EnvVar& v : r.b().stages[1].env) second.push_back(v.name + "=" + v.value.value);
  EXPECT_EQ(first, (std::vector<std::string>{"X=1", "Y=2", "X=3"}));
  EXPECT_EQ(second, (std::vector<std::string>{"Z=4"}));
  EXPECT_EQ(r.c().env.size(), 3u);  // the container sees Y, X=3 and Z
}

TEST(DockerfileTranslator, OnlyTheFinalStageDecidesTheUser) {
  Result r = translate(
      "FROM golang:1.22 AS build\n"
      "USER 1000\n"
      "FROM gcr.io/distroless/static\n"
      "COPY --from=build /out /app\n");
  EXPECT_TRUE(r.c().user.is_absent());
  EXPECT_EQ(r.c().user.where, (Location{3, 1}));
  EXPECT_EQ(other_images(r.w()), std::vector<std::string>{"golang:1.22"});
}

TEST(DockerfileTranslator, LastUserOfTheStageWins) {
  Result r = translate("FROM a:1\nUSER app\nRUN x\nuser root\n");
  EXPECT_TRUE(r.c().user.is("root"));
  EXPECT_EQ(r.c().user.where, (Location{4, 6}));
}

TEST(DockerfileTranslator, TargetSelectsTheStage) {
  Result r = translate("FROM a:1 AS dev\nFROM b:2 AS prod\nUSER 10001\n",
                       {.target = "dev", .dockerignore = IgnoreFile::unknown});
  EXPECT_EQ(r.w().name, "dev");
  EXPECT_EQ(r.c().image.value.text, "a:1");
  EXPECT_TRUE(r.c().user.is_absent());
  Result missing =
      translate("FROM a:1 AS dev\n", {.target = "nope", .dockerignore = IgnoreFile::unknown});
  ASSERT_EQ(missing.t.errors.size(), 1u);
}

TEST(DockerfileTranslator, GlobalArgsResolveInFrom) {
  Result r = translate(
      "ARG BASE=python\n"
      "ARG VERSION=3.12\n"
      "ARG REGISTRY\n"
      "FROM ${BASE}:${VERSION:-3.11}-slim AS one\n"
      "FROM node:${NODE:-20}\n"
      "FROM $REGISTRY/app:1\n");
  ASSERT_EQ(r.b().stages.size(), 3u);
  EXPECT_EQ(r.b().stages[0].base.value.text, "python:3.12-slim");
  EXPECT_TRUE(r.b().stages[0].base.is_literal());
  EXPECT_EQ(r.b().stages[1].base.value.text, "node:20");
  EXPECT_TRUE(r.c().image.is_dynamic());
  EXPECT_TRUE(r.c().image.value.dynamic);
  EXPECT_EQ(r.c().image.value.text, "$REGISTRY/app:1");
  EXPECT_EQ(other_images(r.w()), (std::vector<std::string>{"python:3.12-slim", "node:20"}));
}

TEST(DockerfileTranslator, AnUndeclaredVariableInFromExpandsToNothing) {
  Result r = translate(
      "FROM alpine$TAG AS one\n"
      "FROM --platform=$BUILDPLATFORM golang:1.22-$TARGETOS AS two\n"
      "ARG IMAGE=alpine:3.19\n"
      "FROM ${IMAGE}\n");
  ASSERT_EQ(r.b().stages.size(), 3u);
  EXPECT_TRUE(r.b().stages[0].base.is_literal());
  EXPECT_EQ(r.b().stages[0].base.value.text, "alpine");
  EXPECT_TRUE(r.b().stages[1].base.is_dynamic());  // BuildKit sets TARGETOS
  // IMAGE is declared in a stage, which FROM does not see: no image at all.
  ASSERT_EQ(r.t.errors.size(), 1u);
  EXPECT_EQ(r.t.errors[0].message,
            "FROM names no image: ${IMAGE} expands to nothing (a variable in FROM must be "
            "declared by an ARG before the first FROM)");
  EXPECT_EQ(r.t.errors[0].line, 4);
  // The error says it: no image to check (not an unknown one).
  EXPECT_TRUE(r.c().image.is_absent());
}

TEST(DockerfileTranslator, OnbuildEnvAndArgAreKeptApartForTheChildBuilds) {
  Result r = translate(
      "FROM alpine:3.19\n"
      "ENV MODE=prod\n"
      "ONBUILD ENV API_TOKEN=abc123 REF=$CHILD\n"
      "ONBUILD ARG NPM_TOKEN\n"
      "ONBUILD ARG LEVEL=3\n");
  const BuildStage& st = r.b().stages[0];
  ASSERT_EQ(st.env.size(), 1u);
  ASSERT_EQ(st.onbuild_env.size(), 2u);
  EXPECT_EQ(st.onbuild_env[0].name, "API_TOKEN");
  EXPECT_TRUE(st.onbuild_env[0].value.is("abc123"));
  EXPECT_EQ(st.onbuild_env[0].where, (Location{3, 13}));
  EXPECT_TRUE(st.onbuild_env[1].value.is_dynamic());  // the child's variable
  ASSERT_EQ(r.c().env.size(), 1u);                    // not this image's environment
  ASSERT_EQ(r.b().args.size(), 2u);
  EXPECT_TRUE(r.b().args[0].onbuild);
  EXPECT_EQ(r.b().args[0].name, "NPM_TOKEN");
  EXPECT_TRUE(r.b().args[0].default_value.is_absent());
  EXPECT_TRUE(r.b().args[1].default_value.is("3"));
}

TEST(DockerfileTranslator, GlobalArgsAreVisibleInStagesOnlyAfterRedeclaring) {
  Result r = translate(
      "ARG APP_USER=app\n"
      "FROM alpine:3\n"
      "USER $APP_USER\n");
  EXPECT_TRUE(r.c().user.is_dynamic());
  Result again = translate(
      "ARG APP_USER=app\n"
      "FROM alpine:3\n"
      "ARG APP_USER\n"
      "USER ${APP_USER}\n");
  EXPECT_TRUE(again.c().user.is("app"));
}

TEST(DockerfileTranslator, ScratchIsNotAnImage) {
  Result r = translate("FROM golang:1 AS b\nFROM scratch\nCOPY --from=b /x /x\n");
  EXPECT_TRUE(r.c().image.value.scratch);
  EXPECT_FALSE(r.c().image.value.is_image());
  EXPECT_EQ(other_images(r.w()), std::vector<std::string>{"golang:1"});
}

TEST(DockerfileTranslator, CopyFromAnImageIsAnImageReference) {
  Result r = translate("FROM alpine:3\nCOPY --from=nginx:latest /etc/nginx /etc/nginx\n");
  EXPECT_EQ(other_images(r.w()), std::vector<std::string>{"nginx:latest"});
  EXPECT_EQ(r.w().other_images.at(0).where, (Location{2, 13}));  // the image, not the flag
  EXPECT_TRUE(r.b().copies[0].from_other);
}

TEST(DockerfileTranslator, RunMountFromAnImageIsAnImageReferenceAndFromAStageIsNot) {
  Result r = translate(
      "FROM golang:1.22 AS build\n"
      "RUN --mount=type=cache,target=/c --mount=type=bind,FROM=node:latest,target=/y true\n"
      "FROM alpine:3\n"
      "RUN --mount=from=build,target=/z --mount=type=secret,id=npm true\n");
  EXPECT_EQ(other_images(r.w()), (std::vector<std::string>{"golang:1.22", "node:latest"}));
  EXPECT_EQ(r.w().other_images.at(1).where, (Location{2, 57}));  // the image, not the flag
}

TEST(DockerfileTranslator, EnvFormsAndArgIsNotEnv) {
  Result r = translate(
      "FROM a:1\n"
      "ARG DB_PASSWORD=x\n"
      "ENV API_TOKEN=abc \"GREETING\"=\"hello world\" EMPTY=\n"
      "ENV LEGACY_SECRET some value here\n"
      "ENV FROM_VAR=${API_TOKEN}-2 UNKNOWN=$NOPE\n");
  const auto& env = r.c().env;
  ASSERT_EQ(env.size(), 6u);
  EXPECT_EQ(env[0].name, "API_TOKEN");
  EXPECT_TRUE(env[0].value.is("abc"));
  EXPECT_EQ(env[0].where, (Location{3, 5}));
  EXPECT_EQ(env[1].name, "GREETING");
  EXPECT_TRUE(env[1].value.is("hello world"));
  EXPECT_TRUE(env[2].value.is(""));
  EXPECT_EQ(env[3].name, "LEGACY_SECRET");
  EXPECT_TRUE(env[3].value.is("some value here"));
  EXPECT_TRUE(env[4].value.is("abc-2"));
  EXPECT_TRUE(env[5].value.is_dynamic());
  ASSERT_EQ(r.b().args.size(), 1u);
  EXPECT_EQ(r.b().args[0].name, "DB_PASSWORD");
  EXPECT_TRUE(r.b().args[0].default_value.is("x"));
}

TEST(DockerfileTranslator, HealthcheckNoneAndInherited) {
  EXPECT_TRUE(translate("FROM a:1\nHEALTHCHECK NONE\n").c().healthcheck.is(false));
  Result r = translate("FROM a:1 AS x\nHEALTHCHECK --interval=5s CMD true\nFROM x\n");
  EXPECT_TRUE(r.c().healthcheck.is(true));
}

TEST(DockerfileTranslator, AddAndCopySources) {
  Result r = translate(
      "FROM a:1\n"
      "ARG URL=https://x.example/tool.tgz\n"
      "ADD $URL /opt/\n"
      "ADD --checksum=sha256:0123 https://x.example/b.tgz /opt/\n"
      "COPY [\"src\", \"lib\", \"/app/\"]\n"
      "COPY <<EOF /etc/conf\nx\nEOF\n");
  const auto& c = r.b().copies;
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].instruction, "ADD");
  ASSERT_EQ(c[0].sources.size(), 1u);
  EXPECT_TRUE(c[0].sources[0].is("https://x.example/tool.tgz"));
  EXPECT_TRUE(c[1].has_checksum);
  EXPECT_EQ(c[2].sources.size(), 2u);
  EXPECT_EQ(c[2].destination, "/app/");
  EXPECT_TRUE(c[3].heredoc);
  EXPECT_TRUE(c[3].sources.empty());
}

TEST(DockerfileTranslator, RunCommandsBecomeScripts) {
  Result r = translate(
      "FROM a:1 AS build\n"
      "RUN apt-get update && apt-get install -y sudo\n"
      "RUN [\"sh\", \"-c\", \"curl -s https://x | sh\"]\n"
      "RUN <<EOF\nset -e\nwget -qO- https://y | bash\nEOF\n"
      "RUN python3 <<EOF\nimport os\nEOF\n"
      "SHELL [\"powershell\", \"-Command\"]\n"
      "RUN iwr https://z | iex\n");
  const auto& s = r.t.inventory.scripts;
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].surface, Surface::dockerfile);
  EXPECT_EQ(s[0].object, "Dockerfile stage build");
  EXPECT_EQ(s[0].pipelines.size(), 2u);
  EXPECT_EQ(s[0].pipelines[1].commands[0].words[3].text, "sudo");
  EXPECT_EQ(s[1].pipelines[0].commands.size(), 2u);
  ASSERT_EQ(s[2].pipelines.size(), 2u);
  EXPECT_EQ(s[2].pipelines[1].commands[1].words[0].text, "bash");
  EXPECT_EQ(s[2].pipelines[1].commands[0].where, (Location{6, 1}));
  EXPECT_EQ(s[3].pipelines.size(), 1u);  // python3; the body is not shell
  // Another shell's text is one command: the shell's words, then the text.
  ASSERT_EQ(s[4].pipelines.size(), 1u);
  const auto& words = s[4].pipelines[0].commands[0].words;
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].text, "powershell");
  EXPECT_EQ(words[2].text, "iwr https://z | iex");
  EXPECT_EQ(words[2].where, (Location{12, 5}));
}

TEST(DockerfileTranslator, OnlyHereDocumentsFedToAShellAreScripts) {
  Result r = translate(
      "FROM a:1\n"
      "RUN bash <<A && cat <<B > /etc/motd\n"
      "echo one\n"
      "A\n"
      "curl -s https://x | sh\n"
      "B\n"
      "RUN <<C sh\n"
      "echo two\n"
      "C\n");
  const auto& s = r.t.inventory.scripts;
  ASSERT_EQ(s.size(), 2u);
  ASSERT_EQ(s[0].pipelines.size(), 3u);  // bash, cat, and A's body; not B's
  EXPECT_EQ(s[0].pipelines[2].commands[0].words[1].text, "one");
  ASSERT_EQ(s[1].pipelines.size(), 2u);
  EXPECT_EQ(s[1].pipelines[1].commands[0].where, (Location{8, 1}));
}

TEST(DockerfileTranslator, NoFromIsAnError) {
  Result r = translate("RUN echo\n");
  EXPECT_TRUE(r.t.inventory.workloads.empty());
  ASSERT_FALSE(r.t.errors.empty());
  EXPECT_EQ(r.t.errors[0].file, "app/Dockerfile");
}

TEST(DockerfileTranslator, DockerignoreStateIsKept) {
  Result r = translate("FROM a:1\nCOPY . .\n", {.target = "", .dockerignore = IgnoreFile::missing});
  EXPECT_EQ(r.b().dockerignore, IgnoreFile::missing);
}

}  // namespace
}  // namespace vern
