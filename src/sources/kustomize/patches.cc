#include "sources/kustomize/patches.h"

#include <algorithm>

#include "yaml/node.h"

namespace vern {

namespace {

// A `patchesStrategicMerge` item is a path, or a whole patch written inline
// (a block of YAML, so it spans lines).
bool looks_like_path(std::string_view item) {
  return !item.empty() && item.find('\n') == std::string_view::npos &&
         item.find(": ") == std::string_view::npos;
}

}  // namespace

bool is_kustomization_name(std::string_view file_name) {
  return std::find(k_kustomization_names.begin(), k_kustomization_names.end(), file_name) !=
         k_kustomization_names.end();
}

std::vector<std::string> kustomize_patch_paths(std::string_view kustomization_text) {
  std::vector<std::string> out;
  yaml::Stream stream = yaml::parse(kustomization_text);
  if (stream.documents.empty() || stream.documents[0].after_error) return out;
  const yaml::Node& root = *stream.documents[0].root;
  if (!root.is_mapping()) return out;
  if (const yaml::Node* merge = root.get("patchesStrategicMerge")) {
    for (const yaml::Node* item : merge->items()) {
      if (item->is_scalar() && looks_like_path(item->text())) out.emplace_back(item->text());
    }
  }
  for (const char* key : {"patches", "patchesJson6902"}) {
    const yaml::Node* list = root.get(key);
    if (!list) continue;
    for (const yaml::Node* item : list->items()) {
      const yaml::Node* path = item->get("path");
      if (path && path->is_scalar() && !path->text().empty()) out.emplace_back(path->text());
    }
  }
  return out;
}

}  // namespace vern
