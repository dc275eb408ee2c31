#include "sources/shell/extract.h"

#include <gtest/gtest.h>

namespace vern {
namespace {

const Container& only_container(const Translation& t) {
  EXPECT_EQ(t.inventory.workloads.size(), 1u);
  return t.inventory.workloads.at(0).containers.at(0);
}

TEST(ShellScriptExtract, ShebangDetection) {
  EXPECT_TRUE(has_shell_shebang("#!/bin/sh\n"));
  EXPECT_TRUE(has_shell_shebang("#!/usr/bin/env bash\necho"));
  EXPECT_TRUE(has_shell_shebang("#!/usr/bin/env -S bash -e\n"));
  EXPECT_FALSE(has_shell_shebang("#!/usr/bin/env python3\n"));
  EXPECT_FALSE(has_shell_shebang("echo hi\n"));
}

TEST(ShellScriptExtract, ScriptRecordsCommandsAndLaunches) {
  Translation t = translate_shell_script("run.sh", "curl -s x | sh\ndocker run -u 1000 app:1\n");
  ASSERT_EQ(t.inventory.scripts.size(), 1u);
  EXPECT_EQ(t.inventory.scripts[0].surface, Surface::run);
  EXPECT_EQ(t.inventory.scripts[0].pipelines.size(), 2u);
  EXPECT_TRUE(only_container(t).user.is("1000"));
  EXPECT_EQ(t.inventory.workloads[0].where, (Location{2, 1}));
}

TEST(MakefileExtract, RecipesWithMakeVariables) {
  Translation t = translate_makefile("Makefile",
                                     "IMAGE := app\n"
                                     "TAG ?= 1.2\n"
                                     "run: build\n"
                                     "\t@echo go\n"
                                     "\t-docker run --rm -u $(USER_ID) \\\n"
                                     "\t  -e HOME=$$HOME -e A='$(SECRET)' $(IMAGE):${TAG}\n");
  const Container& c = only_container(t);
  EXPECT_EQ(c.image.value.text, "app:1.2");
  EXPECT_TRUE(c.image.is_literal());
  EXPECT_TRUE(c.user.is_dynamic());
  ASSERT_EQ(c.env.size(), 2u);
  EXPECT_TRUE(c.env[0].value.is_dynamic());
  EXPECT_TRUE(c.env[1].value.is_dynamic());  // a Make variable, even inside shell quotes
  EXPECT_EQ(t.inventory.workloads[0].where, (Location{5, 3}));
  EXPECT_EQ(c.env[0].where, (Location{6, 4}));  // the -e flag
}

TEST(MakefileExtract, NonRecipeLinesAreNotCommands) {
  Translation t = translate_makefile("Makefile", "docker run --privileged x\nall:\n");
  EXPECT_TRUE(t.inventory.workloads.empty());
}

TEST(GithubActionsExtract, RunStepsWithExpressions) {
  Translation t = translate_github_actions(
      ".github/workflows/ci.yml",
      "jobs:\n"
      "  a:\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - run: docker run -e TOKEN='${{ secrets.TOKEN }}' ${{ env.IMAGE }}\n"
      "      - shell: pwsh\n"
      "        run: docker run --privileged x\n"
      "      - run: |\n"
      "          echo a\n"
      "\n"
      "          docker create --pid=host y:1\n");
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.inventory.workloads.size(), 2u);
  const Container& first = t.inventory.workloads[0].containers[0];
  ASSERT_EQ(first.env.size(), 1u);
  EXPECT_TRUE(first.env[0].value.is_dynamic());
  EXPECT_TRUE(first.image.is_dynamic());
  EXPECT_EQ(t.inventory.workloads[0].label(), "docker run ${{ env.IMAGE }}");
  EXPECT_EQ(t.inventory.workloads[0].where, (Location{5, 14}));
  const Workload& second = t.inventory.workloads[1];
  EXPECT_EQ(second.kind, "docker create");
  EXPECT_EQ(second.where, (Location{11, 11}));
  EXPECT_TRUE(second.host_pid.is(true));
}

TEST(GithubActionsExtract, FoldedAndPlainMultiLineStepsKeepTheirLines) {
  Translation t = translate_github_actions(".github/workflows/ci.yml",
                                           "jobs:\n"
                                           "  a:\n"
                                           "    runs-on: ubuntu-latest\n"
                                           "    steps:\n"
                                           "      - run: >\n"
                                           "          docker run\n"
                                           "          --ipc host\n"
                                           "          ${{ env.IMAGE }}\n"
                                           "      - run: docker run\n"
                                           "          --pid=host b:1\n"
                                           "      - run: >-\n"
                                           "          echo a\n"
                                           "\n"
                                           "          docker create --privileged c:1\n");
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.inventory.workloads.size(), 3u);
  const Workload& folded = t.inventory.workloads[0];
  EXPECT_EQ(folded.where, (Location{6, 11}));
  EXPECT_TRUE(folded.host_ipc.is(true));
  EXPECT_EQ(folded.host_ipc.where, (Location{7, 11}));
  EXPECT_TRUE(folded.containers[0].image.is_dynamic());
  EXPECT_EQ(folded.containers[0].image.where, (Location{8, 11}));
  const Workload& plain = t.inventory.workloads[1];
  EXPECT_EQ(plain.where, (Location{9, 14}));
  EXPECT_EQ(plain.host_pid.where, (Location{10, 11}));
  // A blank line in folded text is a newline: `echo a` and the launch are two commands.
  const Workload& create = t.inventory.workloads[2];
  EXPECT_EQ(create.kind, "docker create");
  EXPECT_EQ(create.where, (Location{14, 11}));
  EXPECT_TRUE(create.containers[0].privileged.is(true));
}

TEST(GitlabCiExtract, ScriptsOfEveryJob) {
  Translation t = translate_gitlab_ci(".gitlab-ci.yml",
                                      "stages: [test]\n"
                                      "default:\n"
                                      "  before_script:\n"
                                      "    - docker run --rm a:1 true\n"
                                      "test:\n"
                                      "  script:\n"
                                      "    - echo hi\n"
                                      "    - - docker run --network=host b:1\n"
                                      "  after_script: \"docker run -m 1g c:1\"\n");
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.inventory.workloads.size(), 3u);
  EXPECT_EQ(t.inventory.workloads[0].where, (Location{4, 7}));
  EXPECT_TRUE(t.inventory.workloads[1].host_network.is(true));
  EXPECT_EQ(t.inventory.workloads[2].where, (Location{9, 18}));
  EXPECT_EQ(t.inventory.scripts[1].object, "GitLab CI job test");
}

TEST(MarkdownExtract, ShellBlocksWithPrompts) {
  Translation t = translate_markdown("README.md",
                                     "Intro\n"
                                     "```bash\n"
                                     "docker run -d a:1\n"
                                     "```\n"
                                     "```console\n"
                                     "$ docker run \\\n"
                                     "    --privileged b:1\n"
                                     "docker run --privileged not-a-command\n"
                                     "```\n"
                                     "```yaml\n"
                                     "run: docker run c\n"
                                     "```\n"
                                     "  ~~~sh\n"
                                     "  podman run d:1\n"
                                     "  ~~~\n");
  ASSERT_EQ(t.inventory.workloads.size(), 3u);
  EXPECT_EQ(t.inventory.workloads[0].where, (Location{3, 1}));
  EXPECT_EQ(t.inventory.workloads[1].where, (Location{6, 3}));
  EXPECT_TRUE(t.inventory.workloads[1].containers[0].privileged.is(true));
  EXPECT_EQ(t.inventory.workloads[2].kind, "podman run");
  EXPECT_TRUE(t.inventory.scripts.empty());  // docs are not scripts: no pipe-to-shell
}

TEST(MarkdownExtract, BlocksWithoutALanguageGiveOnlyTheirContainerCommands) {
  Translation t = translate_markdown("README.md",
                                     "```\n"
                                     "git clone https://example.com/app && cd app\n"
                                     "$ sudo docker run --net=host \\\n"
                                     "    -d a:1\n"
                                     "Unable to find image 'a:1' locally; docker run pulls it\n"
                                     "```\n"
                                     "```text\n"
                                     "docker run --privileged b:1\n"
                                     "```\n");
  ASSERT_EQ(t.inventory.workloads.size(), 1u);
  EXPECT_EQ(t.inventory.workloads[0].where, (Location{3, 8}));
  EXPECT_TRUE(t.inventory.workloads[0].host_network.is(true));
  EXPECT_EQ(t.inventory.workloads[0].containers[0].image.value.text, "a:1");
}

}  // namespace
}  // namespace vern
