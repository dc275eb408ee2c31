#include <gtest/gtest.h>

#include "rules/network_builder.h"

namespace vern {
extern const Rule k_deprecated_api;

namespace test {
namespace {

std::vector<std::string> run(KubeObject o) {
  Inventory inv;
  inv.kube_objects.push_back(std::move(o));
  return messages_of(run_rule(k_deprecated_api, inv));
}

TEST(DeprecatedApi, MetadataMatchesCatalog) {
  EXPECT_EQ(k_deprecated_api.info.slug, "deprecated-api");
  EXPECT_EQ(k_deprecated_api.info.severity, Severity::info);
  EXPECT_EQ(k_deprecated_api.info.surfaces.letters(), "K");
}

TEST(DeprecatedApi, RemovedApiVersions) {
  struct Case {
    const char* api_version;
    const char* kind;
    const char* message;
  };
  const Case cases[] = {
      {"extensions/v1beta1", "Deployment",
       "Deployment uses apiVersion extensions/v1beta1, removed in Kubernetes 1.16; use apps/v1"},
      {"extensions/v1beta1", "DaemonSet",
       "DaemonSet uses apiVersion extensions/v1beta1, removed in Kubernetes 1.16; use apps/v1"},
      {"extensions/v1beta1", "ReplicaSet",
       "ReplicaSet uses apiVersion extensions/v1beta1, removed in Kubernetes 1.16; use apps/v1"},
      {"extensions/v1beta1", "NetworkPolicy",
       "NetworkPolicy uses apiVersion extensions/v1beta1, removed in Kubernetes 1.16; use "
       "networking.k8s.io/v1"},
      {"extensions/v1beta1", "Ingress",
       "Ingress uses apiVersion extensions/v1beta1, removed in Kubernetes 1.22; use "
       "networking.k8s.io/v1"},
      {"apps/v1beta1", "StatefulSet",
       "StatefulSet uses apiVersion apps/v1beta1, removed in Kubernetes 1.16; use apps/v1"},
      {"apps/v1beta2", "Deployment",
       "Deployment uses apiVersion apps/v1beta2, removed in Kubernetes 1.16; use apps/v1"},
      {"batch/v1beta1", "CronJob",
       "CronJob uses apiVersion batch/v1beta1, removed in Kubernetes 1.25; use batch/v1"},
      {"policy/v1beta1", "PodDisruptionBudget",
       "PodDisruptionBudget uses apiVersion policy/v1beta1, removed in Kubernetes 1.25; use "
       "policy/v1"},
      {"networking.k8s.io/v1beta1", "Ingress",
       "Ingress uses apiVersion networking.k8s.io/v1beta1, removed in Kubernetes 1.22; use "
       "networking.k8s.io/v1"},
      {"rbac.authorization.k8s.io/v1beta1", "ClusterRole",
       "ClusterRole uses apiVersion rbac.authorization.k8s.io/v1beta1, removed in Kubernetes "
       "1.22; use rbac.authorization.k8s.io/v1"},
      {"autoscaling/v2beta2", "HorizontalPodAutoscaler",
       "HorizontalPodAutoscaler uses apiVersion autoscaling/v2beta2, removed in Kubernetes 1.26; "
       "use autoscaling/v2"},
      {"policy/v1beta1", "PodSecurityPolicy",
       "PodSecurityPolicy (policy/v1beta1) was removed in Kubernetes 1.25; use Pod Security "
       "Admission labels"},
      {"extensions/v1beta1", "PodSecurityPolicy",
       "PodSecurityPolicy (extensions/v1beta1) was removed in Kubernetes 1.25; use Pod Security "
       "Admission labels"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(run(kube_object(c.api_version, c.kind)), std::vector<std::string>{c.message})
        << c.api_version << ' ' << c.kind;
  }
}

TEST(DeprecatedApi, CurrentApiVersionsAreGood) {
  const std::pair<const char*, const char*> current[] = {
      {"apps/v1", "Deployment"},
      {"batch/v1", "CronJob"},
      {"policy/v1", "PodDisruptionBudget"},
      {"networking.k8s.io/v1", "Ingress"},
      {"v1", "Namespace"},
      {"autoscaling/v2", "HorizontalPodAutoscaler"},
      {"example.com/v1beta1", "Widget"},
  };
  for (auto [api, kind] : current) {
    EXPECT_TRUE(run(kube_object(api, kind)).empty()) << api << ' ' << kind;
  }
}

TEST(DeprecatedApi, PointsAtTheApiVersion) {
  Inventory inv;
  inv.kube_objects = {kube_object("apps/v1beta1", "Deployment", "web", "prod")};
  auto found = run_rule(k_deprecated_api, inv);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where, line(1, 13));
  EXPECT_EQ(found[0].object, "Deployment prod/web");
  EXPECT_EQ(found[0].file, "k.yaml");
  EXPECT_EQ(found[0].severity, Severity::info);
}

}  // namespace
}  // namespace test
}  // namespace vern
