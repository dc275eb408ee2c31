// Integration tests over real images made by scripts/make-test-images.sh (a
// debootstrap Debian 12 rootfs and a busybox-static one). They run through the
// CTest entry labelled `integration`, which points VERN_TEST_IMAGES at the
// images; without it they are skipped.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "image/image.h"
#include "image/packages.h"
#include "image/translate.h"

namespace vern {
namespace {

std::string images_dir() {
  const char* d = std::getenv("VERN_TEST_IMAGES");
  return d ? d : "";
}

#define REQUIRE_IMAGES()                                                   \
  if (images_dir().empty()) GTEST_SKIP() << "VERN_TEST_IMAGES is not set"; \
  static_assert(true)

Image open(const std::string& name) {
  Result<Image> r = open_image(images_dir() + "/" + name, {});
  EXPECT_TRUE(r.ok()) << name << ": " << r.error().to_string();
  return r.ok() ? std::move(r.value()) : Image{};
}

// "name version arch" lines as `dpkg-query -W` prints them for the rootfs.
std::set<std::string> dpkg_query_lines() {
  std::ifstream in(images_dir() + "/bookworm.dpkg-query.txt");
  std::set<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.insert(line);
  }
  return out;
}

std::set<std::string> package_lines(const PackageInventory& inv) {
  std::set<std::string> out;
  for (const Package& p : inv.packages) out.insert(p.name + ' ' + p.version + ' ' + p.architecture);
  return out;
}

TEST(ImageIntegration, DebianPackagesMatchDpkgQueryInEveryFormat) {
  REQUIRE_IMAGES();
  std::set<std::string> expected = dpkg_query_lines();
  ASSERT_GT(expected.size(), 50u);
  for (const char* name : {"bookworm.docker.tar", "bookworm-oci", "bookworm.oci.tar"}) {
    SCOPED_TRACE(name);
    Image image = open(name);
    PackageInventory inv = read_packages(image);
    EXPECT_EQ(inv.os.id, "debian");
    EXPECT_EQ(inv.os.version_id, "12");
    EXPECT_EQ(inv.os.codename, "bookworm");
    EXPECT_EQ(package_lines(inv), expected);
    for (const Package& p : inv.packages) {
      ASSERT_EQ(p.layer, image.layers[0].diff_id) << p.name;
    }
  }
}

// The same rootfs imported into a real daemon and written back by `docker
// save` and `skopeo copy` (make-test-images.sh, with a daemon): archives this
// reader did not write. One layer; skipped when they were not made.
TEST(ImageIntegration, DebianImportedAndCopiedByRealToolsMatchDpkgQuery) {
  REQUIRE_IMAGES();
  if (!std::ifstream(images_dir() + "/bookworm-import.docker.tar")) {
    GTEST_SKIP() << "no bookworm-import.docker.tar (make-test-images.sh without a daemon)";
  }
  std::set<std::string> expected = dpkg_query_lines();
  std::string diff_id;
  for (const char* name : {"bookworm-import.docker.tar", "bookworm-skopeo-oci:12",
                           "bookworm-skopeo-oci", "bookworm-skopeo.oci.tar"}) {
    SCOPED_TRACE(name);
    Image image = open(name);
    ASSERT_EQ(image.layers.size(), 1u);
    EXPECT_TRUE(image.warnings.empty()) << image.warnings.front();
    // skopeo recompresses the layer; its uncompressed digest stays docker's.
    if (diff_id.empty()) diff_id = image.layers[0].diff_id;
    EXPECT_EQ(image.layers[0].diff_id, diff_id);
    PackageInventory inv = read_packages(image);
    EXPECT_EQ(inv.os.codename, "bookworm");
    EXPECT_EQ(package_lines(inv), expected);
  }
}

TEST(ImageIntegration, DebianFileFacts) {
  REQUIRE_IMAGES();
  Image image = open("bookworm.docker.tar");
  ASSERT_EQ(image.layers.size(), 3u);
  EXPECT_TRUE(image.warnings.empty()) << image.warnings.front();
  Inventory inv = translate_image(image, read_packages(image));
  const ImageFacts& f = inv.images.at(0);
  EXPECT_EQ(f.reference, "vern-test/bookworm:latest");
  std::set<std::string> setuid;
  for (const ImageFile& s : f.setuid_files) setuid.insert(s.path);
  EXPECT_TRUE(setuid.count("/usr/bin/passwd"));
  EXPECT_TRUE(setuid.count("/app/run"));
  ASSERT_EQ(f.world_writable.size(), 1u);
  EXPECT_EQ(f.world_writable[0].path, "/app/shared");
  ASSERT_EQ(f.secret_files.size(), 1u);
  EXPECT_EQ(f.secret_files[0].path, "/app/.env");
  EXPECT_EQ(f.secret_files[0].layer, 1);
  ASSERT_EQ(f.deleted_secrets.size(), 1u);
  EXPECT_EQ(f.deleted_secrets[0].path, "/root/.ssh/id_rsa");
  EXPECT_EQ(f.deleted_secrets[0].added_layer, 1);
  EXPECT_EQ(f.deleted_secrets[0].removed_layer, 2);
  const Container& c = inv.workloads.at(0).containers.at(0);
  EXPECT_TRUE(c.user.is_absent());
  EXPECT_TRUE(c.healthcheck.is_absent());
  ASSERT_EQ(c.ports.size(), 1u);
  EXPECT_EQ(c.ports[0].container_first, 80);
}

TEST(ImageIntegration, BusyboxHasNoPackageDatabase) {
  REQUIRE_IMAGES();
  for (const char* name : {"busybox.docker.tar", "busybox-oci", "busybox.oci.tar"}) {
    SCOPED_TRACE(name);
    Image image = open(name);
    EXPECT_TRUE(image.tree.lookup("bin/busybox").ok());
    Result<const TreeNode*> sh = image.tree.lookup("bin/sh");
    ASSERT_TRUE(sh.ok());
    EXPECT_EQ((*sh)->entry->path, "bin/busybox");
    EXPECT_TRUE(read_packages(image).packages.empty());
  }
}

}  // namespace
}  // namespace vern

namespace vern {
namespace {

// Streams the busybox image back from the daemon (loaded by
// make-test-images.sh when a daemon is reachable); skipped without one.
TEST(ImageIntegration, DaemonImageIsStreamedLikeTheArchive) {
  REQUIRE_IMAGES();
  Result<Image> r = open_image("vern-test/busybox:1.0", {});
  if (!r.ok()) GTEST_SKIP() << "no daemon or image: " << r.error().message;
  EXPECT_EQ(r->layers.size(), 1u);
  EXPECT_TRUE(r->tree.lookup("bin/busybox").ok());
  Image archive = open("busybox.docker.tar");
  EXPECT_EQ(r->config_digest, archive.config_digest);
  EXPECT_EQ(r->layers[0].diff_id, archive.layers[0].diff_id);
}

}  // namespace
}  // namespace vern
