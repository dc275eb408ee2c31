// End-to-end: what `vern scan` knows across objects and files. Kubernetes
// security contexts are inherited from the pod, set-level rules see every file
// of the scan per namespace or project, and findings about a missing setting
// point at the container or service that lacks it.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/scan_fixtures.h"

namespace vern {
namespace {

using nlohmann::json;
using testing::vern_scan_json;

// The findings of `rule` as "file:line:col object | message" lines.
std::vector<std::string> of_rule(const json& doc, const std::string& rule) {
  std::vector<std::string> out;
  for (const json& f : doc["findings"]) {
    if (f["rule"] != rule) continue;
    out.push_back(f["file"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + ":" +
                  std::to_string(f["column"].get<int>()) + " " + f["object"].get<std::string>());
  }
  return out;
}

TEST(ScanKubernetes, PodSecurityContextIsInheritedAndOverridden) {
  int code = -1;
  json doc = vern_scan_json({"inherit"}, code);
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(doc["errors"].empty());
  // Pod runAsNonRoot: true covers "app"; "override" sets false. Pod runAsUser:
  // 1000 covers the second "app"; "root" sets 0.
  EXPECT_EQ(of_rule(doc, "root-user"),
            (std::vector<std::string>{
                "inherit/pods.yaml:20:27 Deployment apps/inherits container override",
                "inherit/pods.yaml:41:24 Deployment apps/user-only container root"}));
  // Pod seccompProfile RuntimeDefault covers "app"; "override" sets Unconfined;
  // the second Deployment sets none (medium, at the container).
  EXPECT_EQ(of_rule(doc, "seccomp-unconfined"),
            (std::vector<std::string>{
                "inherit/pods.yaml:22:21 Deployment apps/inherits container override",
                "inherit/pods.yaml:36:11 Deployment apps/user-only container app",
                "inherit/pods.yaml:40:11 Deployment apps/user-only container root"}));
  for (const json& f : doc["findings"]) {
    if (f["rule"] == "seccomp-unconfined") {
      EXPECT_EQ(f["severity"], f["line"] == 22 ? "high" : "medium") << f.dump();
    }
  }
}

TEST(ScanKubernetes, MissingSettingsPointAtTheContainer) {
  int code = -1;
  json doc = vern_scan_json({"inherit", "sets/compose"}, code);
  // Container "app" of the first Deployment: `- name: app` is line 15, col 11.
  EXPECT_EQ(of_rule(doc, "no-memory-limit")[0],
            "inherit/pods.yaml:15:11 Deployment apps/inherits container app");
  // Compose: the service key.
  auto compose = of_rule(doc, "writable-root-filesystem");
  EXPECT_NE(
      std::find(compose.begin(), compose.end(), "sets/compose/docker-compose.yml:2:3 service app"),
      compose.end());
  for (const json& f : doc["findings"]) {
    // A namespace without a policy is about the namespace: it points at the
    // first object that puts workloads there (line 1 of that file).
    if (f["rule"] == "missing-network-policy") continue;
    EXPECT_GE(f["line"].get<int>(), 2) << f.dump();
    EXPECT_GE(f["column"].get<int>(), 1) << f.dump();
  }
}

TEST(ScanKubernetes, SetRulesSeeEveryFileOfTheNamespace) {
  int code = -1;
  json doc = vern_scan_json({"sets/k8s"}, code);
  EXPECT_EQ(code, 1);
  // apps has a default-deny policy in another file; jobs' policy allows all
  // ingress; legacy has no workloads. A missing label points at `metadata:`.
  EXPECT_EQ(of_rule(doc, "missing-network-policy"),
            (std::vector<std::string>{"sets/k8s/namespaces.yaml:8:1 Namespace jobs"}));
  EXPECT_EQ(of_rule(doc, "namespace-without-pod-security"),
            (std::vector<std::string>{"sets/k8s/namespaces.yaml:13:41 Namespace jobs",
                                      "sets/k8s/namespaces.yaml:17:1 Namespace legacy"}));
  for (const json& f : doc["findings"]) {
    if (f["rule"] == "namespace-without-pod-security") {
      EXPECT_EQ(f["severity"], f["line"] == 13 ? "low" : "medium") << f.dump();
    }
  }
}

TEST(ScanKubernetes, WithoutItsPolicyFileANamespaceLacksAPolicy) {
  int code = -1;
  json doc = vern_scan_json({"sets/k8s/workloads.yaml"}, code);
  EXPECT_EQ(of_rule(doc, "missing-network-policy"),
            (std::vector<std::string>{"sets/k8s/workloads.yaml:1:1 Deployment apps/api",
                                      "sets/k8s/workloads.yaml:13:1 Job jobs/migrate"}));
}

TEST(ScanCompose, DatabaseOnPublicNetwork) {
  int code = -1;
  json doc = vern_scan_json({"sets/compose"}, code);
  // db is only on the internal network; cache is on internal + external
  // (unknown); adminer is not a database; search is on a plain network.
  EXPECT_EQ(of_rule(doc, "database-on-public-network"),
            (std::vector<std::string>{"sets/compose/docker-compose.yml:13:16 service search"}));
}

}  // namespace
}  // namespace vern
