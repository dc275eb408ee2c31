#include "vulndb/cvss_vector.h"

namespace vern::vulndb {

Result<MetricValues> parse_vector(std::string_view body, std::span<const MetricSpec> specs) {
  MetricValues out;
  std::vector<bool> seen(specs.size(), false);
  while (!body.empty()) {
    std::size_t slash = body.find('/');
    std::string_view part = body.substr(0, slash);
    body = slash == std::string_view::npos ? std::string_view() : body.substr(slash + 1);
    std::size_t colon = part.find(':');
    if (colon == std::string_view::npos || colon + 2 != part.size()) {
      return Error::invalid("malformed CVSS metric '" + std::string(part) + "'");
    }
    std::string_view name = part.substr(0, colon);
    char value = part[colon + 1];
    std::size_t i = 0;
    while (i < specs.size() && specs[i].name != name) ++i;
    if (i == specs.size()) return Error::invalid("unknown CVSS metric '" + std::string(name) + "'");
    if (seen[i]) return Error::invalid("CVSS metric '" + std::string(name) + "' repeated");
    if (specs[i].values.find(value) == std::string_view::npos) {
      return Error::invalid("invalid value for CVSS metric '" + std::string(part) + "'");
    }
    seen[i] = true;
    out.set(specs[i].name, value);
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].required && !seen[i]) {
      return Error::invalid("CVSS vector lacks metric '" + std::string(specs[i].name) + "'");
    }
  }
  return out;
}

}  // namespace vern::vulndb
