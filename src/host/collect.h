// Host collectors: each reads a few files below a RootFs (or stats one path)
// and fills its part of HostFacts. None fails: what cannot be read stays
// unknown (empty / LsmMode::unknown) and the rules treat unknown as "no finding".
#pragma once

#include <string>
#include <vector>

#include "host/root_fs.h"
#include "model/host.h"

namespace vern::host {

// kernel_release from /proc/sys/kernel/osrelease; kernel_version from the
// distribution's package version when the release hides it (Debian's
// "#1 SMP Debian 5.10.162-1" in /proc/version, Ubuntu's
// /proc/version_signature), else the release's numeric prefix.
void collect_kernel(const RootFs& fs, HostFacts& facts);

// AppArmor (/sys/module/apparmor/parameters/enabled and the profile list) and
// SELinux (/sys/fs/selinux/enforce).
void collect_lsm(const RootFs& fs, HostFacts& facts);

// stat() of the socket at `path` (a live path, not below the RootFs); names of
// its owner and group from the RootFs's /etc/passwd and /etc/group.
void collect_socket(const RootFs& fs, const std::string& path, HostFacts& facts);

// What dockerd's command line says (the first process whose argv[0] is
// dockerd, from /proc/<pid>/cmdline).
struct DockerdCommandLine {
  bool found = false;
  int pid = 0;
  std::vector<std::string> args;   // argv[1..]
  std::string config_file;         // --config-file; empty when not given
  std::vector<std::string> hosts;  // -H / --host values
};

DockerdCommandLine find_dockerd(const RootFs& fs);

// The daemon.json path: --config-file from dockerd's command line, else
// /etc/docker/daemon.json.
std::string daemon_config_path(const DockerdCommandLine& cmd);

// The value of a `--name` / `--name=value` flag in args; nullopt when absent,
// "" for a bare boolean flag.
std::optional<std::string> flag_value(const std::vector<std::string>& args, std::string_view name);

}  // namespace vern::host
