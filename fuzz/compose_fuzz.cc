// Fuzzes the Compose translator (services, short and long port and volume
// syntax, interpolation, networks, deploy limits) the way `vern scan` reaches
// it: by file name through format detection, and directly. The translation
// must locate what it reads, and every rule must run over it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model_checks.h"
#include "sources/compose/translate.h"
#include "sources/detect.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view path = "docker-compose.yml";
  vern::Translation direct = vern::translate_compose(path, input);
  vern::fuzz::check_translation(direct, path);
  vern::Translation detected = vern::translate_file(path, input, /*explicit_path=*/false);
  vern::fuzz::require(detected.recognised, "a compose file name is always recognised");
  vern::fuzz::check_translation(detected, path);
  return 0;
}
