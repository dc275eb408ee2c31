// The database file's contract beyond import: a file of another schema is
// refused with advice, borrowed CVSS vectors follow every import into every
// affected entry, matching's scan reads the entries it accepts, and the
// stored range text gives the same verdicts as the decoded ranges.
#include "vulndb/database.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "vulndb/import.h"
#include "vulndb/match.h"
#include "vulndb/temp_dir.h"

namespace vern::vulndb {
namespace {

using testing::TempDir;
using Kind = RangeEvent::Kind;

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// An OSV record of one Debian 12 package, fixed in 2.0-1.
std::string osv(const std::string& id, const std::string& alias, const std::string& cvss3) {
  std::string severity;
  if (!cvss3.empty()) severity = R"("severity":[{"type":"CVSS_V3","score":")" + cvss3 + R"("}],)";
  return R"({"schema_version":"1.6.0","id":")" + id + R"(","modified":"2026-11-01T00:00:00Z",)" +
         R"("aliases":[")" + alias + R"("],"summary":"s",)" + severity +
         R"("affected":[{"package":{"ecosystem":"Debian:12","name":"zlib"},)" +
         R"("ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0-1"}]}]}]})";
}

TEST(DatabaseSchema, OlderFileIsRefusedWithAdviceToReimport) {
  TempDir tmp;
  for (const std::string version : {"1", "2"}) {
    const std::string path = tmp.path("old" + version + ".db");
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    const std::string sql =
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES('schema', '" +
        version + "');";
    ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
    for (Database::Mode mode : {Database::Mode::read_only, Database::Mode::read_write}) {
      auto db = Database::open(path, mode);
      ASSERT_FALSE(db.ok());
      EXPECT_EQ(db.error().kind, Error::Kind::invalid_input);
      EXPECT_NE(db.error().message.find("schema '" + version + "'"), std::string::npos)
          << db.error().message;
      EXPECT_NE(db.error().message.find("vern db import"), std::string::npos) << db.error().message;
    }
  }
}

TEST(DatabaseSchema, NewFileOpensAgainReadOnly) {
  TempDir tmp;
  ASSERT_TRUE(Database::open(tmp.path("v.db"), Database::Mode::read_write).ok());
  EXPECT_TRUE(Database::open(tmp.path("v.db"), Database::Mode::read_only).ok());
}

// A tracker-style record without vectors takes the CVE record's vector, from
// whichever source and import it comes, and loses it when that source does.
TEST(BorrowedVectors, FollowLaterImportsOfOtherSources) {
  TempDir tmp;
  write_text(tmp.path("dsa.json"), osv("DSA-1", "CVE-2026-1", ""));
  const std::string vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
  write_text(tmp.path("cve.json"), osv("CVE-2026-1", "GHSA-1", vector));
  auto db = Database::open(tmp.path("v.db"), Database::Mode::read_write);
  ASSERT_TRUE(db.ok());
  PackageInventory inv;
  inv.os = OsRelease{"debian", "12", "bookworm", ""};
  inv.packages = {{PackageFormat::dpkg, "zlib1g", "1.0-1", "amd64", "zlib", "1.0-1", "sha256:l"}};
  auto severity_of_dsa = [&]() -> std::string {
    auto matches = match_packages(*db, inv);
    EXPECT_TRUE(matches.ok());
    for (const auto& m : *matches) {
      if (m.advisory == "DSA-1")
        return std::string(vuln_severity_name(m.severity)) + " " + m.vector;
    }
    return "no match";
  };

  ASSERT_TRUE(import_sources(*db, {tmp.path("dsa.json")}, 1).ok());
  EXPECT_EQ(severity_of_dsa(), "UNKNOWN ");
  ASSERT_TRUE(import_sources(*db, {tmp.path("cve.json")}, 2).ok());
  // Folded into CVE-2026-1 now that both match; its own vector rates it.
  auto matches = match_packages(*db, inv);
  ASSERT_TRUE(matches.ok());
  ASSERT_EQ(matches->size(), 1u);
  EXPECT_EQ((*matches)[0].advisory, "CVE-2026-1");

  // Without the CVE's affected entry the DSA stands alone and borrows.
  write_text(tmp.path("cve.json"),
             R"({"schema_version":"1.6.0","id":"CVE-2026-1","modified":"2026-11-01T00:00:00Z",)"
             R"("severity":[{"type":"CVSS_V3","score":")" +
                 vector + R"("}],"affected":[]})");
  ASSERT_TRUE(import_sources(*db, {tmp.path("cve.json")}, 3).ok());
  EXPECT_EQ(severity_of_dsa(), "CRITICAL " + vector);

  write_text(tmp.path("cve.json"), osv("CVE-2026-1", "GHSA-1", ""));
  ASSERT_TRUE(import_sources(*db, {tmp.path("cve.json")}, 4).ok());
  auto again = match_packages(*db, inv);
  ASSERT_TRUE(again.ok());
  for (const auto& m : *again) EXPECT_EQ(m.severity, VulnSeverity::unknown) << m.advisory;
}

// An advisory's vectors are copied into each of its affected entries, so
// borrowing must reach all of them.
TEST(BorrowedVectors, ReachEveryAffectedEntryOfTheAdvisory) {
  TempDir tmp;
  const std::string vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
  std::string dsa = osv("DSA-2", "CVE-2026-2", "");
  const std::string zlib = R"({"package":{"ecosystem":"Debian:12","name":"zlib"},)";
  const std::string glibc = R"({"package":{"ecosystem":"Debian:12","name":"glibc"},)";
  dsa.replace(dsa.find(zlib), zlib.size(), glibc);
  dsa.insert(dsa.find(R"("affected":[)") + 12,
             zlib + R"("ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]},)");
  write_text(tmp.path("dsa.json"), dsa);
  write_text(tmp.path("cve.json"),
             R"({"schema_version":"1.6.0","id":"CVE-2026-2","modified":"2026-11-01T00:00:00Z",)"
             R"("severity":[{"type":"CVSS_V3","score":")" +
                 vector + R"("}],"affected":[]})");
  auto db = Database::open(tmp.path("v.db"), Database::Mode::read_write);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(import_sources(*db, {tmp.path("dsa.json"), tmp.path("cve.json")}, 1).ok());
  PackageInventory inv;
  inv.os = OsRelease{"debian", "12", "bookworm", ""};
  inv.packages = {{PackageFormat::dpkg, "libc6", "1.0-1", "amd64", "glibc", "1.0-1", "sha256:l"},
                  {PackageFormat::dpkg, "zlib1g", "1.0-1", "amd64", "zlib", "1.0-1", "sha256:l"}};
  auto matches = match_packages(*db, inv);
  ASSERT_TRUE(matches.ok());
  ASSERT_EQ(matches->size(), 2u);
  for (const auto& m : *matches) {
    EXPECT_EQ(m.advisory, "DSA-2");
    EXPECT_EQ(m.vector, vector) << m.package;
    EXPECT_EQ(m.severity, VulnSeverity::critical) << m.package;
  }
}

// Matching reads an entry's advisory fields only when its ranges apply: the
// visitor must see the entry just accepted, in the order affected() lists them.
TEST(ScanAffected, VisitsEachAcceptedEntryRightAfterItsVerdict) {
  TempDir tmp;
  auto db = Database::open(tmp.path("v.db"), Database::Mode::read_write);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(
      import_sources(*db, {testing::fixture("osv"), testing::fixture("debian-tracker.json")}, 1)
          .ok());
  auto all = db->affected("debian:12", "glibc");
  ASSERT_TRUE(all.ok());
  ASSERT_GE(all->size(), 3u);
  std::vector<std::string> want, got;
  std::size_t seen = 0;
  auto every_other = [&](std::string_view ranges, std::string_view) {
    const StoredAffected& entry = (*all)[seen];
    EXPECT_EQ(ranges, encode_ranges(entry.ranges)) << entry.advisory;
    if (seen++ % 2 != 0) return false;
    want.push_back(entry.advisory);
    return true;
  };
  auto visit = [&](const AffectedRow& r) {
    got.push_back(std::string(r.advisory));
    EXPECT_EQ(got.size(), want.size()) << "visited an entry that was not accepted last";
  };
  ASSERT_TRUE(db->scan_affected("debian:12", "glibc", every_other, visit).ok());
  EXPECT_EQ(seen, all->size());
  EXPECT_EQ(got, want);
}

TEST(EncodedRanges, GiveTheVerdictsOfDecodedRanges) {
  const std::vector<std::vector<AffectedRange>> cases = {
      {},
      {{{{Kind::introduced, "0"}, {Kind::fixed, "1.4-1"}}}},
      {{{{Kind::introduced, "1.0-1"}, {Kind::last_affected, "1.2-1"}}}},
      {{{{Kind::fixed, "1.4-1"},
         {Kind::introduced, "1.2-1"},
         {Kind::introduced, "2.0-1"},
         {Kind::fixed, "2.1-2"}}}},
      {{{{Kind::introduced, "0"}, {Kind::limit, "1.5-1"}}}},
      {{{{Kind::introduced, "0"}}}, {{{Kind::introduced, "1.0-1"}, {Kind::fixed, "1.3-1"}}}},
  };
  const std::vector<std::string> versions = {"1.2-1"};
  for (const auto& ranges : cases) {
    const std::string text = encode_ranges(ranges);
    for (const char* v : {"0.9-1", "1.0-1", "1.1-1", "1.2-1", "1.3-1", "1.4-1", "1.9-1", "2.0-1",
                          "2.1-1", "2.1-2", "3.0-1"}) {
      AffectedVerdict want = evaluate_affected(VersionScheme::dpkg, v, ranges, versions);
      AffectedVerdict got = evaluate_encoded(VersionScheme::dpkg, v, text, "1.2-1\n");
      EXPECT_EQ(got.affected, want.affected) << text << " @ " << v;
      EXPECT_EQ(got.fixed, want.fixed) << text << " @ " << v;
    }
  }
  // Listed versions alone, and ranges with more events than fit inline.
  EXPECT_TRUE(evaluate_encoded(VersionScheme::dpkg, "1.2-1", "", "1.1-1\n1.2-1").affected);
  std::string many;
  for (int i = 1; i <= 20; ++i) {
    many += "i" + std::to_string(2 * i) + ".0-1\nf" + std::to_string(2 * i + 1) + ".0-1\n";
  }
  many += "|\n";
  AffectedVerdict v = evaluate_encoded(VersionScheme::dpkg, "36.5-1", many, "");
  EXPECT_TRUE(v.affected);
  EXPECT_EQ(v.fixed, "37.0-1");
  EXPECT_FALSE(evaluate_encoded(VersionScheme::dpkg, "37.5-1", many, "").affected);
}

}  // namespace
}  // namespace vern::vulndb
