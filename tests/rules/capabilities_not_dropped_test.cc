#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_capabilities_not_dropped;

namespace {

using test::container;
using test::workload;

TEST(CapabilitiesNotDropped, Cases) {
  test::expect_cases(
      k_capabilities_not_dropped,
      {
          {"no drop",
           workload(Surface::kubernetes).with(container()),
           {"container \"app\" does not drop capabilities: drop ALL not set here"}},
          {"drop ALL", workload(Surface::kubernetes).with(container().drop_cap("ALL")), {}},
          {"drop all, lower case",
           workload(Surface::kubernetes).with(container().drop_cap("all")),
           {}},
          {"drop CAP_ALL",
           workload(Surface::compose).with(container("web").drop_cap("CAP_ALL")),
           {}},
          {"drop some",
           workload(Surface::compose).with(container("web").drop_cap("NET_RAW")),
           {"service \"web\" drops some capabilities but not ALL"}},
          {"drop ALL and add back",
           workload(Surface::run).with(container().drop_cap("ALL").add_cap("NET_BIND_SERVICE")),
           {}},
          {"each container",
           workload(Surface::kubernetes)
               .with(container().drop_cap("ALL"))
               .with(container("sidecar")),
           {"container \"sidecar\" does not drop capabilities: drop ALL not set here"}},
          {"dockerfile is not a surface", workload(Surface::dockerfile).with(container()), {}},
      });
}

}  // namespace
}  // namespace vern
