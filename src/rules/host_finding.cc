#include "rules/host_finding.h"

#include <cctype>
#include <charconv>

#include "rules/object_finding.h"

namespace vern {

Finding make_host_finding(const RuleInfo& info, const HostFacts& host, std::string message) {
  if (!info.cis.empty()) message += " (CIS " + std::string(info.cis) + ")";
  return make_object_finding(info, {}, Location{}, "host " + host.name, std::move(message));
}

DottedVersion parse_dotted_version(std::string_view text) {
  DottedVersion v;
  if (!text.empty() && (text[0] == 'v' || text[0] == 'V')) text.remove_prefix(1);
  std::size_t i = 0;
  for (int k = 0; k < 3; ++k) {
    int n = 0;
    auto [p, ec] = std::from_chars(text.data() + i, text.data() + text.size(), n);
    if (ec != std::errc()) {
      if (k == 0) return v;
      break;
    }
    v.part[k] = n;
    i = std::size_t(p - text.data());
    if (i < text.size() && text[i] == '.' && k < 2) {
      ++i;
      continue;
    }
    break;
  }
  v.valid = true;
  std::string_view rest = text.substr(i);
  if (rest.size() >= 3 && (rest[0] == '-' || rest[0] == '~') && rest.substr(1, 2) == "rc") {
    v.prerelease = true;
    std::from_chars(rest.data() + 3, rest.data() + rest.size(), v.rc);
  }
  return v;
}

int compare_versions(const DottedVersion& a, const DottedVersion& b) {
  for (int k = 0; k < 3; ++k) {
    if (a.part[k] != b.part[k]) return a.part[k] < b.part[k] ? -1 : 1;
  }
  if (a.prerelease != b.prerelease) return a.prerelease ? -1 : 1;
  if (a.rc != b.rc) return a.rc < b.rc ? -1 : 1;
  return 0;
}

}  // namespace vern
