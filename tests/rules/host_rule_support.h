// Helpers for the host rule tests: an Inventory holding one HostFacts, and
// the messages a rule reports on it.
#pragma once

#include <string>
#include <vector>

#include "model/inventory.h"
#include "rules/rule.h"

namespace vern::test {

inline HostFacts host_facts() {
  HostFacts h;
  h.name = "web-1";
  return h;
}

inline std::vector<Finding> run_on_host(const Rule& rule, HostFacts h) {
  Inventory inv;
  inv.hosts.push_back(std::move(h));
  FindingList out;
  rule.check(inv, RuleOptions{}, out);
  return out.findings();
}

inline std::vector<std::string> host_messages(const Rule& rule, HostFacts h) {
  std::vector<std::string> out;
  for (const Finding& f : run_on_host(rule, std::move(h))) out.push_back(f.message);
  return out;
}

}  // namespace vern::test
