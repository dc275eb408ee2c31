// container-socket-mount: a container engine socket (or the folder holding
// one) is mounted from the host.
#include "rules/helpers.h"
#include "rules/host_path.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "container-socket-mount",
    .title = "Container engine socket is mounted",
    .severity = Severity::critical,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "Whoever can talk to the Docker, containerd, CRI-O or Podman socket can start a "
        "privileged container with the host's root filesystem mounted: the socket is root on "
        "the host. Mounting it read-only does not help, the API is still writable.",
    .remedy =
        "Do not mount the engine socket; use a narrowly scoped API proxy or a "
        "dedicated build service instead.",
    .cis = "5.32",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Volume& v : w.volumes) {
      Location where = v.host_path.where.known() ? v.host_path.where : v.where;
      // A host path set by a variable, mounted where the engine's socket is
      // expected (`${DOCKER_SOCK}:/var/run/docker.sock`), is that socket.
      if (v.host_path.is_dynamic() && names_engine_socket(v.target)) {
        out.add(make_finding(k_info, w, nullptr, where,
                             mounter(w, v) + " mounts a host path set by a variable at " +
                                 v.target + ", the container engine socket's path"));
        continue;
      }
      if (!v.host_path.is_literal()) continue;
      if (classify_host_path(v.host_path.value) != HostPathKind::socket) continue;
      const std::string what = names_engine_socket(normalize_host_path(v.host_path.value))
                                   ? "the container engine socket " + v.host_path.value
                                   : v.host_path.value +
                                         ", a folder that holds container engine "
                                         "sockets";
      // Read-only mounts are named: the flag is often taken for a safeguard.
      const char* ro = v.read_only ? " (read-only, which leaves the API writable)" : "";
      out.add(make_finding(k_info, w, nullptr, where, mounter(w, v) + " mounts " + what + ro));
    }
  }
  check_persistent_volumes(k_info, HostPathKind::socket, inventory, out);
}

}  // namespace

extern const Rule k_container_socket_mount;
const Rule k_container_socket_mount{k_info, RuleScope::unit, &check};

}  // namespace vern
