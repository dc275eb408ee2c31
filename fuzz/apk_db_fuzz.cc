// Fuzzes the apk installed-database parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "image/package_db.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)vern::parse_apk_installed(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
