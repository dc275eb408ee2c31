#include "image/layer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "image/digest.h"
#include "image_builder.h"

namespace vern {
namespace {

using test::TarEntry;

Result<LayerScan> scan(const std::string& blob, ImageLimits limits = {}) {
  Budget budget(limits);
  MemorySource src(blob);
  return scan_layer(src, budget);
}

const LayerEntry* find(const LayerScan& s, const std::string& path) {
  for (const LayerEntry& e : s.entries) {
    if (e.path == path) return &e;
  }
  return nullptr;
}

TEST(ScanLayer, DigestsCoverStoredAndUncompressedBytes) {
  std::string tar = test::make_tar({{"./etc/", 'd', "", 0755}, {"./etc/hostname", 'f', "box\n"}});
  for (const std::string& blob : {tar, test::gzip(tar), test::zstd(tar)}) {
    Result<LayerScan> r = scan(blob);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->diff_id, sha256_digest(tar));
    EXPECT_EQ(r->digest, sha256_digest(blob));
    EXPECT_EQ(r->stored_size, blob.size());
    ASSERT_NE(find(*r, "etc/hostname"), nullptr);
    EXPECT_EQ(find(*r, "etc")->type, EntryType::dir);
  }
}

TEST(ScanLayer, KeepsPackageDatabasesAndOsRelease) {
  std::string tar = test::make_tar({{"var/lib/dpkg/status", 'f', "Package: a\n"},
                                    {"etc/os-release", 'f', "ID=debian\n"},
                                    {"usr/bin/tool", 'f', "binary"}});
  Result<LayerScan> r = scan(tar);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(find(*r, "var/lib/dpkg/status")->kept);
  EXPECT_EQ(find(*r, "var/lib/dpkg/status")->content, "Package: a\n");
  EXPECT_TRUE(find(*r, "etc/os-release")->kept);
  EXPECT_FALSE(find(*r, "usr/bin/tool")->kept);
}

TEST(ScanLayer, MarksSecretsByNameAndContentWithoutKeepingThem) {
  std::string key = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";
  std::string tar = test::make_tar({{"srv/tls/server.pem", 'f', key},
                                    {"app/.env", 'f', "A=1\n"},
                                    {"app/.env.example", 'f', "A=\n"},
                                    {"root/.npmrc", 'f', "//registry/:_authToken=x\n"},
                                    {"home/u/.npmrc", 'f', "registry=https://r\n"},
                                    {"root/.ssh/id_ed25519", 'f', "x"},
                                    {"root/.aws/credentials", 'f', "[default]\n"}});
  Result<LayerScan> r = scan(tar);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(find(*r, "srv/tls/server.pem")->secret_kind, "private key");
  EXPECT_TRUE(find(*r, "srv/tls/server.pem")->content.empty());
  EXPECT_EQ(find(*r, "app/.env")->secret_kind, "dotenv file");
  EXPECT_EQ(find(*r, "app/.env.example")->secret_kind, "");
  EXPECT_EQ(find(*r, "root/.npmrc")->secret_kind, "npm token");
  EXPECT_EQ(find(*r, "home/u/.npmrc")->secret_kind, "");
  EXPECT_EQ(find(*r, "root/.ssh/id_ed25519")->secret_kind, "SSH private key");
  EXPECT_EQ(find(*r, "root/.aws/credentials")->secret_kind, "AWS credentials");
}

TEST(ScanLayer, WhiteoutsAndOpaqueMarkers) {
  std::string tar = test::make_tar(
      {{"etc/.wh.motd", 'f', ""}, {"var/cache/.wh..wh..opq", 'f', ""}, {".wh..wh.plnk", 'd', ""}});
  Result<LayerScan> r = scan(tar);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->entries.size(), 2u);
  EXPECT_TRUE(r->entries[0].whiteout);
  EXPECT_EQ(r->entries[0].path, "etc/motd");
  EXPECT_TRUE(r->entries[1].opaque);
  EXPECT_EQ(r->entries[1].path, "var/cache");
}

TEST(ScanLayer, SkipsAndReportsEscapingAndAbsolutePaths) {
  std::string tar = test::make_tar({{"../../etc/passwd", 'f', "x"},
                                    {"/etc/shadow", 'f', "x"},
                                    {"a/../../b", 'f', "x"},
                                    {"a/../ok", 'f', "x"},
                                    {"link", 'h', "", 0644, "../../outside"}});
  Result<LayerScan> r = scan(tar);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->entries.size(), 1u);
  EXPECT_EQ(r->entries[0].path, "ok");
  EXPECT_EQ(r->skipped_count, 4u);
  EXPECT_NE(r->skipped[0].find("leaves the image root"), std::string::npos) << r->skipped[0];
}

TEST(ScanLayer, SkipsOverlongPaths) {
  ImageLimits limits;
  limits.max_path = 64;
  Result<LayerScan> r = scan(test::make_tar({{std::string(100, 'a'), 'f', "x"}}), limits);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->entries.empty());
  EXPECT_EQ(r->skipped_count, 1u);
}

TEST(ScanLayer, GzipBombStopsAtTheByteLimit) {
  std::string tar = test::make_tar({{"zeros", 'f', std::string(8 << 20, '\0')}});
  std::string bomb = test::gzip(tar);
  ASSERT_LT(bomb.size(), 64u * 1024);
  ImageLimits limits;
  limits.max_bytes = 1 << 20;
  for (const std::string& blob : {bomb, test::zstd(tar)}) {
    Result<LayerScan> r = scan(blob, limits);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::limit_exceeded);
    EXPECT_NE(r.error().message.find("--max-bytes"), std::string::npos);
  }
}

TEST(ScanLayer, FileCountLimit) {
  ImageLimits limits;
  limits.max_files = 2;
  Result<LayerScan> r =
      scan(test::make_tar({{"a", 'f', "1"}, {"b", 'f', "2"}, {"c", 'f', "3"}}), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Error::Kind::limit_exceeded);
}

TEST(ScanLayer, SparseGigabyteFileIsNotRead) {
  std::ifstream in(std::string(VERN_SOURCE_DIR) + "/tests/image/testdata/sparse-1g.tar.gz",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  ImageLimits limits;
  limits.max_bytes = 1 << 20;  // the stored layer is tiny; its logical size is not charged
  Result<LayerScan> r = scan(ss.str(), limits);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->entries.size(), 1u);
  EXPECT_EQ(r->entries[0].size, std::uint64_t(1) << 30);
}

TEST(ScanLayer, TruncatedAndCorruptLayersAreErrors) {
  std::string tar = test::make_tar({{"big", 'f', std::string(100000, 'x')}});
  std::string gz = test::gzip(tar);
  for (const std::string& blob :
       {gz.substr(0, gz.size() / 2), tar.substr(0, 5000), std::string("\x1f\x8b\x08garbage", 11),
        std::string(), std::string("not a tar at all, just some text")}) {
    Result<LayerScan> r = scan(blob);
    EXPECT_FALSE(r.ok());
    if (!r.ok()) {
      EXPECT_FALSE(r.error().message.empty());
    }
  }
}

TEST(NormalizeLayerPath, Cases) {
  std::string out;
  EXPECT_TRUE(normalize_layer_path("./a//b/./c", out));
  EXPECT_EQ(out, "a/b/c");
  EXPECT_TRUE(normalize_layer_path("./", out));
  EXPECT_EQ(out, "");
  EXPECT_TRUE(normalize_layer_path("a/b/../c", out));
  EXPECT_EQ(out, "a/c");
  EXPECT_FALSE(normalize_layer_path("/abs", out));
  EXPECT_FALSE(normalize_layer_path("..", out));
  EXPECT_FALSE(normalize_layer_path("a/../../b", out));
}

}  // namespace
}  // namespace vern
