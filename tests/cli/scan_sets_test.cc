// End-to-end: what `vern scan` knows across objects and files. Kubernetes
// security contexts are inherited from the pod, set-level rules see every file
// of the scan per namespace or project, and findings about a missing setting
// point at the container or service that lacks it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

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

TEST(ScanCompose, SetFindingsOfAComposeFileAreReportedWithItsOwn) {
  // A project-level finding goes out in line order among its file's own
  // findings, before the next file's, not in a second batch at the end.
  testing::ScratchDir dir;
  dir.write("a/compose.yaml",
            "services:\n  db:\n    image: postgres:16\n    networks: [back]\n"
            "networks:\n  back: {}\n");
  dir.write("b/compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
  int code = -1;
  json doc = vern_scan_json({dir.path()}, code);
  EXPECT_EQ(code, 1);
  std::vector<std::pair<std::string, int>> order;
  bool seen = false;
  for (const json& f : doc["findings"]) {
    std::string file = std::filesystem::path(f["file"].get<std::string>()).parent_path().filename();
    order.emplace_back(file, f["line"].get<int>());
    seen = seen || f["rule"] == "database-on-public-network";
  }
  EXPECT_TRUE(seen);
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << doc["findings"].dump(1);
}

TEST(ScanKubernetes, TokenFindingsComeInFileOrderWhateverTheThreads) {
  // Pods wait for the end of the scan (their ServiceAccount may come later);
  // their findings still come out in walk order, the same at any --jobs.
  testing::ScratchDir dir;
  for (int i = 0; i < 40; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "p%02d.yaml", i);
    dir.write(name,
              "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n"
              "spec:\n  containers: [{name: c, image: nginx}]\n");
  }
  dir.write("sa.yaml",
            "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: other}\n");
  std::vector<std::string> first;
  for (const char* jobs : {"1", "2", "4"}) {
    int code = -1;
    json doc = vern_scan_json({"--jobs", jobs, dir.path()}, code);
    std::vector<std::string> files;
    for (const json& f : doc["findings"]) {
      if (f["rule"] == "service-account-token-mounted") files.push_back(f["file"]);
    }
    ASSERT_EQ(files.size(), 40u) << jobs;
    EXPECT_TRUE(std::is_sorted(files.begin(), files.end())) << jobs;
    if (first.empty()) first = files;
    EXPECT_EQ(files, first) << jobs;
  }
}

}  // namespace
}  // namespace vern
