// Finding: what a rule reports. A plain value; reporters decide how to show it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/located.h"

namespace vern {

enum class Severity : std::uint8_t { info, low, medium, high, critical };
inline constexpr int k_severity_count = 5;  // values of Severity

std::string_view severity_name(Severity s);  // "critical", "high", ...
// Parses a severity name, case-insensitively. nullopt when unknown.
std::optional<Severity> parse_severity(std::string_view name);

struct Finding {
  std::string rule;  // slug
  Severity severity = Severity::info;
  std::string file;  // empty for live objects
  Location where;
  std::string object;       // "Deployment prod/web container app", "service db", ...
  std::string message;      // one line naming the offending value; never a secret's value
  std::string remedy;       // one line
  std::string source_line;  // the text of line `where.line`, filled by the scan driver
  // Extra key/value facts for JSON/SARIF properties (e.g. {"cis", "5.4"}).
  std::vector<std::pair<std::string, std::string>> properties;
};

// Where rules send findings. Implementations decide ordering and storage.
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  virtual void add(Finding finding) = 0;
};

// A sink that keeps everything in order; for tests and small batches.
class FindingList final : public FindingSink {
 public:
  void add(Finding finding) override { m_findings.push_back(std::move(finding)); }
  const std::vector<Finding>& findings() const { return m_findings; }
  std::vector<Finding>& findings() { return m_findings; }

 private:
  std::vector<Finding> m_findings;
};

}  // namespace vern
