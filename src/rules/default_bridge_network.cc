// default-bridge-network: a service or container joins a catch-all network
// shared with every container that did not choose one.
#include <string>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "default-bridge-network",
    .title = "Container joins the default catch-all network",
    .severity = Severity::low,
    .surfaces = {Surface::compose, Surface::run},
    .rationale =
        "Every container started without a network of its own lands on the same default "
        "network (Docker's bridge, or a Compose project's `default`), where it can reach all "
        "the others on every port. A compromised service then reaches the rest; user-defined "
        "networks that group only the services that talk to each other limit that.",
    .remedy =
        "Put the service on user-defined networks (networks: [frontend], --network app-net) "
        "that hold only the services it must reach.",
    .cis = "5.30",
};

// True iff an entry of the networks list names the catch-all network. In
// Compose `bridge` would be a project network of that name, so only `default`
// counts there.
bool is_catch_all_entry(const Workload& w, const Located<std::string>& n) {
  return n.is("default") || (w.surface != Surface::compose && n.is("bridge"));
}

// Why `w` is on the catch-all network, or empty when it is not (or unknown).
std::string catch_all_reason(const Workload& w) {
  if (w.host_network.is(true)) return {};  // host-network's finding
  if (w.network_mode.is_dynamic()) return {};
  if (w.network_mode.is_literal()) {
    const std::string& mode = w.network_mode.value;
    // `default` is Docker's alias of `bridge` on Linux.
    if (mode == "bridge" || mode == "default") return "uses network mode \"" + mode + "\"";
    return {};  // host, none, container:x, service:x, or a network of its own
  }
  if (!w.networks_written) {
    return w.surface == Surface::compose
               ? "sets neither networks nor network_mode, so it joins the project's default "
                 "network"
               : "sets no --network, so it joins Docker's default bridge";
  }
  // An explicit `default` is the same network every service without a choice joins.
  for (const Located<std::string>& n : w.networks) {
    if (is_catch_all_entry(w, n)) return "joins network \"" + n.value + "\"";
  }
  return {};
}

Location reason_where(const Workload& w) {
  if (w.network_mode.is_literal()) return w.network_mode.where;
  for (const Located<std::string>& n : w.networks) {
    if (is_catch_all_entry(w, n)) return n.where;
  }
  return w.network_mode.where.known() ? w.network_mode.where : w.where;
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    std::string reason = catch_all_reason(w);
    if (reason.empty()) continue;
    out.add(make_finding(k_info, w, nullptr, reason_where(w),
                         workload_subject(w) + ' ' + reason + ", shared with other containers"));
  }
}

}  // namespace

extern const Rule k_default_bridge_network{k_info, RuleScope::unit, check};

}  // namespace vern
