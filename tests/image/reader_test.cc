#include <gtest/gtest.h>

#include <fstream>

#include "image/image.h"
#include "image_builder.h"

namespace vern {
namespace {

using test::TarEntry;

struct Fixture {
  std::vector<std::string> plain;
  std::string config;
};

Fixture two_layers(const std::string& config_obj = R"({"User":"app"})") {
  Fixture f;
  f.plain.push_back(test::make_tar(
      {{"etc", 'd'}, {"etc/os-release", 'f', "ID=alpine\n"}, {"root/.env", 'f', "K=v"}}));
  f.plain.push_back(test::make_tar({{"root/.wh..env", 'f'}, {"app/run", 'f', "x", 04755}}));
  f.config = test::make_config(f.plain, config_obj);
  return f;
}

std::string write(const std::string& name, const std::string& bytes) {
  std::filesystem::path p = test::temp_dir(name) / "image.tar";
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

std::vector<std::string> gz_all(const std::vector<std::string>& plain) {
  std::vector<std::string> out;
  for (const std::string& l : plain) out.push_back(test::gzip(l));
  return out;
}

void expect_two_layer_image(const Result<Image>& r) {
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->layers.size(), 2u);
  EXPECT_EQ(r->config.user, "app");
  EXPECT_TRUE(r->tree.lookup("etc/os-release").ok());
  EXPECT_FALSE(r->tree.lookup("root/.env").ok());
  ASSERT_EQ(r->tree.removed_secrets().size(), 1u);
  EXPECT_EQ(r->layers[1].created_by, "RUN step");
}

TEST(ReadImage, DockerArchiveFileWithManifestLast) {
  Fixture f = two_layers();
  std::string path = write("docker", test::docker_archive(f.plain, f.config, "app:1"));
  Result<Image> r = open_image(path, {});
  expect_two_layer_image(r);
  EXPECT_EQ(r->reference, "app:1");
  EXPECT_EQ(r->target, path);
}

TEST(ReadImage, DockerArchiveStreamInOnePass) {
  Fixture f = two_layers();
  std::string tar = test::docker_archive(f.plain, f.config, "app:1");
  MemorySource src(tar);
  expect_two_layer_image(read_image_stream(src, {}, {}));
}

TEST(ReadImage, DockerArchiveLayerSymlinks) {
  Fixture f = two_layers();
  std::string l0 = test::hex_of(sha256_digest(f.plain[0]));
  std::string l1 = test::hex_of(sha256_digest(f.plain[1]));
  std::string cfg = test::hex_of(sha256_digest(f.config)) + ".json";
  std::string tar =
      test::make_tar({{"real/layer.tar", 'f', f.plain[0]},
                      {l0 + "/layer.tar", 'l', "", 0777, "../real/layer.tar"},
                      {l1 + "/layer.tar", 'f', f.plain[1]},
                      {cfg, 'f', f.config},
                      {"manifest.json", 'f',
                       "[{\"Config\":\"" + cfg + "\",\"RepoTags\":null,\"Layers\":[\"" + l0 +
                           "/layer.tar\",\"" + l1 + "/layer.tar\"]}]"}});
  expect_two_layer_image(open_image(write("symlinks", tar), {}));
  MemorySource src(tar);
  expect_two_layer_image(read_image_stream(src, {}, {}));
}

TEST(ReadImage, DockerArchiveInTheOciLayoutOfNewerDocker) {
  // Docker 25+ writes an OCI layout into `docker save` tars, plus a
  // manifest.json whose paths point into blobs/.
  Fixture f = two_layers();
  std::vector<TarEntry> files =
      test::oci_files(f.plain, f.config, "app:1", "application/vnd.oci.image.layer.v1.tar");
  std::string layers;
  for (const std::string& l : f.plain) {
    layers += std::string(layers.empty() ? "" : ",") + "\"blobs/sha256/" +
              test::hex_of(sha256_digest(l)) + "\"";
  }
  files.push_back({"manifest.json", 'f',
                   "[{\"Config\":\"blobs/sha256/" + test::hex_of(sha256_digest(f.config)) +
                       "\",\"RepoTags\":[\"app:1\"],\"Layers\":[" + layers + "]}]"});
  std::string tar = test::make_tar(files);
  Result<Image> r = open_image(write("docker25", tar), {});
  expect_two_layer_image(r);
  EXPECT_EQ(r->reference, "app:1");
  EXPECT_EQ(r->layers[0].digest, sha256_digest(f.plain[0]));
}

TEST(ReadImage, OciLayoutDirectoryByTagAndDigest) {
  Fixture f = two_layers();
  std::filesystem::path dir = test::temp_dir("ocidir");
  std::vector<TarEntry> files = test::oci_files(gz_all(f.plain), f.config, "v1");
  test::write_files(dir, files);
  expect_two_layer_image(open_image(dir.string(), {}));
  expect_two_layer_image(open_image(dir.string() + ":v1", {}));
  Result<Image> missing = open_image(dir.string() + ":v2", {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, Error::Kind::not_found);
  // The manifest is the file before index.json.
  std::string manifest_digest = sha256_digest(files[files.size() - 3].data);
  expect_two_layer_image(open_image(dir.string() + "@" + manifest_digest, {}));
}

TEST(ReadImage, OciArchiveWithZstdLayers) {
  Fixture f = two_layers();
  std::vector<std::string> stored;
  for (const std::string& l : f.plain) stored.push_back(test::zstd(l));
  std::string tar = test::make_tar(
      test::oci_files(stored, f.config, "v1", "application/vnd.oci.image.layer.v1.tar+zstd"));
  expect_two_layer_image(open_image(write("ociarchive", tar) + ":v1", {}));
}

TEST(ReadImage, MultiPlatformIndexPicksThePlatform) {
  Fixture amd = two_layers(R"({"User":"app"})");
  std::vector<TarEntry> a = test::oci_files(gz_all(amd.plain), amd.config, "x");
  Fixture arm;
  arm.plain.push_back(test::make_tar({{"arm", 'f', "1"}}));
  arm.config = test::make_config(arm.plain, R"({"User":"armuser"})");
  std::vector<TarEntry> b = test::oci_files(gz_all(arm.plain), arm.config, "x");
  std::string ma = a[a.size() - 3].data, mb = b[b.size() - 3].data;
  std::string index =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
      "\"manifests\":[" +
      test::descriptor("application/vnd.oci.image.manifest.v1+json", ma,
                       R"(,"platform":{"os":"linux","architecture":"amd64"})") +
      "," +
      test::descriptor("application/vnd.oci.image.manifest.v1+json", mb,
                       R"(,"platform":{"os":"linux","architecture":"arm64","variant":"v8"})") +
      "]}";
  std::vector<TarEntry> files;
  for (auto* set : {&a, &b}) {
    for (const TarEntry& e : *set) {
      if (e.path.rfind("blobs/", 0) == 0) files.push_back(e);
    }
  }
  files.push_back({"blobs/sha256/" + test::hex_of(sha256_digest(index)), 'f', index});
  files.push_back(
      {"index.json", 'f',
       "{\"schemaVersion\":2,\"manifests\":[" +
           test::descriptor("application/vnd.oci.image.index.v1+json", index,
                            R"(,"annotations":{"org.opencontainers.image.ref.name":"multi"})") +
           "]}"});
  std::filesystem::path dir = test::temp_dir("multi");
  test::write_files(dir, files);
  ImageOptions arm64;
  arm64.platform = "linux/arm64";
  Result<Image> r = open_image(dir.string() + ":multi", arm64);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->config.user, "armuser");
  ImageOptions amd64;
  amd64.platform = "linux/amd64";
  r = open_image(dir.string(), amd64);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->config.user, "app");
  ImageOptions s390;
  s390.platform = "linux/s390x";
  r = open_image(dir.string(), s390);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("linux/arm64/v8"), std::string::npos) << r.error().message;
}

TEST(ReadImage, MissingBlobIsAnError) {
  Fixture f = two_layers();
  std::vector<TarEntry> files = test::oci_files(gz_all(f.plain), f.config, "v1");
  files.erase(files.begin());  // the first layer
  std::filesystem::path dir = test::temp_dir("missing");
  test::write_files(dir, files);
  Result<Image> r = open_image(dir.string(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not in the layout"), std::string::npos) << r.error().message;
  Result<Image> t = open_image(write("missing_tar", test::make_tar(files)), {});
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("not in the archive"), std::string::npos) << t.error().message;
}

TEST(ReadImage, BlobDigestMismatchIsAnError) {
  Fixture f = two_layers();
  std::vector<TarEntry> files = test::oci_files(gz_all(f.plain), f.config, "v1");
  files[0].data = test::gzip(test::make_tar({{"evil", 'f', "swapped"}}));
  std::filesystem::path dir = test::temp_dir("mismatch");
  test::write_files(dir, files);
  Result<Image> r = open_image(dir.string(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("does not match its digest"), std::string::npos)
      << r.error().message;
}

TEST(ReadImage, DiffIdMismatchIsAnError) {
  Fixture f = two_layers();
  std::string other = test::make_tar({{"other", 'f', "x"}});
  std::string config = test::make_config({other, f.plain[1]}, "{}");
  std::string path = write("diffid", test::docker_archive(f.plain, config, "app:1"));
  Result<Image> r = open_image(path, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("diff_id"), std::string::npos) << r.error().message;
}

TEST(ReadImage, TruncatedLayerIsAnError) {
  Fixture f = two_layers();
  std::vector<std::string> stored = gz_all(f.plain);
  stored[0] = stored[0].substr(0, stored[0].size() / 2);
  std::vector<TarEntry> files = test::oci_files(stored, f.config, "v1");
  std::filesystem::path dir = test::temp_dir("truncated");
  test::write_files(dir, files);
  Result<Image> r = open_image(dir.string(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("layer 1"), std::string::npos) << r.error().message;
}

TEST(ReadImage, ManifestPathsCannotLeaveTheArchive) {
  std::string config = test::make_config({}, "{}");
  std::string tar =
      test::make_tar({{"c.json", 'f', config},
                      {"manifest.json", 'f', R"([{"Config":"../../etc/passwd","Layers":[]}])"}});
  Result<Image> r = open_image(write("escape", tar), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not in the archive"), std::string::npos) << r.error().message;
  std::filesystem::path dir = test::temp_dir("baddigest");
  test::write_files(
      dir,
      {{"oci-layout", 'f', "{}"},
       {"index.json", 'f',
        R"({"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:../../../etc/passwd","size":1}]})"}});
  r = open_image(dir.string(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("malformed digest"), std::string::npos) << r.error().message;
}

TEST(ReadImage, HostileLayerEntriesAreSkippedAndReported) {
  std::vector<std::string> plain = {test::make_tar({{"../../../tmp/pwned", 'f', "x"},
                                                    {"/etc/abs", 'f', "x"},
                                                    {"hard", 'h', "", 0644, "missing/target"},
                                                    {"a", 'l', "", 0777, "b"},
                                                    {"b", 'l', "", 0777, "a"},
                                                    {"ok", 'f', "fine"}})};
  std::string path = write("hostile", test::docker_archive(plain, test::make_config(plain), "h:1"));
  Result<Image> r = open_image(path, {});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->warnings.size(), 3u);
  EXPECT_TRUE(r->tree.lookup("ok").ok());
  EXPECT_FALSE(r->tree.lookup("a").ok());
}

TEST(ReadImage, NotAnImage) {
  Result<Image> r = open_image(write("notimage", test::make_tar({{"x", 'f', "y"}})), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("no manifest.json or index.json"), std::string::npos);
  r = open_image(write("garbage", "this is not a tar"), {});
  ASSERT_FALSE(r.ok());
  r = open_image("./no/such/file.tar", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Error::Kind::not_found);
}

TEST(ReadImage, DaemonUnreachableIsAClearError) {
  ImageOptions options;
  options.docker_socket = "/nonexistent/docker.sock";
  Result<Image> r = open_image("busybox:latest", options);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Docker daemon"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace vern
