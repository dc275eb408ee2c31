// SetState: set-level rules over every file of a scan, with Compose files
// judged as they are added and Kubernetes objects merged until the end.
#include "scan/set_state.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sources/compose/translate.h"
#include "sources/kubernetes/translate.h"

namespace vern {
namespace {

std::vector<std::string> rules_of(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.rule + " " + f.file);
  return out;
}

const char* k_compose =
    "services:\n"
    "  db:\n"
    "    image: postgres:16\n"
    "    networks: [back]\n"
    "networks:\n"
    "  back: {}\n";

TEST(SetState, ComposeFileIsJudgedOnItsOwnProject) {
  Config config;
  SetState state(config);
  state.add(reduce_for_set_rules(translate_compose("a/compose.yaml", k_compose).inventory));
  // A second project that declares `back` internal does not change the first.
  state.add(reduce_for_set_rules(
      translate_compose("b/compose.yaml",
                        "services:\n  cache:\n    image: redis:7\n    networks: [back]\n"
                        "networks:\n  back:\n    internal: true\n")
          .inventory));
  EXPECT_EQ(rules_of(state.evaluate()),
            std::vector<std::string>{"database-on-public-network a/compose.yaml"});
}

TEST(SetState, ConfigAppliesToComposeFindingsJudgedEarly) {
  Config config;
  config.severity_overrides["database-on-public-network"] = Severity::critical;
  SetState state(config);
  state.add(reduce_for_set_rules(translate_compose("compose.yaml", k_compose).inventory));
  std::vector<Finding> found = state.evaluate();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::critical);

  config.disabled_rules.insert("database-on-public-network");
  SetState quiet(config);
  quiet.add(reduce_for_set_rules(translate_compose("compose.yaml", k_compose).inventory));
  EXPECT_TRUE(quiet.evaluate().empty());
}

TEST(SetState, KubernetesPolicyInALaterFileCounts) {
  Config config;
  SetState state(config);
  state.add(reduce_for_set_rules(
      translate_kubernetes("pod.yaml",
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n"
                           "spec:\n  automountServiceAccountToken: false\n"
                           "  containers: [{name: c, image: nginx}]\n")
          .inventory));
  SetState without = state;
  EXPECT_EQ(rules_of(without.evaluate()),
            std::vector<std::string>{"missing-network-policy pod.yaml"});
  state.add(reduce_for_set_rules(
      translate_kubernetes("policy.yaml",
                           "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                           "metadata: {name: deny, namespace: shop}\n"
                           "spec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n")
          .inventory));
  EXPECT_TRUE(state.evaluate().empty());
}

}  // namespace
}  // namespace vern
