// End-to-end: `vern image` on archives written by the test image builder.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "image/image_builder.h"
#include "support/run_process.h"

namespace vern {
namespace {

using testing::run_process;

constexpr const char* k_key =
    "-----BEGIN EC PRIVATE KEY-----\nTESTONLYnotakeyTESTONLY\n-----END EC PRIVATE KEY-----\n";

std::string write_image(const std::string& name, const std::vector<std::string>& plain,
                        const std::string& config_obj) {
  std::filesystem::path p = test::temp_dir("cli_" + name) / "image.tar";
  std::ofstream(p, std::ios::binary)
      << test::docker_archive(plain, test::make_config(plain, config_obj), "shop/api:2.1");
  return p.string();
}

std::string sample_image() {
  return write_image(
      "sample",
      {test::make_tar({{"etc/os-release", 'f', "ID=debian\nVERSION_ID=\"12\"\n"},
                       {"var/lib/dpkg/status", 'f',
                        "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\n"
                        "Source: glibc\nVersion: 2.36-9+deb12u4\n"},
                       {"usr/bin/su", 'f', "x", 04755},
                       {"srv/key.pem", 'f', k_key}}),
       test::make_tar({{"srv/.wh.key.pem", 'f'}, {"app/.env", 'f', "TOKEN=zzsecretzz\n"}})},
      R"({"Env":["DB_PASSWORD=hunter2"],"ExposedPorts":{"8080/tcp":{}}})");
}

TEST(ImageCommand, JsonReportsConfigAndFileFindingsWithoutSecretValues) {
  auto r = run_process({VERN_BINARY, "image", sample_image(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  std::set<std::string> rules;
  for (const auto& f : doc["findings"]) rules.insert(f["rule"].get<std::string>());
  for (const char* want : {"root-user", "secret-in-env", "no-healthcheck", "setuid-file",
                           "secret-file-in-image", "secret-deleted-in-later-layer"}) {
    EXPECT_TRUE(rules.count(want)) << want << "\n" << r.out;
  }
  EXPECT_EQ(r.out.find("hunter2"), std::string::npos);
  EXPECT_EQ(r.out.find("zzsecretzz"), std::string::npos);
  EXPECT_EQ(r.out.find("TESTONLY"), std::string::npos);
}

TEST(ImageCommand, FailOnThreshold) {
  std::string image = sample_image();
  EXPECT_EQ(run_process({VERN_BINARY, "image", image, "--fail-on", "none"}).exit_code, 0);
  EXPECT_EQ(run_process({VERN_BINARY, "image", image, "--fail-on", "critical"}).exit_code, 0);
  EXPECT_EQ(run_process({VERN_BINARY, "image", image, "--fail-on", "high"}).exit_code, 1);
}

TEST(ImageCommand, ListPackagesAndSbom) {
  std::string image = sample_image();
  auto list = run_process({VERN_BINARY, "image", image, "--list-packages"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("libc6"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("glibc"), std::string::npos) << list.out;
  auto sbom = run_process({VERN_BINARY, "image", image, "--sbom", "cyclonedx"});
  ASSERT_EQ(sbom.exit_code, 0) << sbom.err;
  nlohmann::json doc = nlohmann::json::parse(sbom.out);
  EXPECT_EQ(doc["bomFormat"], "CycloneDX");
  EXPECT_EQ(doc["specVersion"], "1.5");
  EXPECT_EQ(doc["components"][0]["purl"],
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12&upstream=glibc");
  EXPECT_EQ(run_process({VERN_BINARY, "image", image, "--sbom", "spdx"}).exit_code, 2);
}

TEST(ImageCommand, UnreadableInputsExitTwo) {
  auto missing = run_process({VERN_BINARY, "image", "./no/such/image.tar"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE((missing.out + missing.err).find("no such file"), std::string::npos);
  EXPECT_EQ(run_process({VERN_BINARY, "image"}).exit_code, 2);
  std::string big =
      write_image("big", {test::make_tar({{"blob", 'f', std::string(1 << 20, 'x')}})}, "{}");
  auto limited = run_process({VERN_BINARY, "image", big, "--max-bytes", "100000"});
  EXPECT_EQ(limited.exit_code, 2);
  EXPECT_NE((limited.out + limited.err).find("--max-bytes"), std::string::npos) << limited.out;
}

TEST(ImageCommand, PathAndFileLimitsHaveFlags) {
  std::string long_path = "srv/" + std::string(120, 'p');
  std::string image = write_image(
      "limits", {test::make_tar({{long_path, 'f', "x"}, {"a", 'f', "1"}, {"b", 'f', "2"}})},
      R"({"User":"app"})");
  auto plain = run_process({VERN_BINARY, "image", image, "--format", "json"});
  EXPECT_TRUE(nlohmann::json::parse(plain.out)["errors"].empty()) << plain.out;

  auto path = run_process({VERN_BINARY, "image", image, "--format", "json", "--max-path", "64"});
  EXPECT_EQ(path.exit_code, 2) << path.err;
  nlohmann::json doc = nlohmann::json::parse(path.out);
  ASSERT_EQ(doc["errors"].size(), 1u) << path.out;
  EXPECT_NE(doc["errors"][0]["message"].get<std::string>().find("path longer than 64 bytes"),
            std::string::npos)
      << path.out;

  auto files = run_process({VERN_BINARY, "image", image, "--max-files", "2"});
  EXPECT_EQ(files.exit_code, 2);
  EXPECT_NE((files.out + files.err).find("--max-files"), std::string::npos) << files.out;
  EXPECT_EQ(run_process({VERN_BINARY, "image", image, "--max-path", "0"}).exit_code, 2);
  EXPECT_EQ(run_process({VERN_BINARY, "image", image, "--max-path", "x"}).exit_code, 2);
}

TEST(ImageCommand, HostileEntriesAreReportedAndTheRestIsScanned) {
  std::string image = write_image(
      "hostile", {test::make_tar({{"../../etc/cron.d/x", 'f', "boom"}, {"ok/.env", 'f', "A=1"}})},
      R"({"User":"app"})");
  auto r = run_process({VERN_BINARY, "image", image, "--format", "json"});
  EXPECT_EQ(r.exit_code, 2);
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["errors"].size(), 1u) << r.out;
  EXPECT_NE(doc["errors"][0]["message"].get<std::string>().find("leaves the image root"),
            std::string::npos);
  EXPECT_FALSE(doc["findings"].empty());
}

}  // namespace
}  // namespace vern
