// Host path classification shared by the mount rules, so that a path is
// reported by exactly one of container-socket-mount and sensitive-host-mount,
// and the PersistentVolume check both of them run.
// Follows the host path conventions of the catalog: `~` is the user's home,
// a path holding `$` is unknown, relative paths are project folders.
#pragma once

#include <string>
#include <string_view>

#include "rules/rule.h"

namespace vern {

enum class HostPathKind {
  unknown,    // holds a variable: no finding either way
  socket,     // a container engine socket, or /run, /var/run (which hold them)
  sensitive,  // /, /home, /root, ~ exactly; /etc, /proc, /sys, /dev, /boot,
              // /var/lib/docker, /var/lib/kubelet, /lib/modules and below
  other,
};

// Removes duplicate slashes, `.` segments and a trailing slash, and resolves
// `..` in an absolute path ("/var//run/" -> "/var/run", "/a/../etc" -> "/etc").
// Relative paths and `~` paths keep their first segment.
std::string normalize_host_path(std::string_view path);

HostPathKind classify_host_path(std::string_view path);

// True iff `path` names a container engine socket file (`.../docker.sock`).
bool names_engine_socket(std::string_view path);

// Reports, as `info`, each PersistentVolume whose hostPath is of `kind`:
// every pod that claims such a volume mounts that host path.
void check_persistent_volumes(const RuleInfo& info, HostPathKind kind, const Inventory& inventory,
                              FindingSink& out);

}  // namespace vern
