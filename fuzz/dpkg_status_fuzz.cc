// Fuzzes the dpkg status parser (status and distroless status.d files).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "image/package_db.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)vern::parse_dpkg_status(input, true);
  (void)vern::parse_dpkg_status(input, false);
  (void)vern::parse_os_release(input);
  return 0;
}
