#include "vulndb/match.h"

#include <gtest/gtest.h>

#include "vulndb/import.h"
#include "vulndb/temp_dir.h"

namespace vern::vulndb {
namespace {

using testing::fixture;
using testing::TempDir;
using Kind = RangeEvent::Kind;

Package deb(std::string name, std::string version, std::string source, std::string source_version,
            std::string layer = "sha256:base") {
  return Package{PackageFormat::dpkg, std::move(name),           std::move(version), "amd64",
                 std::move(source),   std::move(source_version), std::move(layer)};
}

Package apk(std::string name, std::string version, std::string origin) {
  return Package{PackageFormat::apk, std::move(name), version,        "x86_64",
                 std::move(origin),  version,         "sha256:alpine"};
}

// A slice of a Debian 12 minbase system, as the image reader would list it.
PackageInventory bookworm() {
  PackageInventory inv;
  inv.os = OsRelease{"debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"};
  inv.packages = {
      deb("libc6", "2.36-9+deb12u1", "glibc", "2.36-9+deb12u1"),
      deb("zlib1g", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1"),
      deb("libsystemd0", "252.17-1~deb12u1", "systemd", "252.17-1~deb12u1", "sha256:apt"),
      deb("coreutils", "9.1-1", "coreutils", "9.1-1"),
      deb("xz-utils", "5.4.1-0.2", "xz-utils", "5.4.1-0.2"),
      deb("bash", "5.2.15-2+b2", "bash", "5.2.15-2"),
  };
  return inv;
}

class MatchPackages : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(m_tmp.path("v.db"), Database::Mode::read_write);
    ASSERT_TRUE(db.ok());
    m_db.emplace(std::move(*db));
    auto r = import_sources(
        *m_db, {fixture("osv"), fixture("debian-tracker.json"), fixture("alpine-v3.19-main.json")},
        1763900000);
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  std::vector<VulnerabilityMatch> match(const PackageInventory& inv) {
    auto r = match_packages(*m_db, inv);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::vector<VulnerabilityMatch>{};
  }

  TempDir m_tmp;
  std::optional<Database> m_db;
};

std::string describe(const VulnerabilityMatch& m) {
  return m.package + " " + m.advisory + " fixed=" + m.fixed_version + " " +
         std::string(vuln_severity_name(m.severity)) + "/" + m.severity_source;
}

TEST_F(MatchPackages, DebianBookwormExactResults) {
  auto matches = match(bookworm());
  std::vector<std::string> got;
  for (const auto& m : matches) got.push_back(describe(m));
  const std::vector<std::string> want = {
      // last_affected 9.1-1 includes 9.1-1; CVSS 3.0 vector: 6.5.
      "coreutils DEBIAN-CVE-2016-2781 fixed= MEDIUM/CVSS:3.0",
      // Tracker CVE (no rating) borrows the CVSS 3.1 vector of the CVE record: 7.8;
      // DSA-5514-1 aliases it and is folded into it.
      "libc6 CVE-2023-4911 fixed=2.36-9+deb12u3 HIGH/CVSS:3.1",
      "libc6 CVE-2026-4438 fixed= UNKNOWN/",
      "libc6 DSA-5673-1 fixed=2.36-9+deb12u6 UNKNOWN/",
      // Debian urgency first; `~` versions ordered below their base.
      "libsystemd0 CVE-2023-31437 fixed= LOW/debian",
      "libsystemd0 CVE-2023-7008 fixed=252.21-1~deb12u1 LOW/debian",
  };
  EXPECT_EQ(got, want);
  ASSERT_GE(matches.size(), 2u);
  const VulnerabilityMatch& glibc = matches[1];
  EXPECT_EQ(glibc.source_package, "glibc");
  EXPECT_EQ(glibc.installed_version, "2.36-9+deb12u1");
  EXPECT_EQ(glibc.ecosystem, "debian:12");
  EXPECT_EQ(glibc.aliases, std::vector<std::string>{"DSA-5514-1"});
  EXPECT_DOUBLE_EQ(glibc.score, 7.8);
  EXPECT_EQ(glibc.vector, "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H");
  EXPECT_EQ(matches[4].layer, "sha256:apt");
}

TEST_F(MatchPackages, FixedVersionInstalledIsNotReported) {
  PackageInventory inv = bookworm();
  inv.packages = {deb("libc6", "2.36-9+deb12u6", "glibc", "2.36-9+deb12u6"),
                  deb("coreutils", "9.1-2", "coreutils", "9.1-2"),
                  deb("libsystemd0", "252.21-1~deb12u1", "systemd", "252.21-1~deb12u1")};
  std::vector<std::string> got;
  for (const auto& m : match(inv)) got.push_back(m.package + " " + m.advisory);
  EXPECT_EQ(got, (std::vector<std::string>{"libc6 CVE-2026-4438", "libsystemd0 CVE-2023-31437"}));
}

TEST_F(MatchPackages, BinNmuMatchesOnSourceVersion) {
  PackageInventory inv = bookworm();
  inv.packages = {deb("libc6", "2.36-9+deb12u3+b1", "glibc", "2.36-9+deb12u3")};
  for (const auto& m : match(inv)) EXPECT_NE(m.advisory, "CVE-2023-4911");
}

TEST_F(MatchPackages, AlpinePatchAndRevisionVersions) {
  PackageInventory inv;
  inv.os = OsRelease{"alpine", "3.19.1", "", "Alpine Linux v3.19"};
  inv.packages = {apk("openssh-client-default", "9.5_p1-r0", "openssh"),
                  apk("libcrypto3", "3.1.4-r5", "openssl"),
                  apk("busybox", "1.36.1-r15", "busybox")};
  std::vector<std::string> got;
  for (const auto& m : match(inv))
    got.push_back(m.package + " " + m.advisory + " " + m.fixed_version);
  const std::vector<std::string> want = {"busybox CVE-2023-42363 1.36.1-r16",
                                         "busybox CVE-2023-42364 1.36.1-r16",
                                         "busybox CVE-2023-42365 1.36.1-r16",
                                         "busybox CVE-2023-42366 1.36.1-r16",
                                         "openssh-client-default CVE-2023-48795 9.6_p1-r0",
                                         "openssh-client-default CVE-2023-51384 9.6_p1-r0",
                                         "openssh-client-default CVE-2023-51385 9.6_p1-r0"};
  EXPECT_EQ(got, want);
}

TEST_F(MatchPackages, UnknownOsMatchesNothing) {
  PackageInventory inv = bookworm();
  inv.os = OsRelease{};
  EXPECT_TRUE(match(inv).empty());
}

TEST(EvaluateAffected, OsvRangeSemantics) {
  const VersionScheme s = VersionScheme::dpkg;
  std::vector<AffectedRange> r = {{{{Kind::introduced, "1.2-1"},
                                    {Kind::fixed, "1.4-1"},
                                    {Kind::introduced, "2.0-1"},
                                    {Kind::last_affected, "2.1-1"}}}};
  EXPECT_FALSE(evaluate_affected(s, "1.1-1", r, {}).affected);
  EXPECT_EQ(evaluate_affected(s, "1.2-1", r, {}).fixed, "1.4-1");
  EXPECT_FALSE(evaluate_affected(s, "1.4-1", r, {}).affected);
  EXPECT_FALSE(evaluate_affected(s, "1.9-1", r, {}).affected);
  AffectedVerdict v = evaluate_affected(s, "2.1-1", r, {});
  EXPECT_TRUE(v.affected);
  EXPECT_EQ(v.fixed, "");
  EXPECT_FALSE(evaluate_affected(s, "2.1-2", r, {}).affected);
}

TEST(EvaluateAffected, LimitAndExplicitVersions) {
  std::vector<AffectedRange> r = {{{{Kind::introduced, "0"}, {Kind::limit, "3.0"}}}};
  EXPECT_TRUE(evaluate_affected(VersionScheme::rpm, "2.9", r, {}).affected);
  EXPECT_FALSE(evaluate_affected(VersionScheme::rpm, "3.0", r, {}).affected);
  EXPECT_TRUE(evaluate_affected(VersionScheme::apk, "1.0-r1", {}, {"1.0-r1"}).affected);
  EXPECT_FALSE(evaluate_affected(VersionScheme::apk, "1.0-r2", {}, {"1.0-r1"}).affected);
}

TEST(DecideSeverity, DistributionRatingFirstThenVectors) {
  const char* v3 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
  const char* v4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N";
  auto d = decide_severity(VulnSeverity::low, "debian", v3, v4, std::nullopt);
  EXPECT_EQ(d.severity, VulnSeverity::low);
  EXPECT_EQ(d.source, "debian");
  d = decide_severity(VulnSeverity::unknown, "", v3, v4, std::nullopt);
  EXPECT_EQ(d.severity, VulnSeverity::medium);  // v4 5.3 wins over v3 9.8
  EXPECT_EQ(d.source, "CVSS:4.0");
  d = decide_severity(VulnSeverity::unknown, "", "CVSS:3.1/garbage", "", ScoreVectors{v3, ""});
  EXPECT_EQ(d.severity, VulnSeverity::critical);
  EXPECT_DOUBLE_EQ(d.score, 9.8);
  d = decide_severity(VulnSeverity::unknown, "", "", "", std::nullopt);
  EXPECT_EQ(d.severity, VulnSeverity::unknown);
  EXPECT_EQ(d.source, "");
}

}  // namespace
}  // namespace vern::vulndb
