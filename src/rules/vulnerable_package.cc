// vulnerable-package: an installed OS package matches a vulnerability
// advisory; the finding's severity is the advisory's.
#include <cstdio>
#include <string>

#include "rules/helpers.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "vulnerable-package",
    .title = "Installed package has a known vulnerability",
    .severity = Severity::high,
    .surfaces = {Surface::image},
    .rationale =
        "The image ships a package version that a vulnerability advisory names as affected. "
        "Every container started from it carries the flaw until the image is rebuilt with the "
        "fixed version.",
    .remedy = "Upgrade the package to the fixed version (rebuild on an updated base image).",
};

// An advisory's severity as a finding severity; unknown ones are info, so
// they are listed but never fail a threshold on their own.
Severity finding_severity(VulnSeverity s) {
  switch (s) {
    case VulnSeverity::critical:
      return Severity::critical;
    case VulnSeverity::high:
      return Severity::high;
    case VulnSeverity::medium:
      return Severity::medium;
    case VulnSeverity::low:
      return Severity::low;
    case VulnSeverity::unknown:
      break;
  }
  return Severity::info;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string score_text(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

Finding make(const VulnerabilityReport& report, const VulnerabilityMatch& m) {
  Finding f;
  f.rule = std::string(k_info.slug);
  f.severity = finding_severity(m.severity);
  f.file = report.file;
  f.object = report.object;
  std::string rating(vuln_severity_name(m.severity));
  if (m.score >= 0)
    rating += ", " + m.severity_source + " " + score_text(m.score);
  else if (!m.severity_source.empty())
    rating += ", rated by " + m.severity_source;
  std::string source = m.source_package.empty() || m.source_package == m.package
                           ? ""
                           : " (source " + m.source_package + ")";
  std::string aliases = m.aliases.empty() ? "" : " [" + join(m.aliases) + "]";
  f.message = m.package + " " + m.installed_version + source + " is affected by " + m.advisory +
              aliases + " (" + rating + "): " +
              (m.fixed_version.empty() ? "no fix available" : "fixed in " + m.fixed_version);
  f.remedy = m.fixed_version.empty()
                 ? "No fixed version yet: remove " + m.package +
                       " if the image does not need it, or accept the risk with an ignore "
                       "(reason and expiry) in .vern.yaml."
                 : "Upgrade " + m.package + " to " + m.fixed_version +
                       " or later (rebuild on an updated base image).";
  f.properties = {{"advisory", m.advisory},
                  {"aliases", join(m.aliases)},
                  {"package", m.package},
                  {"source_package", m.source_package},
                  {"installed_version", m.installed_version},
                  {"fixed_version", m.fixed_version},
                  {"vulnerability_severity", rating.substr(0, rating.find(','))},
                  {"layer", m.layer}};
  if (m.score >= 0) {
    f.properties.emplace_back("cvss_score", score_text(m.score));
    f.properties.emplace_back("cvss_vector", m.vector);
  }
  return f;
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const VulnerabilityReport& report : inventory.vulnerabilities) {
    for (const VulnerabilityMatch& m : report.matches) out.add(make(report, m));
  }
}

}  // namespace

extern const Rule k_vulnerable_package;
const Rule k_vulnerable_package{k_info, RuleScope::unit, &check};

}  // namespace vern
