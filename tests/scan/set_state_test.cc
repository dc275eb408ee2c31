// SetState: set-level rules over every file of a scan, Kubernetes objects
// merged until the end; and judge_compose_project, which judges a Compose file
// on its own.
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

std::vector<std::string> compose_set_findings(const std::string& file, const std::string& yaml) {
  Inventory inventory = translate_compose(file, yaml).inventory;
  FindingList found;
  judge_compose_project(inventory, RuleOptions{}, found);
  return rules_of(found.findings());
}

TEST(JudgeComposeProject, JudgesEachFileOnItsOwnProject) {
  EXPECT_EQ(compose_set_findings("a/compose.yaml", k_compose),
            std::vector<std::string>{"database-on-public-network a/compose.yaml"});
  // The same network declared internal in that file's own project is fine.
  EXPECT_TRUE(compose_set_findings("b/compose.yaml",
                                   "services:\n  db:\n    image: postgres:16\n"
                                   "    networks: [back]\n"
                                   "networks:\n  back:\n    internal: true\n")
                  .empty());
}

TEST(JudgeComposeProject, LeavesTheFileWithTheSameObjects) {
  Inventory inventory = translate_compose("compose.yaml", k_compose).inventory;
  const std::size_t workloads = inventory.workloads.size(),
                    projects = inventory.compose_projects.size();
  FindingList found;
  judge_compose_project(inventory, RuleOptions{}, found);
  EXPECT_EQ(inventory.workloads.size(), workloads);
  EXPECT_EQ(inventory.compose_projects.size(), projects);
  ASSERT_EQ(inventory.workloads.size(), 1u);
  EXPECT_EQ(inventory.workloads[0].name, "db");
}

TEST(SetState, ComposeFilesAreLeftToTheirOwnJudgement) {
  Config config;
  SetState state(config);
  // Judged file by file, so the merged set must not report them a second time.
  state.add(reduce_for_set_rules(translate_compose("compose.yaml", k_compose).inventory));
  EXPECT_TRUE(state.evaluate().empty());
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
  EXPECT_EQ(rules_of(state.evaluate()),
            std::vector<std::string>{"missing-network-policy pod.yaml"});
  state.add(reduce_for_set_rules(
      translate_kubernetes("policy.yaml",
                           "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                           "metadata: {name: deny, namespace: shop}\n"
                           "spec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n")
          .inventory));
  EXPECT_TRUE(state.evaluate().empty());
}

std::string pod(const std::string& name, const std::string& ns, const std::string& account = "") {
  return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: " + ns +
         "}\nspec:\n" + (account.empty() ? "" : "  serviceAccountName: " + account + "\n") +
         "  containers: [{name: c, image: nginx}]\n";
}

Inventory kube(const std::string& file, const std::string& yaml) {
  return reduce_for_set_rules(translate_kubernetes(file, yaml).inventory);
}

TEST(SetState, ServiceAccountInALaterFileTurnsTheTokenOff) {
  Config config;
  SetState state(config);
  state.add(kube("pod.yaml", pod("p", "shop", "api")));
  state.add(kube("policy.yaml",
                 "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                 "metadata: {name: deny, namespace: shop}\n"
                 "spec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n"));
  EXPECT_EQ(rules_of(state.evaluate()),
            std::vector<std::string>{"service-account-token-mounted pod.yaml"});
  state.add(kube("sa.yaml",
                 "apiVersion: v1\nkind: ServiceAccount\n"
                 "metadata: {name: api, namespace: shop}\n"
                 "automountServiceAccountToken: false\n"));
  EXPECT_TRUE(state.evaluate().empty());
}

TEST(SetState, WorkloadFindingsComeInTheOrderFilesWereAdded) {
  Config config;
  SetState state(config);
  // More pods than one batch of the per-workload rules holds.
  const int pods = 5000;
  for (int i = 0; i < pods; ++i) {
    state.add(kube("p" + std::to_string(i) + ".yaml", pod("p", "shop")));
  }
  std::vector<std::string> files;
  int batches = 0;
  state.workload_findings([&](std::vector<Finding>& batch) {
    ++batches;
    for (const Finding& f : batch) files.push_back(f.file);
  });
  ASSERT_EQ(files.size(), std::size_t(pods));
  for (int i = 0; i < pods; ++i)
    EXPECT_EQ(files[std::size_t(i)], "p" + std::to_string(i) + ".yaml");
  EXPECT_GT(batches, 1);
  // The aggregate rules see the namespace once, at its first workload.
  EXPECT_EQ(rules_of(state.aggregate_findings()),
            std::vector<std::string>{"missing-network-policy p0.yaml"});
}

TEST(SetState, NamespaceDefinedSeveralTimesIsJudgedOnItsBestLabel) {
  auto ns = [](const std::string& label) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n" +
           (label.empty() ? std::string()
                          : "  labels: {pod-security.kubernetes.io/enforce: " + label + "}\n");
  };
  Config config;
  SetState state(config);
  for (int i = 0; i < 3; ++i) state.add(kube("a" + std::to_string(i) + ".yaml", ns("")));
  state.add(kube("b.yaml", ns("baseline")));
  std::vector<Finding> found = state.aggregate_findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "namespace-without-pod-security");
  EXPECT_EQ(found[0].file, "b.yaml");
  EXPECT_EQ(found[0].severity, Severity::low);
  state.add(kube("c.yaml", ns("restricted")));
  EXPECT_TRUE(state.aggregate_findings().empty());
}

TEST(SetState, PoliciesThatDoNotDenyAllAreCountedUntilOneDoes) {
  auto policy = [](const std::string& name, bool deny) {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: " + name +
           ", namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]" +
           (deny ? std::string() : ", ingress: [{}]") + "}\n";
  };
  Config config;
  SetState state(config);
  state.add(kube("pod.yaml", pod("p", "shop")));
  for (int i = 0; i < 3; ++i)
    state.add(kube("np.yaml", policy("allow" + std::to_string(i), false)));
  std::vector<Finding> found = state.aggregate_findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("none of its 3 NetworkPolicies"), std::string::npos)
      << found[0].message;
  state.add(kube("deny.yaml", policy("deny", true)));
  state.add(kube("np2.yaml", policy("allow-late", false)));
  EXPECT_TRUE(state.aggregate_findings().empty());
}

}  // namespace
}  // namespace vern
