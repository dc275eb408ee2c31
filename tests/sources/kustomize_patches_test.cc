#include <gtest/gtest.h>

#include "sources/kustomize/patches.h"

namespace vern {
namespace {

using Paths = std::vector<std::string>;

TEST(KustomizePatches, ListsPatchFilesButNotInlinePatches) {
  const char* text = R"(apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../base, service.yaml]
patchesStrategicMerge:
  - memory.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
patches:
  - path: patches/replicas.yaml
    target: {kind: Deployment, name: web}
  - patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
    target: {kind: Deployment}
patchesJson6902:
  - path: ops.yaml
    target: {group: apps, version: v1, kind: Deployment, name: web}
)";
  EXPECT_EQ(kustomize_patch_paths(text),
            (Paths{"memory.yaml", "patches/replicas.yaml", "ops.yaml"}));
}

TEST(KustomizePatches, TextThatIsNotAKustomizationListsNone) {
  EXPECT_TRUE(kustomize_patch_paths("").empty());
  EXPECT_TRUE(kustomize_patch_paths("patches: [unclosed").empty());
  EXPECT_TRUE(kustomize_patch_paths("- a\n- b\n").empty());
  EXPECT_TRUE(
      kustomize_patch_paths("patches: just-a-string\npatchesStrategicMerge: {a: b}\n").empty());
}

TEST(KustomizePatches, KnowsTheFileNamesOfAKustomization) {
  EXPECT_TRUE(is_kustomization_name("kustomization.yaml"));
  EXPECT_TRUE(is_kustomization_name("kustomization.yml"));
  EXPECT_TRUE(is_kustomization_name("Kustomization"));
  EXPECT_FALSE(is_kustomization_name("kustomization.json"));
  EXPECT_FALSE(is_kustomization_name("my-kustomization.yaml"));
}

}  // namespace
}  // namespace vern
