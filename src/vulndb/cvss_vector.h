// Parsing of CVSS vector bodies ("AV:N/AC:L/..."): each metric once, each
// value one letter from the metric's allowed set, every required metric there.
// Internal to the CVSS scorers.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace vern::vulndb {

struct MetricSpec {
  std::string_view name;
  std::string_view values;  // allowed one-letter values
  bool required = false;
};

// The metrics a vector sets; absent ones read as 'X' (not defined).
class MetricValues {
 public:
  char get(std::string_view name) const {
    for (const auto& [n, v] : m_values) {
      if (n == name) return v;
    }
    return 'X';
  }
  void set(std::string_view name, char value) { m_values.emplace_back(name, value); }

 private:
  std::vector<std::pair<std::string_view, char>> m_values;
};

// Parses `body` (the vector without its "CVSS:x.y/" prefix) against `specs`.
Result<MetricValues> parse_vector(std::string_view body, std::span<const MetricSpec> specs);

}  // namespace vern::vulndb
