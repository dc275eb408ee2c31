#include "rules/finding.h"

#include <array>

namespace vern {

namespace {
constexpr std::array<std::string_view, 5> k_names = {"info", "low", "medium", "high", "critical"};
}

std::string_view severity_name(Severity s) { return k_names[static_cast<size_t>(s)]; }

std::optional<Severity> parse_severity(std::string_view name) {
  for (size_t i = 0; i < k_names.size(); ++i) {
    std::string_view n = k_names[i];
    if (n.size() != name.size()) continue;
    bool same = true;
    for (size_t j = 0; j < n.size(); ++j) {
      char c = name[j];
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
      if (c != n[j]) {
        same = false;
        break;
      }
    }
    if (same) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

}  // namespace vern
