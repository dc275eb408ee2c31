// Fuzzes the dpkg comparator: reflexive, antisymmetric, transitive.
#include "version_properties.h"
#include "vulndb/version/dpkg.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  auto t = vern::fuzz::split_three(data, size);
  vern::fuzz::check_order(vern::vulndb::dpkg_compare, t.a, t.b, t.c);
  return 0;
}
