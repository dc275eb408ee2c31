// The flags of `docker run` / `docker create` (Docker CLI 20.10 to 28, including
// the hidden aliases the CLI still accepts) and the extra flags of
// `podman run`, with whether each takes a value.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace vern::shell {

// Flags whose value the translator maps into the model; others are only
// recognised (so their value is skipped and the image is found).
enum class FlagId : std::uint8_t {
  other,
  cap_add,
  cap_drop,
  cpu_quota,
  cpus,
  detach,
  env,
  expose,
  ipc,
  memory,
  mount,
  name,
  network,
  pid,
  pids_limit,
  privileged,
  publish,
  publish_all,
  read_only,
  security_opt,
  tmpfs,
  use_api_socket,
  user,
  userns,
  volume,
};

enum class Engine : std::uint8_t { docker, podman };

struct FlagSpec {
  std::string_view name;  // long name without dashes
  char shorthand;         // '\0' when none
  bool takes_value;
  FlagId id = FlagId::other;
  bool podman_only = false;
  bool run_only = false;  // not accepted by `docker create`
};

// Every known flag, for the table-driven tests.
std::span<const FlagSpec> run_flags();

// The flag named `name` (long, without dashes) that `engine` accepts, or nullptr.
const FlagSpec* find_long_flag(std::string_view name, Engine engine, bool create);
// The flag with this one-letter shorthand, or nullptr.
const FlagSpec* find_short_flag(char shorthand, Engine engine, bool create);

}  // namespace vern::shell
