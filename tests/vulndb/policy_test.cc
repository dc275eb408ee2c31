#include "vulndb/policy.h"

#include <gtest/gtest.h>

namespace vern::vulndb {
namespace {

VulnerabilityMatch m(std::string id, VulnSeverity s, std::string fixed,
                     std::vector<std::string> aliases = {}) {
  VulnerabilityMatch out;
  out.advisory = std::move(id);
  out.aliases = std::move(aliases);
  out.severity = s;
  out.fixed_version = std::move(fixed);
  out.package = "libc6";
  return out;
}

std::vector<std::string> ids(const PolicyOutcome& o) {
  std::vector<std::string> out;
  for (const auto& x : o.kept) out.push_back(x.advisory);
  return out;
}

TEST(ApplyPolicy, SeverityListAndUnfixed) {
  std::vector<VulnerabilityMatch> all = {
      m("CVE-1", VulnSeverity::high, "1.1"), m("CVE-2", VulnSeverity::low, "1.1"),
      m("CVE-3", VulnSeverity::critical, ""), m("CVE-4", VulnSeverity::unknown, "1.2")};
  VulnPolicy p;
  p.severities = {VulnSeverity::critical, VulnSeverity::high, VulnSeverity::unknown};
  auto o = apply_policy(all, p, "2026-11-23");
  EXPECT_EQ(ids(o), (std::vector<std::string>{"CVE-1", "CVE-3", "CVE-4"}));
  p.ignore_unfixed = true;
  o = apply_policy(all, p, "2026-11-23");
  EXPECT_EQ(ids(o), (std::vector<std::string>{"CVE-1", "CVE-4"}));
  EXPECT_EQ(o.filtered, 2);
}

TEST(ApplyPolicy, IgnoresByIdOrAliasUntilExpiry) {
  std::vector<VulnerabilityMatch> all = {m("CVE-1", VulnSeverity::high, "1.1", {"DSA-1"}),
                                         m("CVE-2", VulnSeverity::high, "1.1")};
  VulnPolicy p;
  p.ignores = {{"DSA-1", "not reachable", "2026-12-31"},
               {"CVE-2", "accepted", "2026-11-01"},
               {"CVE-9", "", ""}};
  auto o = apply_policy(all, p, "2026-11-23");
  EXPECT_EQ(ids(o), std::vector<std::string>{"CVE-2"});
  EXPECT_EQ(o.ignored, 1);
  EXPECT_EQ(o.notes, (std::vector<std::string>{
                         "ignore of CVE-2 (accepted) expired on 2026-11-01: it is reported again",
                         "ignore of CVE-9 matched no vulnerability"}));
  // The expiry day itself still counts.
  o = apply_policy(all, p, "2026-12-31");
  EXPECT_EQ(o.ignored, 1);
}

TEST(ParseSeverityList, NamesAnyCase) {
  auto r = parse_severity_list("critical, HIGH,Unknown");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, (std::vector<VulnSeverity>{VulnSeverity::critical, VulnSeverity::high,
                                           VulnSeverity::unknown}));
  EXPECT_FALSE(parse_severity_list("HIGH,SEVERE").ok());
  EXPECT_FALSE(parse_severity_list("").ok());
}

TEST(ValidDate, IsoDatesOnly) {
  EXPECT_TRUE(valid_date("2026-01-31"));
  EXPECT_FALSE(valid_date("2026-13-01"));
  EXPECT_FALSE(valid_date("26-01-01"));
}

}  // namespace
}  // namespace vern::vulndb
