// run_host_audit: one pass over a live Docker host. Collects the host facts
// (kernel, LSM, virtualization, socket, dockerd's command line and
// daemon.json), asks the Engine API for /info, /version, the container list
// and each container's inspect object (concurrently), and translates
// everything into one Inventory for the rules.
//
// An unreachable daemon is not fatal: the host-level facts are still
// collected, HostFacts::daemon_reachable is false, and the reason is in errors.
#pragma once

#include <string>
#include <vector>

#include "model/inventory.h"
#include "util/result.h"

namespace vern::host {

struct HostAuditOptions {
  // The Engine API socket (see resolve_engine_socket). Default: /var/run/docker.sock.
  std::string socket_path = "/var/run/docker.sock";
  // Include stopped containers (`--all`). Default: running only.
  bool all = false;
  // Root of the inspected system's files. Default: "/" (this machine).
  std::string root = "/";
  // Concurrent container inspections. Default: 8.
  int jobs = 8;
  // Ask the CPU for its hypervisor vendor (off in tests on fixture trees). Default: on.
  bool use_cpuid = true;
};

struct HostAudit {
  Inventory inventory;        // workloads (one per container), daemon_configs, hosts (one)
  std::vector<Error> errors;  // daemon unreachable, unreadable daemon.json, failed inspects
  int api_calls = 0;          // Engine API requests made
  int containers = 0;         // containers inspected
};

HostAudit run_host_audit(const HostAuditOptions& options);

}  // namespace vern::host
