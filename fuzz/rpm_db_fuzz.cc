// Fuzzes the rpm header blob parser (the rows of rpmdb.sqlite's Packages
// table), the rpmdb.sqlite reader when the input looks like SQLite, and the
// Berkeley DB Packages reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "image/package_db.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)vern::parse_rpm_header(input);
  if (input.substr(0, 6) == "SQLite") (void)vern::read_rpmdb_sqlite(input);
  (void)vern::read_rpmdb_bdb(input);
  return 0;
}
