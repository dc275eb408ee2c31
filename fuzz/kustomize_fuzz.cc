// Fuzzes the reading of a kustomization's patch list, which the walk runs on
// every kustomization.yaml it meets: any text yields a list (often empty),
// and every path in it is a non-empty single line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model_checks.h"
#include "sources/kustomize/patches.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (const std::string& path : vern::kustomize_patch_paths(input)) {
    vern::fuzz::require(!path.empty(), "a patch path is never empty");
  }
  return 0;
}
