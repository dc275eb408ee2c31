// docker-api-exposed: the daemon listens on TCP without TLS client
// verification (daemon.json `hosts` with tcp://, no `tlsverify: true`).
#include <string>

#include "rules/object_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "docker-api-exposed",
    .title = "Docker API reachable over TCP without TLS verification",
    .severity = Severity::critical,
    .surfaces = {Surface::host, Surface::daemon_config},
    .rationale =
        "Whoever reaches the Docker API controls the host: one `docker run --privileged -v "
        "/:/host` is a root shell. Over plain TCP, or TLS without client certificates, anyone "
        "who can open the port (2375/2376) has that power.",
    .remedy =
        "Listen on the unix socket only, or set \"tlsverify\": true with tlscacert/tlscert/tlskey "
        "so that only clients with a certificate signed by your CA connect.",
    .cis = "2.7",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const DaemonConfig& c : inventory.daemon_configs) {
    if (c.tls_verify.is(true)) continue;
    for (const Located<std::string>& h : c.hosts) {
      if (!h.is_literal() || !h.value.starts_with("tcp://")) continue;
      out.add(make_object_finding(k_info, c.file, h.where, c.label,
                                  "the daemon listens on " + h.value +
                                      " without tlsverify: anyone who reaches the port "
                                      "controls the host"));
    }
  }
}

}  // namespace

extern const Rule k_docker_api_exposed{k_info, RuleScope::unit, check};

}  // namespace vern
