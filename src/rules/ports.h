// Port helpers shared by the port rules: which published ports bind every
// interface, which container ports are database/admin ports, and how a mapping
// is named in messages. Pure functions over model::PortMapping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/workload.h"

namespace vern {

// True iff `ip` is a loopback address as a port binding spells it: 127.0.0.0/8,
// "::1", "[::1]" or "localhost".
bool is_loopback_address(std::string_view ip);

// True iff the mapping is published and binds every interface: no host address,
// or "", "0.0.0.0", "::", "[::]". A loopback or other specific address, or a
// host address that is not known statically (`${BIND}`), does not.
bool binds_every_interface(const PortMapping& port);

// True iff Docker discards the publication of `port`: its container is on the
// host's network (network_mode: host, --network host), where it listens on the
// host's interfaces itself, with no mapping and none of Docker's iptables
// rules (host-network is the finding), or shares another container's network
// namespace (`service:db`, `container:vpn`), where Docker refuses to publish.
// A Kubernetes hostPort is kept.
bool publication_discarded(const Workload& w, const PortMapping& port);

// The catalog's database/admin ports found on the container side of `port`
// (every port of a range), in ascending order; empty when none or unknown.
std::vector<int> database_ports(const PortMapping& port);

// A short name for a database/admin port ("PostgreSQL"), empty when not one.
std::string_view database_port_name(int port);

// True iff `port` exposes a database/admin port: published on every interface,
// or through a Kubernetes hostPort (whatever its hostIP).
bool exposes_database_port(const PortMapping& port);

// The mapping as Docker prints it: "127.0.0.1:8080->80/tcp", "3000-3005/tcp".
std::string describe_port(const PortMapping& port);

// The container side only: "80/tcp", "3000-3005/tcp".
std::string describe_container_port(const PortMapping& port);

}  // namespace vern
