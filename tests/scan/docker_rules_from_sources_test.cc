// The catalog's rules on what the Dockerfile, script, CI and daemon.json
// translators build: the tricky spellings end to end, through format
// detection, without the scan driver.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/catalog.h"
#include "sources/detect.h"

namespace vern {
namespace {

Inventory translate(std::string_view path, std::string_view text) {
  Translation t = translate_file(path, text, /*explicit_path=*/true);
  EXPECT_TRUE(t.recognised) << path;
  for (const Error& e : t.errors) ADD_FAILURE() << e.to_string();
  return t.inventory;
}

// "line:column: message" of every finding of rule `slug`.
std::vector<std::string> findings(std::string_view slug, const Inventory& inv) {
  const Rule* rule = find_rule(slug);
  EXPECT_NE(rule, nullptr) << slug;
  if (!rule) return {};
  FindingList out;
  rule->check(inv, RuleOptions{}, out);
  std::vector<std::string> lines;
  for (const Finding& f : out.findings()) {
    lines.push_back(std::to_string(f.where.line) + ":" + std::to_string(f.where.column) + ": " +
                    f.message);
  }
  return lines;
}

using Lines = std::vector<std::string>;

TEST(DockerfileRules, MultiStageUserAndImages) {
  Inventory inv = translate("svc/Dockerfile",
                            "ARG GO=1.22\n"
                            "FROM golang:${GO} AS build\n"
                            "USER 1000\n"
                            "FROM build AS test\n"
                            "FROM alpine AS final\n"
                            "EXPOSE 80\n");
  EXPECT_EQ(findings("root-user", inv).size(), 1u);
  EXPECT_EQ(findings("root-user", inv)[0].substr(0, 4), "5:1:");
  Lines latest = findings("image-latest-tag", inv);
  ASSERT_EQ(latest.size(), 1u);  // alpine; golang:1.22 has a tag; `build` is a stage
  EXPECT_EQ(latest[0].substr(0, 4), "5:6:");
  EXPECT_EQ(findings("image-not-pinned", inv).size(), 2u);
  EXPECT_EQ(findings("privileged-port", inv).size(), 1u);
}

TEST(DockerfileRules, UnresolvedBaseImageIsReportedNotGuessed) {
  Inventory inv = translate("Dockerfile",
                            "ARG BASE\n"
                            "ARG REGISTRY\n"
                            "FROM ${BASE} AS build\n"
                            "FROM ${REGISTRY}/app@sha256:"
                            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
                            "USER 10001\n");
  // Only the file's own guarantee is reported: nothing pins ${BASE}; the
  // digest written after ${REGISTRY} pins the final image whatever it holds.
  EXPECT_EQ(findings("image-not-pinned", inv),
            Lines{"3:6: image \"${BASE}\" is not resolved here (a build argument without a "
                  "default), so nothing pins it by digest"});
  // Tag rules do not guess what the variable holds.
  EXPECT_EQ(findings("image-latest-tag", inv), Lines{});
}

TEST(DockerfileRules, StageFromEarlierStageKeepsItsUser) {
  Inventory inv = translate("Dockerfile",
                            "FROM node:20.11-slim AS base\nUSER node\nFROM base\nCOPY app /app\n");
  EXPECT_EQ(findings("root-user", inv), Lines{});
  EXPECT_EQ(findings("image-latest-tag", inv), Lines{});
}

TEST(DockerfileRules, MissingSettingsOfAStageBuiltFromAnotherPointAtItsOwnFrom) {
  Inventory inv = translate("Dockerfile",
                            "FROM node:20.11 AS base\n"
                            "RUN npm ci\n"
                            "FROM base AS final\n"
                            "CMD [\"node\", \"app.js\"]\n");
  EXPECT_EQ(findings("root-user", inv),
            (Lines{"3:1: Dockerfile \"final\" runs as root: user not set here"}));
  Lines health = findings("no-healthcheck", inv);
  ASSERT_EQ(health.size(), 1u);
  EXPECT_EQ(health[0].substr(0, 4), "3:1:");
}

TEST(DockerfileRules, SecretEnvInAStageTheImageDoesNotComeFrom) {
  Inventory inv = translate("Dockerfile",
                            "FROM golang:1.22 AS build\n"
                            "ENV GITHUB_TOKEN=ghp_abc123 GOFLAGS=-mod=mod\n"
                            "FROM golang:1.22 AS test\n"
                            "ENV DB_URL=postgres://app:pw@db/app\n"
                            "FROM alpine:3.19\n"
                            "ENV API_KEY=k-123\n"
                            "COPY --from=build /out /app\n");
  EXPECT_EQ(
      findings("secret-in-env", inv),
      (Lines{"6:5: Dockerfile \"Dockerfile\": environment variable API_KEY holds a literal value",
             "2:5: Dockerfile stage \"build\": environment variable GITHUB_TOKEN holds a "
             "literal value",
             "4:5: Dockerfile stage \"test\": environment variable DB_URL holds a URL with a "
             "password"}));
  for (const std::string& line : findings("secret-in-env", inv)) {
    EXPECT_EQ(line.find("ghp_abc123"), std::string::npos);
    EXPECT_EQ(line.find("k-123"), std::string::npos);
  }
}

TEST(DockerfileRules, SecretEnvOfAnAncestorStageIsReportedOnce) {
  Inventory inv = translate("Dockerfile",
                            "FROM python:3.12 AS base\n"
                            "ENV DJANGO_SECRET_KEY=abc\n"
                            "FROM base AS app\n"
                            "FROM base AS 2nd\n");
  // Built: the last stage, from `base`; `app` sets nothing of its own.
  EXPECT_EQ(findings("secret-in-env", inv).size(), 1u);
}

TEST(DockerfileRules, ASecretEnvSetAgainLaterIsStillReported) {
  Inventory inv = translate("Dockerfile",
                            "FROM alpine:3.19 AS base\n"
                            "ENV DB_PASSWORD=hunter2\n"
                            "FROM base\n"
                            "ENV DB_PASSWORD=\"\"\n"
                            "ENV API_TOKEN=one\n"
                            "ENV API_TOKEN=two\n"
                            "USER 1000\n");
  EXPECT_EQ(findings("secret-in-env", inv),
            (Lines{"6:5: Dockerfile \"Dockerfile\": environment variable API_TOKEN holds a "
                   "literal value",
                   "2:5: Dockerfile stage \"base\": environment variable DB_PASSWORD holds a "
                   "literal value (set again later, but kept in the image history)",
                   "5:5: Dockerfile stage 1: environment variable API_TOKEN holds a literal "
                   "value (set again later, but kept in the image history)"}));
}

TEST(DockerfileRules, OnbuildSecretsAreThisFilesFindings) {
  Inventory inv = translate("Dockerfile",
                            "FROM alpine:3.19\n"
                            "ONBUILD ENV API_TOKEN=abc123 MODE=prod\n"
                            "ONBUILD ARG NPM_TOKEN\n"
                            "USER 10001\n");
  EXPECT_EQ(findings("secret-in-env", inv),
            (Lines{"2:13: Dockerfile stage 0: ONBUILD ENV API_TOKEN holds a literal value (set in "
                   "every image built FROM this one)"}));
  EXPECT_EQ(findings("secret-in-build-arg", inv),
            (Lines{"3:13: ONBUILD ARG NPM_TOKEN looks like a secret: build arguments are kept in "
                   "the image history"}));
}

TEST(DockerfileRules, PowerShellDownloadsAreRead) {
  Inventory inv =
      translate("Dockerfile",
                "FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\n"
                "RUN curl -fsSL https://x/install.ps1 | pwsh -\n"
                "RUN pwsh -Command \"iwr https://x/install.ps1 | iex\"\n"
                "SHELL [\"powershell\", \"-Command\"]\n"
                "RUN iex ((New-Object System.Net.WebClient).DownloadString('https://x'))\n"
                "RUN Invoke-WebRequest https://x -OutFile a.ps1\n"
                "USER 10001\n");
  EXPECT_EQ(findings("pipe-to-shell", inv).size(), 3u);
}

TEST(DockerfileRules, OnbuildTriggersDownloadsAreThisFilesFindings) {
  Inventory inv = translate("Dockerfile",
                            "FROM alpine:3.19\n"
                            "ONBUILD RUN curl -fsSL https://x.io/i.sh | sh\n"
                            "ONBUILD ADD https://x.io/a.tgz /opt/\n"
                            "ONBUILD ADD . /src\n"
                            "ONBUILD COPY . /app\n"
                            "USER 10001\n");
  EXPECT_EQ(findings("pipe-to-shell", inv),
            Lines{"2:13: curl output is piped into sh: a downloaded script runs unverified"});
  EXPECT_EQ(findings("remote-add", inv),
            Lines{"3:13: ADD downloads https://x.io/a.tgz without a checksum"});
  // The child build's context, not this file's.
  EXPECT_EQ(findings("copy-whole-context", inv), Lines{});
}

TEST(DockerfileRules, RunCommandsAreReadAsCommands) {
  Inventory inv = translate("Containerfile",
                            "FROM debian:12\n"
                            "RUN apt-get update && apt-get install -y sudo curl \\\n"
                            "    && update-ca-certificates\n"
                            "RUN curl -fsSL https://get.example.com \\\n"
                            "    | sudo sh -s -- --yes\n"
                            "ADD https://example.com/a.tgz /opt/\n"
                            "ARG GITHUB_TOKEN\n"
                            "ENV DB_PASSWORD=hunter2 DB_PASSWORD_FILE=/run/secrets/db\n"
                            "USER 10001\n");
  EXPECT_EQ(findings("pipe-to-shell", inv),
            Lines{"4:5: curl output is piped into sh: a downloaded script runs unverified"});
  EXPECT_EQ(findings("remote-add", inv),
            Lines{"6:5: ADD downloads https://example.com/a.tgz without a checksum"});
  EXPECT_EQ(findings("secret-in-build-arg", inv).size(), 1u);
  EXPECT_EQ(findings("secret-in-env", inv).size(), 1u);
  EXPECT_EQ(findings("root-user", inv), Lines{});
}

TEST(ScriptRules, DockerRunLinesInAScript) {
  Inventory inv = translate("deploy.sh",
                            "#!/bin/sh\n"
                            "IMAGE=registry.example.com/app:1.4\n"
                            "docker run -d --name app \\\n"
                            "  -p 5432:5432 -p 127.0.0.1:8080:8080 \\\n"
                            "  -v /var/run/docker.sock:/var/run/docker.sock \\\n"
                            "  --privileged -e API_TOKEN=abc \"$IMAGE\" --serve\n"
                            "docker run --d nginx\n");
  EXPECT_EQ(findings("privileged", inv).size(), 1u);
  EXPECT_EQ(findings("privileged", inv)[0].substr(0, 5), "6:3: ");
  EXPECT_EQ(findings("exposed-database-port", inv).size(), 1u);
  EXPECT_EQ(findings("container-socket-mount", inv).size(), 1u);
  EXPECT_EQ(findings("secret-in-env", inv).size(), 1u);
  EXPECT_EQ(findings("invalid-command", inv), Lines{"7:12: unknown flag: --d"});
  Lines root = findings("root-user", inv);
  ASSERT_EQ(root.size(), 2u);
  EXPECT_EQ(root[0].substr(0, 4), "3:1:");
  EXPECT_EQ(findings("image-latest-tag", inv).size(), 1u);  // nginx; $IMAGE is known
}

TEST(ScriptRules, DownloadsFedToAShellThroughItsStandardInput) {
  Inventory inv = translate("install.sh",
                            "#!/bin/bash\n"
                            "source /dev/stdin <<< \"$(curl -fsSL https://get.example.com/env)\"\n"
                            "bash <<< \"$(wget -qO- https://get.example.com/setup)\"\n"
                            "curl -fsSL https://get.example.com/x | . /dev/stdin\n"
                            "curl -fsSL https://get.example.com/y | bash /dev/stdin --yes\n"
                            "cat <<< \"$(curl -fsSL https://get.example.com/motd)\"\n"
                            "bash <<< \"echo hi\"\n"
                            "source ./env.sh\n"
                            "curl -fsSL https://get.example.com/z | bash ./local.sh\n");
  EXPECT_EQ(findings("pipe-to-shell", inv),
            (Lines{"2:1: source runs a download given as a here-string: a downloaded script runs "
                   "unverified",
                   "3:1: bash runs a download given as a here-string: a downloaded script runs "
                   "unverified",
                   "4:1: curl output is piped into .: a downloaded script runs unverified",
                   "5:1: curl output is piped into bash: a downloaded script runs unverified"}));
}

TEST(ScriptRules, DockerRunInAHereDocumentRunOnAnotherHost) {
  Inventory inv = translate("deploy.sh",
                            "#!/bin/sh\n"
                            "ssh deploy@prod.example.com <<'EOF'\n"
                            "  docker run -d --privileged registry.example.com/app:1.4\n"
                            "EOF\n"
                            "cat > notes.txt <<EOF\n"
                            "docker run --privileged is not run here\n"
                            "EOF\n");
  EXPECT_EQ(findings("privileged", inv).size(), 1u);
  EXPECT_EQ(findings("privileged", inv).at(0).substr(0, 5), "3:17:");
}

TEST(ScriptRules, GitLabFilesPulledInByIncludeAreGitLabCi) {
  const char* job =
      "build:\n"
      "  script:\n"
      "    - docker run --rm --privileged docker:24-dind\n";
  for (std::string_view path : {".gitlab-ci.yml", "ci/build.gitlab-ci.yml", ".gitlab/ci/build.yml",
                                "x/.gitlab/ci/a.yaml"}) {
    EXPECT_EQ(findings("privileged", translate(path, job)).size(), 1u) << path;
  }
  EXPECT_FALSE(translate_file("ci/build.yml", job, /*explicit_path=*/false).recognised);
}

TEST(ScriptRules, CompositeActionsRunStepsAreReadFromActionYml) {
  const char* action =
      "name: integration\n"
      "runs:\n"
      "  using: composite\n"
      "  steps:\n"
      "    - run: docker run --rm --privileged ${{ inputs.image }}\n"
      "      shell: bash\n"
      "    - run: docker run --privileged x:1\n"
      "      shell: pwsh\n";
  for (std::string_view path : {"action.yml", "actions/build/action.yaml"}) {
    std::vector<std::string> got = findings("privileged", translate(path, action));
    ASSERT_EQ(got.size(), 1u) << path;
    EXPECT_EQ(got[0].substr(0, 5), "5:28:");
  }
  EXPECT_FALSE(translate_file("actions.yml", action, /*explicit_path=*/false).recognised);
}

TEST(ScriptRules, XargsDockerRunGetsItsImageFromTheInput) {
  Inventory inv = translate("prune.sh",
                            "cat images.txt | xargs -n1 docker run --rm --privileged\n"
                            "ls | xargs -r docker run --pid=host alpine:3.19 echo\n"
                            "ls | xargs -I{} docker run --ipc=host {}\n");
  // The first line's container starts with what the input adds: the image
  // and perhaps more options, so what is not written is unknown (partial).
  ASSERT_EQ(inv.workloads.size(), 2u);
  EXPECT_TRUE(inv.workloads[0].partial);
  EXPECT_TRUE(inv.workloads[0].containers.at(0).image.is_dynamic());
  EXPECT_EQ(findings("privileged", inv).size(), 1u);
  EXPECT_TRUE(findings("invalid-command", inv).empty());
  // The second line is written out whole: the input is the container's command.
  EXPECT_FALSE(inv.workloads[1].partial);
  EXPECT_EQ(findings("host-pid", inv).size(), 1u);
  // `-I {}` places the input anywhere: xargs is the program, not docker.
  EXPECT_TRUE(findings("host-ipc", inv).empty());
}

TEST(ScriptRules, MarkdownIndentedCodeBlocksGiveTheirDockerLines) {
  Inventory md = translate("README.md",
                           "# App\n"
                           "\n"
                           "    docker run --privileged nginx:1.25\n"
                           "    echo done\n"
                           "\n"
                           "1. Then:\n"
                           "\n"
                           "       $ docker run --pid=host \\\n"
                           "           alpine:3.19\n"
                           "       output\n"
                           "\n"
                           "A paragraph\n"
                           "    docker run --ipc=host x:1\n");
  EXPECT_EQ(findings("privileged", md),
            Lines{"3:16: docker run \"nginx:1.25\" runs in privileged mode"});
  ASSERT_EQ(findings("host-pid", md).size(), 1u);
  EXPECT_EQ(findings("host-pid", md)[0].substr(0, 6), "8:21: ");
  // An indented line right after text continues the paragraph: not code.
  EXPECT_EQ(findings("host-ipc", md), Lines{});
}

TEST(ScriptRules, WorkflowAndMarkdown) {
  Inventory wf = translate(".github/workflows/ci.yml",
                           "on: push\n"
                           "jobs:\n"
                           "  test:\n"
                           "    runs-on: ubuntu-latest\n"
                           "    steps:\n"
                           "      - run: |\n"
                           "          echo start\n"
                           "          docker run --rm --net=host ${{ env.IMAGE }} make test\n");
  EXPECT_EQ(findings("host-network", wf).size(), 1u);
  EXPECT_EQ(findings("host-network", wf)[0].substr(0, 6), "8:27: ");
  Inventory md =
      translate("README.md",
                "# App\n\n```console\n$ docker run -it --pid=host busybox:1.36\nok\n```\n"
                "```python\ndocker run --privileged x\n```\n");
  EXPECT_EQ(findings("host-pid", md).size(), 1u);
  EXPECT_EQ(findings("privileged", md), Lines{});
}

TEST(DaemonJsonRules, TcpWithoutTlsAndDefaults) {
  Inventory inv =
      translate("etc/docker/daemon.json",
                "{\n  \"hosts\": [\"unix:///var/run/docker.sock\", "
                "\"tcp://0.0.0.0:2375\"],\n  \"icc\": false,\n  \"live-restore\": true\n}\n");
  EXPECT_EQ(findings("docker-api-exposed", inv).size(), 1u);
  EXPECT_EQ(findings("docker-api-exposed", inv)[0].substr(0, 5), "2:44:");
  EXPECT_EQ(findings("inter-container-communication", inv), Lines{});
  EXPECT_EQ(findings("live-restore-disabled", inv), Lines{});
  EXPECT_EQ(findings("userns-remap-disabled", inv).size(), 1u);
  EXPECT_EQ(findings("no-new-privileges-default", inv).size(), 1u);
}

}  // namespace
}  // namespace vern
