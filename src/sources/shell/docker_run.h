// docker run / docker create / podman run (and the `container` forms) parsed the
// way the docker CLI parses them (pflag: `--flag=value`, `--flag value`,
// combined short flags, flags end at the image), then mapped into a Workload of
// surface `run`. Commands the CLI would reject become CommandIssues.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/build.h"
#include "model/inventory.h"
#include "model/workload.h"

namespace vern::shell {

// The parts of a launch command, for tests and for the translator.
struct Launch {
  std::string kind;                  // "docker run", "podman create", ...
  Location where;                    // the `docker`/`podman` word
  std::vector<CommandIssue> issues;  // unknown flags, flags missing a value
  Workload workload;                 // surface run, one container
  // False when the line names no image: no container starts, so the issue is
  // the only finding and the workload is not checked.
  bool starts_container = true;
};

// Parses `cmd` when it launches a container; nullopt otherwise. `file` and
// positions are copied into the model.
std::optional<Launch> parse_launch(const ShellCommand& cmd, std::string_view file);

// Parses every launch in `pipelines`, including those inside command
// substitutions, and appends their workloads and issues to `out`.
void collect_launches(const std::vector<ShellPipeline>& pipelines, std::string_view file,
                      Inventory& out);

// Parses a `-p`/`--publish` spec ("127.0.0.1:8080:80/udp", "[::1]::80",
// "8000-8010:8000-8010"). nullopt when it is not a port spec. A word that is
// not `literal` may hold variables ("${PORT}:80", "127.0.0.1:${PORT}:80"): the
// parts written out are known, the rest unknown (0), and the spec is kept as
// written for messages; nullopt when the host address is a variable (it may
// bind anything).
std::optional<PortMapping> parse_publish(std::string_view spec, Location where,
                                         bool literal = true);

}  // namespace vern::shell
