// Kustomize overlays: which files of a folder are patches. A strategic-merge
// patch holds only the fields it changes (`kind: Deployment` with one
// container's memory limit), so checked on its own it would be reported for
// every setting it leaves to its base. What runs is the rendered overlay
// (`kustomize build`); the patches a kustomization lists are not manifests.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace vern {

// The file names kustomize reads as a folder's kustomization.
inline constexpr std::array<std::string_view, 3> k_kustomization_names = {
    "kustomization.yaml", "kustomization.yml", "Kustomization"};

// True for one of k_kustomization_names.
bool is_kustomization_name(std::string_view file_name);

// The patch files `kustomization_text` lists, as written (relative to its
// folder): `patchesStrategicMerge` paths, and the `path` of each `patches`
// and `patchesJson6902` entry. Inline patches are not files and are left
// out. Text that is not a kustomization (or not YAML) lists none.
std::vector<std::string> kustomize_patch_paths(std::string_view kustomization_text);

}  // namespace vern
