#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sources/shell/docker_flags.h"
#include "sources/shell/docker_run.h"
#include "sources/shell/tokenizer.h"

namespace vern::shell {
namespace {

// Every option of `docker run --help` (Docker 28.2): long name, shorthand, and
// whether it takes a value. Written out independently of the parser's table.
struct HelpFlag {
  std::string_view name;  // with its dashes
  std::string_view shorthand;
  bool value;
};
constexpr HelpFlag k_help[] = {
    {"--add-host", "", true},
    {"--annotation", "", true},
    {"--attach", "a", true},
    {"--blkio-weight", "", true},
    {"--blkio-weight-device", "", true},
    {"--cap-add", "", true},
    {"--cap-drop", "", true},
    {"--cgroup-parent", "", true},
    {"--cgroupns", "", true},
    {"--cidfile", "", true},
    {"--cpu-count", "", true},
    {"--cpu-percent", "", true},
    {"--cpu-period", "", true},
    {"--cpu-quota", "", true},
    {"--cpu-rt-period", "", true},
    {"--cpu-rt-runtime", "", true},
    {"--cpu-shares", "c", true},
    {"--cpus", "", true},
    {"--cpuset-cpus", "", true},
    {"--cpuset-mems", "", true},
    {"--detach", "d", false},
    {"--detach-keys", "", true},
    {"--device", "", true},
    {"--device-cgroup-rule", "", true},
    {"--device-read-bps", "", true},
    {"--device-read-iops", "", true},
    {"--device-write-bps", "", true},
    {"--device-write-iops", "", true},
    {"--disable-content-trust", "", false},
    {"--dns", "", true},
    {"--dns-option", "", true},
    {"--dns-search", "", true},
    {"--domainname", "", true},
    {"--entrypoint", "", true},
    {"--env", "e", true},
    {"--env-file", "", true},
    {"--expose", "", true},
    {"--gpus", "", true},
    {"--group-add", "", true},
    {"--health-cmd", "", true},
    {"--health-interval", "", true},
    {"--health-retries", "", true},
    {"--health-start-interval", "", true},
    {"--health-start-period", "", true},
    {"--health-timeout", "", true},
    {"--help", "", false},
    {"--hostname", "h", true},
    {"--init", "", false},
    {"--interactive", "i", false},
    {"--io-maxbandwidth", "", true},
    {"--io-maxiops", "", true},
    {"--ip", "", true},
    {"--ip6", "", true},
    {"--ipc", "", true},
    {"--isolation", "", true},
    {"--kernel-memory", "", true},
    {"--label", "l", true},
    {"--label-file", "", true},
    {"--link", "", true},
    {"--link-local-ip", "", true},
    {"--log-driver", "", true},
    {"--log-opt", "", true},
    {"--mac-address", "", true},
    {"--memory", "m", true},
    {"--memory-reservation", "", true},
    {"--memory-swap", "", true},
    {"--memory-swappiness", "", true},
    {"--mount", "", true},
    {"--name", "", true},
    {"--network", "", true},
    {"--network-alias", "", true},
    {"--no-healthcheck", "", false},
    {"--oom-kill-disable", "", false},
    {"--oom-score-adj", "", true},
    {"--pid", "", true},
    {"--pids-limit", "", true},
    {"--platform", "", true},
    {"--privileged", "", false},
    {"--publish", "p", true},
    {"--publish-all", "P", false},
    {"--pull", "", true},
    {"--quiet", "q", false},
    {"--read-only", "", false},
    {"--restart", "", true},
    {"--rm", "", false},
    {"--runtime", "", true},
    {"--security-opt", "", true},
    {"--shm-size", "", true},
    {"--sig-proxy", "", false},
    {"--stop-signal", "", true},
    {"--stop-timeout", "", true},
    {"--storage-opt", "", true},
    {"--sysctl", "", true},
    {"--tmpfs", "", true},
    {"--tty", "t", false},
    {"--ulimit", "", true},
    {"--use-api-socket", "", false},
    {"--user", "u", true},
    {"--userns", "", true},
    {"--uts", "", true},
    {"--volume", "v", true},
    {"--volume-driver", "", true},
    {"--volumes-from", "", true},
    {"--workdir", "w", true},
};

std::optional<Launch> launch(std::string_view text) {
  auto ps = tokenize(text);
  if (ps.empty() || ps[0].commands.empty()) return std::nullopt;
  return parse_launch(ps[0].commands[0], "run.sh");
}

std::vector<std::string> issues(const Launch& l) {
  std::vector<std::string> out;
  for (const CommandIssue& i : l.issues) out.push_back(i.message);
  return out;
}

TEST(DockerRunFlags, EveryHelpFlagIsParsedWithItsArity) {
  for (const HelpFlag& f : k_help) {
    SCOPED_TRACE(f.name);
    if (f.name == "--help") continue;  // starts nothing: DockerRunRecognition.HelpStartsNothing
    std::string flag(f.name);
    std::string cmd = "docker run " + flag + (f.value ? " v1 " : " ") + "img:1 --not-a-flag";
    auto l = launch(cmd);
    ASSERT_TRUE(l);
    EXPECT_EQ(issues(*l), std::vector<std::string>{});
    EXPECT_EQ(l->workload.containers[0].image.value.text, "img:1");
    if (f.value) {  // --flag=value
      auto eq = launch("docker run " + flag + "=v1 img:1");
      EXPECT_EQ(issues(*eq), std::vector<std::string>{});
      EXPECT_EQ(eq->workload.containers[0].image.value.text, "img:1");
    }
    if (!f.shorthand.empty()) {
      auto s =
          launch("docker run -" + std::string(f.shorthand) + (f.value ? " v1 " : " ") + "img:1");
      EXPECT_EQ(issues(*s), std::vector<std::string>{});
      EXPECT_EQ(s->workload.containers[0].image.value.text, "img:1");
    }
  }
}

TEST(DockerRunFlags, TableMatchesTheHelpText) {
  for (const HelpFlag& f : k_help) {
    const FlagSpec* spec = find_long_flag(f.name.substr(2), Engine::docker, false);
    ASSERT_NE(spec, nullptr) << f.name;
    EXPECT_EQ(spec->takes_value, f.value) << f.name;
    if (!f.shorthand.empty()) {
      EXPECT_EQ(find_short_flag(f.shorthand[0], Engine::docker, false), spec);
    }
  }
}

TEST(DockerRunFlags, HiddenAliasesAreAccepted) {
  auto l = launch("docker run --net=host --net-alias a --dns-opt ndots:1 img");
  EXPECT_EQ(issues(*l), std::vector<std::string>{});
  EXPECT_TRUE(l->workload.host_network.is(true));
}

TEST(DockerRunFlags, CreateRejectsRunOnlyFlags) {
  EXPECT_EQ(issues(*launch("docker create -d img")),
            std::vector<std::string>{"unknown shorthand flag: 'd' in -d"});
  EXPECT_EQ(issues(*launch("docker container run -d img")), std::vector<std::string>{});
}

TEST(DockerRunFlags, UnknownFlagIsAnIssueAtTheFlag) {
  auto l = launch("docker run --d -p 80:80 nginx");
  ASSERT_EQ(l->issues.size(), 1u);
  EXPECT_EQ(l->issues[0].message, "unknown flag: --d");
  EXPECT_EQ(l->issues[0].where, (Location{1, 12}));
  EXPECT_EQ(l->issues[0].file, "run.sh");
}

TEST(DockerRunFlags, MissingValueAndMissingImageAreIssues) {
  EXPECT_EQ(issues(*launch("docker run --name")),
            (std::vector<std::string>{"flag needs an argument: --name"}));
  auto no_image = launch("docker run --rm --privileged");
  EXPECT_EQ(issues(*no_image),
            (std::vector<std::string>{"docker run requires at least 1 argument (the image)"}));
  EXPECT_FALSE(no_image->starts_container);
  EXPECT_EQ(issues(*launch("docker run --rm=maybe img")),
            std::vector<std::string>{"invalid argument \"maybe\" for --rm: not a boolean"});
}

TEST(DockerRunFlags, CombinedShortFlags) {
  auto l = launch("docker run -itdp 8080:80 -uroot -e=A=1 nginx:1.25 sh -c 'echo --privileged'");
  EXPECT_EQ(issues(*l), std::vector<std::string>{});
  const Container& c = l->workload.containers[0];
  ASSERT_EQ(c.ports.size(), 1u);
  EXPECT_EQ(c.ports[0].container_first, 80);
  EXPECT_TRUE(c.user.is("root"));
  ASSERT_EQ(c.env.size(), 1u);
  EXPECT_EQ(c.env[0].name, "A");
  EXPECT_EQ(c.image.value.text, "nginx:1.25");
  EXPECT_TRUE(c.privileged.is_absent());  // after the image: the container's command
}

TEST(DockerRunFlags, PodmanAcceptsItsOwnFlagsAndForgivesUnknownOnes) {
  auto l = launch("podman run --pod web --userns=keep-id --some-new-flag img");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->kind, "podman run");
  EXPECT_EQ(issues(*l), std::vector<std::string>{});
  EXPECT_EQ(l->workload.containers[0].image.value.text, "img");
  EXPECT_FALSE(launch("docker run --pod web img")->issues.empty());
}

TEST(DockerRunFlags, AVariableBeforeMoreFlagsHoldsOptionsNotTheImage) {
  auto l = launch("docker run $DOCKER_OPTS --privileged -p 80:80 nginx:latest echo hi");
  ASSERT_TRUE(l);
  EXPECT_EQ(issues(*l), std::vector<std::string>{});
  EXPECT_TRUE(l->workload.partial);
  const Container& c = l->workload.containers[0];
  EXPECT_TRUE(c.privileged.is(true));
  EXPECT_EQ(c.ports.size(), 1u);
  EXPECT_TRUE(c.image.is_literal());
  EXPECT_EQ(c.image.value.text, "nginx:latest");

  auto array = launch(R"(docker run "${ARGS[@]}" --read-only app:1)");
  EXPECT_TRUE(array->workload.containers[0].read_only_rootfs.is(true));
  EXPECT_EQ(array->workload.containers[0].image.value.text, "app:1");

  auto image_var = launch("docker run --rm $IMAGE --verbose");
  EXPECT_FALSE(image_var->workload.partial);  // the variable is the image; then its command
  EXPECT_TRUE(image_var->workload.containers[0].image.is_dynamic());

  EXPECT_TRUE(launch(R"(exec docker run --rm "$@")")->workload.partial);
}

TEST(DockerRunRecognition, HelpStartsNothing) {
  EXPECT_FALSE(launch("docker run --help"));
  EXPECT_FALSE(launch("docker container run --rm --help"));
  EXPECT_TRUE(launch("docker run img --help"));  // the container's own argument
}

TEST(DockerRunRecognition, CommandForms) {
  EXPECT_TRUE(launch("docker run x"));
  EXPECT_TRUE(launch("docker container run x"));
  EXPECT_TRUE(launch("docker create x"));
  EXPECT_TRUE(launch("docker container create x"));
  EXPECT_TRUE(launch("podman create x"));
  EXPECT_TRUE(launch("sudo docker run x"));
  EXPECT_TRUE(launch("/usr/bin/docker -H tcp://h:2376 --tlsverify run x"));
  EXPECT_TRUE(launch("docker --context prod run x"));
  EXPECT_FALSE(launch("docker ps"));
  EXPECT_FALSE(launch("docker compose run web"));
  EXPECT_FALSE(launch("echo docker run x"));
  EXPECT_FALSE(launch("docker exec x run"));
}

}  // namespace
}  // namespace vern::shell
