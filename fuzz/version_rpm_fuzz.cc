// Fuzzes the rpm comparators. rpmvercmp must be a total order; the EVR
// comparison is one too among versions that all have a release or all lack
// one (rpm ignores the release when only one side has it).
#include "version_properties.h"
#include "vulndb/version/rpm.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  auto t = vern::fuzz::split_three(data, size);
  vern::fuzz::check_order(vern::vulndb::rpm_vercmp, t.a, t.b, t.c);
  auto has_release = [](std::string_view v) { return v.find('-') != std::string_view::npos; };
  if (has_release(t.a) == has_release(t.b) && has_release(t.b) == has_release(t.c)) {
    vern::fuzz::check_order(vern::vulndb::rpm_compare, t.a, t.b, t.c);
  } else if (vern::vulndb::rpm_compare(t.a, t.b) != -vern::vulndb::rpm_compare(t.b, t.a)) {
    __builtin_trap();
  }
  return 0;
}
