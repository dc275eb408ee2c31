// End-to-end: `vern db import`, `vern db info` and `vern sbom-scan` on the
// vulndb feed fixtures.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/run_process.h"

namespace vern {
namespace {

using testing::run_process;

std::string fixture(const std::string& name) {
  return std::string(VERN_SOURCE_DIR) + "/tests/vulndb/testdata/" + name;
}

class VulnCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() /
            ("vern-cli-vuln-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
    m_db = (m_dir / "cache" / "vuln.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }
  testing::ProcessResult import_all() {
    return run_process({VERN_BINARY, "db", "import", "--db", m_db, fixture("osv"),
                        fixture("debian-tracker.json"), fixture("alpine-v3.19-main.json")});
  }

  std::filesystem::path m_dir;
  std::string m_db;
};

TEST_F(VulnCommands, ImportThenInfo) {
  auto r = import_all();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(folder): 5 records, 1 withdrawn dropped"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(debian-tracker): 5 records"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(alpine-secdb): 12 records"), std::string::npos) << r.out;
  auto info = run_process({VERN_BINARY, "db", "info", "--db", m_db});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("advisories: 22\n"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("(0 days ago)"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("  alpine:3.19              12\n"), std::string::npos) << info.out;
  EXPECT_EQ(info.err, "");
}

TEST_F(VulnCommands, TruncatedSourceLeavesNoDatabase) {
  auto r = run_process({VERN_BINARY, "db", "import", "--db", m_db, fixture("osv"),
                        fixture("truncated-tracker.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("truncated-tracker.json: truncated JSON (unexpected end of input)"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(m_db));
}

TEST_F(VulnCommands, SbomScanTable) {
  ASSERT_EQ(import_all().exit_code, 0);
  auto r = run_process({VERN_BINARY, "sbom-scan", "--db", m_db, fixture("bookworm.cdx.json")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("libc6                    2.36-9+deb12u1           2.36-9+deb12u3           "
                       "HIGH      CVE-2023-4911 DSA-5514-1 sha256:1f5c4cd1a1b0"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("5 vulnerabilities: 0 critical, 1 high, 0 medium, 2 low, 2 unknown"),
            std::string::npos)
      << r.out;
}

TEST_F(VulnCommands, SbomScanJsonWithFilters) {
  ASSERT_EQ(import_all().exit_code, 0);
  auto r = run_process({VERN_BINARY, "sbom-scan", "--db", m_db, "--severity", "high,low",
                        "--ignore-unfixed", "--format", "json", "--fail-on", "high",
                        fixture("bookworm.cdx.json")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  std::vector<std::string> got;
  for (const auto& f : doc["findings"]) {
    EXPECT_EQ(f["rule"], "vulnerable-package");
    got.push_back(f["properties"]["advisory"].get<std::string>());
  }
  EXPECT_EQ(got, (std::vector<std::string>{"CVE-2023-4911", "CVE-2023-7008"}));
}

TEST_F(VulnCommands, SbomScanWithoutDatabaseIsAnError) {
  auto r = run_process({VERN_BINARY, "sbom-scan", "--db", m_db, fixture("bookworm.cdx.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no vulnerability database at"), std::string::npos) << r.err;
}

TEST_F(VulnCommands, SbomOutGetsVulnerabilitiesArray) {
  ASSERT_EQ(import_all().exit_code, 0);
  std::string out = (m_dir / "with-vulns.json").string();
  auto r = run_process({VERN_BINARY, "sbom-scan", "--db", m_db, "--sbom-out", out, "-q",
                        fixture("bookworm.cdx.json")});
  ASSERT_NE(r.exit_code, 2) << r.err;
  std::ifstream in(out);
  auto doc = nlohmann::json::parse(in);
  ASSERT_TRUE(doc["vulnerabilities"].is_array());
  EXPECT_EQ(doc["vulnerabilities"].size(), 5u);
  EXPECT_EQ(doc["vulnerabilities"][0]["id"], "CVE-2023-4911");
  EXPECT_EQ(doc["vulnerabilities"][0]["ratings"][0]["method"], "CVSSv31");
  EXPECT_EQ(doc["components"].size(), 5u);
}

TEST_F(VulnCommands, ConfigIgnoresWithExpiry) {
  ASSERT_EQ(import_all().exit_code, 0);
  std::string config = (m_dir / "vern.yaml").string();
  std::ofstream(config) << "vulnerabilities:\n"
                           "  ignore:\n"
                           "    - id: DSA-5514-1\n"
                           "      reason: no tunables reach setuid binaries here\n"
                           "      expires: 2999-12-31\n"
                           "    - id: CVE-2023-7008\n"
                           "      reason: resolved is not used\n"
                           "      expires: 2020-01-01\n";
  auto r = run_process({VERN_BINARY, "sbom-scan", "--db", m_db, "--config", config, "--format",
                        "json", fixture("bookworm.cdx.json")});
  ASSERT_NE(r.exit_code, 2) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  std::vector<std::string> got;
  for (const auto& f : doc["findings"]) got.push_back(f["properties"]["advisory"]);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"CVE-2023-31437", "CVE-2023-7008", "CVE-2026-4438",
                                           "DSA-5673-1"}));
  EXPECT_NE(r.err.find("ignore of CVE-2023-7008 (resolved is not used) expired on 2020-01-01: it "
                       "is reported again"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace vern
