// Kubernetes translator: manifests (YAML or JSON, multi-document, `kind: List`)
// into Workloads (one per pod template) and policy objects.
#pragma once

#include <string_view>

#include "sources/translation.h"
#include "yaml/node.h"

namespace vern {

// Translates every document of `content`. `path` is stored in the model
// objects and errors. recognised is false when no document has both
// `apiVersion` and `kind`.
Translation translate_kubernetes(std::string_view path, std::string_view content);

// Translates already parsed documents (the scan driver parses once to detect the format).
Translation translate_kubernetes(std::string_view path, const yaml::Document* docs, size_t count);

}  // namespace vern
