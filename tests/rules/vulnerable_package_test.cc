#include <gtest/gtest.h>

#include "rules/finding.h"
#include "rules/rule.h"

namespace vern {
extern const Rule k_vulnerable_package;

namespace {

std::vector<Finding> run(const Inventory& inv) {
  FindingList out;
  k_vulnerable_package.check(inv, RuleOptions{}, out);
  return out.findings();
}

VulnerabilityMatch glibc_match() {
  VulnerabilityMatch m;
  m.advisory = "CVE-2023-4911";
  m.aliases = {"DSA-5514-1"};
  m.package = "libc6";
  m.source_package = "glibc";
  m.installed_version = "2.36-9+deb12u1";
  m.fixed_version = "2.36-9+deb12u3";
  m.ecosystem = "debian:12";
  m.severity = VulnSeverity::high;
  m.severity_source = "CVSS:3.1";
  m.score = 7.8;
  m.vector = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H";
  m.layer = "sha256:0123456789abcdef";
  return m;
}

Inventory with(std::vector<VulnerabilityMatch> matches) {
  Inventory inv;
  inv.vulnerabilities.push_back({"app.tar", "image example/app:1", std::move(matches)});
  return inv;
}

TEST(VulnerablePackage, OneFindingPerMatchWithTheAdvisorySeverity) {
  auto found = run(with({glibc_match()}));
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "vulnerable-package");
  EXPECT_EQ(f.severity, Severity::high);
  EXPECT_EQ(f.file, "app.tar");
  EXPECT_EQ(f.object, "image example/app:1");
  EXPECT_EQ(f.message,
            "libc6 2.36-9+deb12u1 (source glibc) is affected by CVE-2023-4911 [DSA-5514-1] "
            "(HIGH, CVSS:3.1 7.8): fixed in 2.36-9+deb12u3");
  EXPECT_EQ(f.remedy,
            "Upgrade libc6 to 2.36-9+deb12u3 or later (rebuild on an updated base image).");
  auto prop = [&](const std::string& k) {
    for (const auto& [key, v] : f.properties) {
      if (key == k) return v;
    }
    return std::string("<none>");
  };
  EXPECT_EQ(prop("layer"), "sha256:0123456789abcdef");
  EXPECT_EQ(prop("fixed_version"), "2.36-9+deb12u3");
  EXPECT_EQ(prop("vulnerability_severity"), "HIGH");
  EXPECT_EQ(prop("cvss_score"), "7.8");
}

TEST(VulnerablePackage, NoFixAndUnknownSeverity) {
  VulnerabilityMatch m = glibc_match();
  m.advisory = "CVE-2026-4438";
  m.aliases.clear();
  m.fixed_version.clear();
  m.severity = VulnSeverity::unknown;
  m.severity_source.clear();
  m.score = -1;
  auto found = run(with({m}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::info);
  EXPECT_EQ(found[0].message,
            "libc6 2.36-9+deb12u1 (source glibc) is affected by CVE-2026-4438 (UNKNOWN): no "
            "fix available");
  EXPECT_NE(found[0].remedy.find("No fixed version yet"), std::string::npos);
}

TEST(VulnerablePackage, DistributionRatingNamed) {
  VulnerabilityMatch m = glibc_match();
  m.severity = VulnSeverity::low;
  m.severity_source = "debian";
  m.score = -1;
  auto found = run(with({m}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::low);
  EXPECT_NE(found[0].message.find("(LOW, rated by debian)"), std::string::npos);
}

TEST(VulnerablePackage, NothingWithoutMatches) {
  EXPECT_TRUE(run(Inventory{}).empty());
  EXPECT_TRUE(run(with({})).empty());
}

}  // namespace
}  // namespace vern
