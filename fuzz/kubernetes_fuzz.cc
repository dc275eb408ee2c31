// Fuzzes the Kubernetes translator (multi-document streams, `kind: List`,
// every workload kind, pod-level inheritance, policy objects, JSON manifests)
// the way `vern scan` reaches it: through format detection of a .yaml file,
// and directly. The translation must locate what it reads, and every rule must
// run over it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model_checks.h"
#include "sources/detect.h"
#include "sources/kubernetes/translate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view path = "deploy.yaml";
  vern::Translation direct = vern::translate_kubernetes(path, input);
  vern::fuzz::check_translation(direct, path);
  // What the scan driver does with a named file: detection picks Compose or
  // Kubernetes from the content.
  vern::Translation detected = vern::translate_file(path, input, /*explicit_path=*/true);
  vern::fuzz::check_translation(detected, path);
  return 0;
}
