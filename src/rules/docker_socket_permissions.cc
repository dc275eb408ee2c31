// docker-socket-permissions: the Docker socket is not root:docker 0660 or stricter.
#include <cstdio>
#include <string>

#include "rules/host_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "docker-socket-permissions",
    .title = "Docker socket has loose ownership or permissions",
    .severity = Severity::high,
    .surfaces = {Surface::host},
    .rationale =
        "Whoever can write to the Docker socket controls the daemon, and through it root on the "
        "host (a privileged container with / mounted is one request away). The socket must "
        "belong to root and the docker group, and be writable by nobody else.",
    .remedy = "chown root:docker on the socket and chmod 660 (or stricter).",
    .cis = "3.15, 3.16",
};

std::string octal(std::uint32_t mode) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04o", unsigned(mode));
  return buf;
}

std::string who(const std::string& name, std::uint32_t id) {
  return name.empty() ? std::to_string(id) : name;
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const HostFacts& h : inventory.hosts) {
    const SocketFacts& s = h.socket;
    if (!s.found) continue;
    // root:root is stricter than root:docker and as good.
    bool group_ok = s.gid == 0 || s.group == "docker";
    if (s.uid != 0 || !group_ok) {
      out.add(make_host_finding(k_info, h,
                                "Docker socket " + s.path + " is owned by " + who(s.owner, s.uid) +
                                    ':' + who(s.group, s.gid) + ", not root:docker"));
    }
    if ((s.mode & 0777 & ~std::uint32_t(0660)) != 0) {
      out.add(make_host_finding(k_info, h,
                                "Docker socket " + s.path + " has mode " + octal(s.mode) +
                                    ", more permissive than 0660"));
    }
  }
}

}  // namespace

extern const Rule k_docker_socket_permissions{k_info, RuleScope::unit, check};

}  // namespace vern
