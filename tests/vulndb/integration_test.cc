// Integration test over the debootstrap Debian 12 image that
// scripts/make-test-images.sh builds: its real package database matched
// against the fixture advisories. Runs through the CTest entry labelled
// `integration` (VERN_TEST_IMAGES points at the images); skipped without it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>

#include "image/image.h"
#include "image/packages.h"
#include "vulndb/import.h"
#include "vulndb/match.h"
#include "vulndb/temp_dir.h"
#include "vulndb/version/dpkg.h"

namespace vern::vulndb {
namespace {

TEST(VulndbIntegration, DebootstrapImageMatchesOnSourcePackages) {
  const char* dir = std::getenv("VERN_TEST_IMAGES");
  if (!dir || !*dir) GTEST_SKIP() << "VERN_TEST_IMAGES is not set";
  Result<Image> image = open_image(std::string(dir) + "/bookworm.docker.tar", {});
  ASSERT_TRUE(image.ok()) << image.error().to_string();
  std::vector<std::string> warnings;
  PackageInventory inv = read_packages(*image, &warnings);
  ASSERT_EQ(inv.os.id, "debian");
  ASSERT_GT(inv.packages.size(), 50u);

  testing::TempDir tmp;
  auto db = Database::open(tmp.path("v.db"), Database::Mode::read_write);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(import_sources(*db,
                             {testing::fixture("osv"), testing::fixture("debian-tracker.json")},
                             1763900000)
                  .ok());
  auto matches = match_packages(*db, inv);
  ASSERT_TRUE(matches.ok()) << matches.error().message;

  // What the fixture advisories say about each installed package, worked out
  // here from the versions debootstrap installed (they move with the mirror).
  std::set<std::string> want;
  for (const Package& p : inv.packages) {
    const std::string& v = p.source_version;
    if (p.source_name == "glibc") {
      want.insert(p.name + " CVE-2026-4438");
      if (dpkg_compare(v, "2.36-9+deb12u3") < 0) want.insert(p.name + " CVE-2023-4911");
      if (dpkg_compare(v, "2.36-9+deb12u6") < 0) want.insert(p.name + " DSA-5673-1");
    }
    if (p.source_name == "systemd") {
      want.insert(p.name + " CVE-2023-31437");
      if (dpkg_compare(v, "252.21-1~deb12u1") < 0) want.insert(p.name + " CVE-2023-7008");
    }
    if (p.source_name == "coreutils" && dpkg_compare(v, "9.1-1") <= 0) {
      want.insert(p.name + " DEBIAN-CVE-2016-2781");
    }
  }
  std::set<std::string> got;
  std::map<std::string, std::string> layer_of;
  for (const Package& p : inv.packages) layer_of[p.name] = p.layer;
  for (const VulnerabilityMatch& m : *matches) {
    got.insert(m.package + " " + m.advisory);
    EXPECT_EQ(m.layer, layer_of[m.package]) << m.package;
    EXPECT_FALSE(m.layer.empty()) << m.package;
  }
  EXPECT_EQ(got, want);
  EXPECT_TRUE(want.count("libc6 CVE-2026-4438"));
}

}  // namespace
}  // namespace vern::vulndb
