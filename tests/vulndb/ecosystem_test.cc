#include "vulndb/ecosystem.h"

#include <gtest/gtest.h>

namespace vern::vulndb {
namespace {

TEST(EcosystemFromOsv, DistributionNamesAreCanonical) {
  EXPECT_EQ(ecosystem_from_osv("Debian:12"), "debian:12");
  EXPECT_EQ(ecosystem_from_osv("Alpine:v3.19"), "alpine:3.19");
  EXPECT_EQ(ecosystem_from_osv("Ubuntu:22.04:LTS"), "ubuntu:22.04");
  EXPECT_EQ(ecosystem_from_osv("Ubuntu:Pro:18.04:LTS"), "ubuntu:pro:18.04");
  EXPECT_EQ(ecosystem_from_osv("Red Hat:enterprise_linux:9::appstream"), "rhel:9");
  EXPECT_EQ(ecosystem_from_osv("Rocky Linux:9"), "rocky:9");
  EXPECT_EQ(ecosystem_from_osv("PyPI"), "pypi");
}

TEST(EcosystemForOs, FromOsRelease) {
  EXPECT_EQ(ecosystem_for_os({"debian", "12", "bookworm", ""}), "debian:12");
  EXPECT_EQ(ecosystem_for_os({"debian", "", "trixie", ""}), "debian:13");
  EXPECT_EQ(ecosystem_for_os({"alpine", "3.19.1", "", ""}), "alpine:3.19");
  EXPECT_EQ(ecosystem_for_os({"ubuntu", "22.04", "jammy", ""}), "ubuntu:22.04");
  EXPECT_EQ(ecosystem_for_os({"rocky", "9.3", "", ""}), "rocky:9");
  EXPECT_EQ(ecosystem_for_os({}), "");
}

TEST(SchemeForEcosystem, PackageManagerOrdering) {
  EXPECT_EQ(scheme_for_ecosystem("debian:12"), VersionScheme::dpkg);
  EXPECT_EQ(scheme_for_ecosystem("ubuntu:22.04"), VersionScheme::dpkg);
  EXPECT_EQ(scheme_for_ecosystem("alpine:3.19"), VersionScheme::apk);
  EXPECT_EQ(scheme_for_ecosystem("rhel:9"), VersionScheme::rpm);
  EXPECT_EQ(scheme_for_ecosystem("pypi"), VersionScheme::unknown);
}

}  // namespace
}  // namespace vern::vulndb
