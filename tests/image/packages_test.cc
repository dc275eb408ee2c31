#include "image/packages.h"

#include <gtest/gtest.h>

#include <set>

#include "image/translate.h"
#include "image_builder.h"

namespace vern {
namespace {

std::string dpkg(const std::vector<std::pair<std::string, std::string>>& pkgs) {
  std::string out;
  for (const auto& [name, version] : pkgs) {
    out += "Package: " + name +
           "\nStatus: install ok installed\nArchitecture: amd64\nVersion: " + version + "\n\n";
  }
  return out;
}

Image read(const std::vector<std::string>& plain, const std::string& config_obj = "{}") {
  std::string tar = test::docker_archive(plain, test::make_config(plain, config_obj), "t:1");
  MemorySource src(tar);
  Result<Image> r = read_image_stream(src, {}, {});
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return r.ok() ? std::move(r.value()) : Image{};
}

TEST(ReadPackages, EachPackageKeepsTheLayerThatInstalledItsVersion) {
  std::vector<std::string> plain = {
      test::make_tar({{"etc/os-release", 'f', "ID=debian\nVERSION_ID=\"12\"\n"},
                      {"var/lib/dpkg/status", 'f', dpkg({{"base", "1"}, {"libx", "1"}})}}),
      test::make_tar(
          {{"var/lib/dpkg/status", 'f', dpkg({{"base", "1"}, {"libx", "2"}, {"curl", "8"}})}}),
      test::make_tar({{"unrelated", 'f', "x"}}),
  };
  Image image = read(plain);
  PackageInventory inv = read_packages(image);
  EXPECT_EQ(inv.os.id, "debian");
  EXPECT_EQ(inv.os.version_id, "12");
  ASSERT_EQ(inv.packages.size(), 3u);
  EXPECT_EQ(inv.packages[0].name, "base");
  EXPECT_EQ(inv.packages[0].layer, image.layers[0].diff_id);
  EXPECT_EQ(inv.packages[1].name, "libx");
  EXPECT_EQ(inv.packages[1].layer, image.layers[1].diff_id);
  EXPECT_EQ(inv.packages[2].name, "curl");
  EXPECT_EQ(inv.packages[2].layer, image.layers[1].diff_id);
}

TEST(ReadPackages, DistrolessStatusDAndApk) {
  std::vector<std::string> plain = {
      test::make_tar({{"var/lib/dpkg/status.d/tzdata", 'f',
                       "Package: tzdata\nVersion: 2024a\nArchitecture: all\n"},
                      {"var/lib/dpkg/status.d/tzdata.md5sums", 'f', "abc  file\n"}}),
      test::make_tar({{"lib/apk/db/installed", 'f', "P:musl\nV:1.2.4-r2\nA:x86_64\no:musl\n"},
                      {"etc/alpine-release", 'f', "3.19.1\n"}}),
  };
  Image image = read(plain);
  PackageInventory inv = read_packages(image);
  EXPECT_EQ(inv.os.id, "alpine");
  EXPECT_EQ(inv.os.version_id, "3.19.1");
  ASSERT_EQ(inv.packages.size(), 2u);
  EXPECT_EQ(inv.packages[0].name, "tzdata");
  EXPECT_EQ(inv.packages[0].layer, image.layers[0].diff_id);
  EXPECT_EQ(inv.packages[1].format, PackageFormat::apk);
  EXPECT_EQ(inv.packages[1].layer, image.layers[1].diff_id);
}

TEST(ReadPackages, DeletedDatabaseMeansNoPackages) {
  std::vector<std::string> plain = {
      test::make_tar({{"var/lib/dpkg/status", 'f', dpkg({{"a", "1"}})}}),
      test::make_tar({{"var/lib/dpkg/.wh.status", 'f'}}),
  };
  EXPECT_TRUE(read_packages(read(plain)).packages.empty());
}

TEST(ReadPackages, SymlinkLoopOnADatabaseIsReportedNotFollowedForever) {
  std::vector<std::string> plain = {test::make_tar({
      {"etc/os-release", 'l', "", 0777, "../usr/lib/os-release"},
      {"usr/lib/os-release", 'l', "", 0777, "../../etc/os-release"},
      {"var/lib/dpkg/status", 'l', "", 0777, "status"},
      {"lib/apk/db/installed", 'f', "P:musl\nV:1.2.4-r2\nA:x86_64\no:musl\n\n"},
  })};
  std::vector<std::string> warnings;
  PackageInventory inv = read_packages(read(plain), &warnings);
  ASSERT_EQ(inv.packages.size(), 1u);  // the other database is still read
  EXPECT_EQ(inv.packages[0].name, "musl");
  EXPECT_TRUE(inv.os.id.empty());
  std::set<std::string> looped;
  for (const std::string& w : warnings) {
    if (w.find("symlink loop") != std::string::npos) looped.insert(w.substr(0, w.find(':')));
  }
  EXPECT_EQ(looped, (std::set<std::string>{"/etc/os-release", "/usr/lib/os-release",
                                           "/var/lib/dpkg/status"}));
}

TEST(PackageUrl, PurlsPerFormat) {
  OsRelease debian{"debian", "12", "bookworm", ""};
  Package deb{PackageFormat::dpkg, "libssl3", "3.0.11-1~deb12u2+b1", "amd64", "openssl", "", ""};
  EXPECT_EQ(package_url(deb, debian),
            "pkg:deb/debian/libssl3@3.0.11-1~deb12u2%2Bb1?arch=amd64&distro=debian-12&"
            "upstream=openssl");
  Package apk{PackageFormat::apk, "musl", "1.2.4-r2", "x86_64", "musl", "", ""};
  EXPECT_EQ(package_url(apk, {"alpine", "3.19.1", "", ""}),
            "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19.1");
  Package rpm{PackageFormat::rpm, "bash", "5.1.8-6.el9", "x86_64", "bash", "", ""};
  EXPECT_EQ(package_url(rpm, {"rhel", "9.3", "", ""}),
            "pkg:rpm/rhel/bash@5.1.8-6.el9?arch=x86_64&distro=rhel-9.3");
}

TEST(TranslateImage, ConfigBecomesAnImageWorkload) {
  std::vector<std::string> plain = {test::make_tar({{"usr/bin/su", 'f', "x", 04755},
                                                    {"srv", 'd', "", 0777},
                                                    {"tmp", 'd', "", 01777},
                                                    {"tmp/scratch", 'f', "x", 0666},
                                                    {"etc/conf", 'f', "x", 0666},
                                                    {"home/u/.ssh/id_rsa", 'f', "x", 0600}})};
  Image image = read(plain, R"({"User":"","Env":["PATH=/bin","DB_PASSWORD=x"],)"
                            R"("ExposedPorts":{"80/tcp":{},"53/udp":{}},)"
                            R"("Healthcheck":{"Test":["NONE"]}})");
  Inventory inv = translate_image(image, read_packages(image));
  ASSERT_EQ(inv.workloads.size(), 1u);
  const Workload& w = inv.workloads[0];
  EXPECT_EQ(w.surface, Surface::image);
  EXPECT_EQ(w.kind, "image");
  EXPECT_EQ(w.name, "t:1");
  ASSERT_EQ(w.containers.size(), 1u);
  const Container& c = w.containers[0];
  EXPECT_TRUE(c.user.is_absent());
  ASSERT_EQ(c.env.size(), 2u);
  EXPECT_EQ(c.env[1].name, "DB_PASSWORD");
  EXPECT_TRUE(c.env[1].value.is_literal());
  ASSERT_EQ(c.ports.size(), 2u);
  EXPECT_EQ(c.ports[1].container_first, 80);
  EXPECT_EQ(c.ports[0].protocol, "udp");
  EXPECT_TRUE(c.healthcheck.is(false));
  EXPECT_EQ(c.image.value.tag, "1");
  ASSERT_EQ(inv.images.size(), 1u);
  const ImageFacts& f = inv.images[0];
  ASSERT_EQ(f.setuid_files.size(), 1u);
  EXPECT_EQ(f.setuid_files[0].path, "/usr/bin/su");
  ASSERT_EQ(f.world_writable.size(), 2u);
  EXPECT_EQ(f.world_writable[0].path, "/etc/conf");
  EXPECT_EQ(f.world_writable[1].path, "/srv");
  ASSERT_EQ(f.secret_files.size(), 1u);
  EXPECT_EQ(f.secret_files[0].kind, "SSH private key");
  EXPECT_EQ(f.layers.size(), 1u);
}

}  // namespace
}  // namespace vern
