// Findings about the live host (HostFacts) for the host rules: the object is
// "host <name>", the CIS control (when the rule has one) is appended to the
// message as "(CIS 3.15)" and carried in the finding's properties.
#pragma once

#include <string>

#include "model/host.h"
#include "rules/rule.h"

namespace vern {

Finding make_host_finding(const RuleInfo& info, const HostFacts& host, std::string message);

// A dotted version with an optional pre-release, as runtimes and kernels
// spell it: "5.10.162", "1.0.0-rc6", "1.0.0~rc93+ds1", "1.1.5+ds1".
struct DottedVersion {
  int part[3] = {0, 0, 0};
  bool prerelease = false;  // "-rcN" / "~rcN": sorts before the release
  int rc = 0;
  bool valid = false;
};

DottedVersion parse_dotted_version(std::string_view text);
// <0, 0, >0 like strcmp. REQUIRES: both valid.
int compare_versions(const DottedVersion& a, const DottedVersion& b);

}  // namespace vern
