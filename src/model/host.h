// HostFacts: what `vern host` learned about the machine it runs on and the
// Docker daemon it reached: socket ownership, kernel and runtime versions,
// the virtualization below the host (with the evidence for the verdict) and
// the Linux security modules. Collectors in host/ fill it; host rules read it.
// Plain values: an empty string means "not known", never "none".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vern {

// What sits below the Docker host's kernel.
enum class Virtualization : std::uint8_t {
  unknown,        // not enough evidence either way
  bare_metal,     // no hypervisor and no container signals
  hardware_vm,    // a hardware-virtualized guest (KVM, Xen, VMware, Hyper-V, ...)
  shared_kernel,  // a container or shared-kernel VPS (OpenVZ, LXC, Docker, Podman, ...)
};

std::string_view virtualization_name(Virtualization v);  // "bare metal", "hardware VM", ...

// State of one Linux security module.
enum class LsmMode : std::uint8_t {
  unknown,     // could not be read
  absent,      // not built in or not enabled
  permissive,  // SELinux permissive / AppArmor loaded with no profile enforced
  enforcing,
};

std::string_view lsm_mode_name(LsmMode m);  // "unknown", "absent", "permissive", "enforcing"

struct LsmState {
  LsmMode mode = LsmMode::unknown;
  std::string detail;  // what was read, e.g. "/sys/fs/selinux/enforce = 0"
};

// The Docker socket file.
struct SocketFacts {
  std::string path;    // e.g. "/var/run/docker.sock"
  bool found = false;  // stat() succeeded; the fields below are meaningful only then
  std::uint32_t uid = 0;
  std::uint32_t gid = 0;
  std::uint32_t mode = 0;  // permission bits only (mode & 07777)
  std::string owner;       // user name of uid; empty when it has none
  std::string group;       // group name of gid; empty when it has none
  std::string error;       // why stat() failed, when !found
};

struct HostFacts {
  std::string name;  // the host's name, used as the finding object ("host web-1")

  SocketFacts socket;

  // Kernel: `uname -r`, and the upstream version it corresponds to. Distribution
  // kernels often hide the patch level in the release ("5.10.0-21-amd64" is
  // Debian's 5.10.162); kernel_version holds the real one when the collector
  // found it (/proc/version, /proc/version_signature), else the release's
  // numeric prefix.
  std::string kernel_release;
  std::string kernel_version;         // "5.10.162"
  std::string kernel_version_source;  // "/proc/version", "release", ...
  // True when the kernel is a vendor build known to carry backported fixes
  // under an old version number (RHEL/CentOS ".el", Virtuozzo ".vz" kernels): version ranges
  // say nothing reliable about it.
  bool kernel_vendor_backports = false;

  // Runtime versions as the daemon (or the binaries) report them.
  std::string docker_version;  // "20.10.24+dfsg1"
  std::string runc_version;    // "1.1.5+ds1"
  std::string runc_package;    // distribution package version when known ("1.1.5+ds1-1+deb12u1")
  std::string containerd_version;  // "1.6.20~ds1"

  Virtualization virtualization = Virtualization::unknown;
  std::string virtualization_technology;             // "kvm", "openvz", "lxc", "docker", ...
  std::vector<std::string> virtualization_evidence;  // one line per signal, for the report

  LsmState apparmor;
  LsmState selinux;

  // Whether the Engine API answered; daemon_error says why not (socket path,
  // permission denied vs not running).
  bool daemon_reachable = false;
  std::string daemon_error;
};

}  // namespace vern
