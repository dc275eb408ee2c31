#include "vulndb/policy.h"

#include <algorithm>
#include <cctype>

namespace vern::vulndb {

namespace {

bool names(const VulnerabilityMatch& m, const std::string& id) {
  if (m.advisory == id) return true;
  return std::find(m.aliases.begin(), m.aliases.end(), id) != m.aliases.end();
}

}  // namespace

bool valid_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  }
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

Result<VulnSeverity> parse_vuln_severity(std::string_view name) {
  std::string n;
  for (char c : name) n += char(std::toupper(static_cast<unsigned char>(c)));
  for (VulnSeverity s : {VulnSeverity::unknown, VulnSeverity::low, VulnSeverity::medium,
                         VulnSeverity::high, VulnSeverity::critical}) {
    if (vuln_severity_name(s) == n) return s;
  }
  return Error::invalid("unknown severity '" + std::string(name) +
                        "' (use UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)");
}

Result<std::vector<VulnSeverity>> parse_severity_list(std::string_view list) {
  std::vector<VulnSeverity> out;
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) {
      auto s = parse_vuln_severity(item);
      if (!s) return s.error();
      out.push_back(*s);
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  if (out.empty()) return Error::invalid("empty severity list");
  return out;
}

PolicyOutcome apply_policy(std::vector<VulnerabilityMatch> matches, const VulnPolicy& policy,
                           std::string_view today) {
  PolicyOutcome out;
  std::vector<bool> used(policy.ignores.size(), false);
  std::vector<bool> expired(policy.ignores.size(), false);
  for (std::size_t i = 0; i < policy.ignores.size(); ++i) {
    const std::string& e = policy.ignores[i].expires;
    expired[i] = !e.empty() && std::string_view(e) < today;
  }
  for (VulnerabilityMatch& m : matches) {
    bool ignored = false;
    for (std::size_t i = 0; i < policy.ignores.size(); ++i) {
      if (!names(m, policy.ignores[i].id)) continue;
      used[i] = true;
      if (!expired[i]) ignored = true;
    }
    if (ignored) {
      ++out.ignored;
      continue;
    }
    if (policy.ignore_unfixed && m.fixed_version.empty()) {
      ++out.filtered;
      continue;
    }
    if (!policy.severities.empty() && std::find(policy.severities.begin(), policy.severities.end(),
                                                m.severity) == policy.severities.end()) {
      ++out.filtered;
      continue;
    }
    out.kept.push_back(std::move(m));
  }
  for (std::size_t i = 0; i < policy.ignores.size(); ++i) {
    const VulnIgnore& ig = policy.ignores[i];
    std::string reason = ig.reason.empty() ? "" : " (" + ig.reason + ")";
    if (expired[i] && used[i]) {
      out.notes.push_back("ignore of " + ig.id + reason + " expired on " + ig.expires +
                          ": it is reported again");
    } else if (expired[i]) {
      out.notes.push_back("ignore of " + ig.id + reason + " expired on " + ig.expires);
    } else if (!used[i]) {
      out.notes.push_back("ignore of " + ig.id + reason + " matched no vulnerability");
    }
  }
  return out;
}

}  // namespace vern::vulndb
