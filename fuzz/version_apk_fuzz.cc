// Fuzzes the apk comparator: reflexive, antisymmetric, transitive, and the
// validity check never crashes.
#include "version_properties.h"
#include "vulndb/version/apk.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  auto t = vern::fuzz::split_three(data, size);
  vern::fuzz::check_order(vern::vulndb::apk_compare, t.a, t.b, t.c);
  (void)vern::vulndb::apk_valid(t.a);
  (void)vern::vulndb::apk_compare_fuzzy(t.a, t.b);
  return 0;
}
