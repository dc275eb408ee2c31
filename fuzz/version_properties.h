// Shared property checks for the version comparator fuzz targets: the input
// is split at newlines into up to three versions, and the comparator must be
// reflexive, antisymmetric and transitive on them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace vern::fuzz {

struct Triple {
  std::string_view a, b, c;
};

inline Triple split_three(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string_view parts[3];
  for (int i = 0; i < 3; ++i) {
    std::size_t nl = i < 2 ? in.find('\n') : std::string_view::npos;
    parts[i] = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  }
  return {parts[0], parts[1], parts[2]};
}

// Aborts (a fuzzer crash) when `cmp` breaks an ordering law on a, b, c.
template <class Cmp>
void check_order(Cmp cmp, std::string_view a, std::string_view b, std::string_view c) {
  if (cmp(a, a) != 0 || cmp(b, b) != 0) std::abort();
  int ab = cmp(a, b), ba = cmp(b, a), bc = cmp(b, c), ac = cmp(a, c);
  if (ab < -1 || ab > 1 || ab != -ba) std::abort();
  if (ab <= 0 && bc <= 0 && ac > 0) std::abort();
  if (ab >= 0 && bc >= 0 && ac < 0) std::abort();
  if (ab == 0 && bc == 0 && ac != 0) std::abort();
}

}  // namespace vern::fuzz
