#include "vulndb/advisory.h"

#include <cctype>

namespace vern::vulndb {

VulnSeverity parse_distro_rating(std::string_view word) {
  while (!word.empty() && (word.back() == '*' || word.back() == ' ')) word.remove_suffix(1);
  std::string w;
  for (char c : word) w += char(std::tolower(static_cast<unsigned char>(c)));
  if (w == "unimportant" || w == "negligible" || w == "low") return VulnSeverity::low;
  if (w == "medium" || w == "moderate") return VulnSeverity::medium;
  if (w == "high" || w == "important") return VulnSeverity::high;
  if (w == "critical") return VulnSeverity::critical;
  return VulnSeverity::unknown;
}

}  // namespace vern::vulndb
