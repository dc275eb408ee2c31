#include "vulndb/import.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "vulndb/temp_dir.h"

namespace vern::vulndb {
namespace {

using testing::fixture;
using testing::TempDir;

constexpr std::int64_t k_now = 1763900000;

Database open_db(const std::string& path) {
  auto db = Database::open(path, Database::Mode::read_write);
  EXPECT_TRUE(db.ok()) << db.error().message;
  return std::move(*db);
}

// Every row of the database except row ids, for comparing contents.
std::string dump(Database& db) {
  auto info = db.info();
  EXPECT_TRUE(info.ok());
  std::ostringstream out;
  for (const auto& s : info->sources) {
    out << s.location << ' ' << s.kind << ' ' << s.records << ' ' << s.withdrawn << ' '
        << s.data_time << '\n';
  }
  for (const auto& e : info->ecosystems) out << e.ecosystem << ' ' << e.entries << '\n';
  for (const char* pkg : {"glibc", "zlib", "systemd", "coreutils", "openssh", "busybox"}) {
    for (const char* eco : {"debian:12", "alpine:3.19"}) {
      auto rows = db.affected(eco, pkg);
      EXPECT_TRUE(rows.ok());
      for (const auto& r : *rows) out << r.advisory << ' ' << encode_ranges(r.ranges) << '\n';
    }
  }
  return out.str();
}

void write_zip(const std::string& zip, const std::string& dir) {
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  ASSERT_EQ(archive_write_open_filename(a, zip.c_str()), ARCHIVE_OK);
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(f.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, f.path().filename().c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, la_int64_t(text.size()));
    archive_write_header(a, e);
    archive_write_data(a, text.data(), text.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

TEST(ImportSources, OsvFolderDropsWithdrawnRecords) {
  TempDir tmp;
  Database db = open_db(tmp.path("v.db"));
  auto r = import_sources(db, {fixture("osv")}, k_now);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].kind, "folder");
  EXPECT_EQ((*r)[0].records, 5);
  EXPECT_EQ((*r)[0].withdrawn, 1);
  EXPECT_EQ((*r)[0].data_time, "2025-01-14T05:23:44Z");
  auto libcap = db.affected("debian:12", "libcap2");
  ASSERT_TRUE(libcap.ok());
  EXPECT_TRUE(libcap->empty());
  auto glibc = db.affected("debian:12", "glibc");
  ASSERT_TRUE(glibc.ok());
  ASSERT_EQ(glibc->size(), 2u);
  EXPECT_EQ((*glibc)[0].advisory, "DSA-5514-1");
  EXPECT_EQ((*glibc)[0].aliases, std::vector<std::string>{"CVE-2023-4911"});
  EXPECT_EQ(encode_ranges((*glibc)[0].ranges), "i0\nf2.36-9+deb12u3\n|\n");
}

TEST(ImportSources, DebianTrackerPerReleaseWithUrgency) {
  TempDir tmp;
  Database db = open_db(tmp.path("v.db"));
  auto r = import_sources(db, {fixture("debian-tracker.json")}, k_now);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].kind, "debian-tracker");
  EXPECT_EQ((*r)[0].records, 5);
  auto systemd = db.affected("debian:12", "systemd");
  ASSERT_TRUE(systemd.ok());
  ASSERT_EQ(systemd->size(), 2u);
  EXPECT_EQ((*systemd)[0].advisory, "CVE-2023-31437");
  EXPECT_EQ((*systemd)[0].distro_severity, VulnSeverity::low);
  EXPECT_EQ((*systemd)[0].distro_rater, "debian");
  EXPECT_EQ(encode_ranges((*systemd)[0].ranges), "i0\n|\n");
  // bullseye's fix "0" means not affected: no entry for debian:11.
  auto bullseye = db.affected("debian:11", "glibc");
  ASSERT_TRUE(bullseye.ok());
  EXPECT_TRUE(bullseye->empty());
  auto sid = db.affected("debian:sid", "glibc");
  ASSERT_TRUE(sid.ok());
  EXPECT_EQ(sid->size(), 2u);
}

TEST(ImportSources, AlpineSecdbSplitsIdsAndSkipsNeverAffected) {
  TempDir tmp;
  Database db = open_db(tmp.path("v.db"));
  auto r = import_sources(db, {fixture("alpine-v3.19-main.json")}, k_now);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].kind, "alpine-secdb");
  EXPECT_EQ((*r)[0].records, 12);
  auto ssh = db.affected("alpine:3.19", "openssh");
  ASSERT_TRUE(ssh.ok());
  ASSERT_EQ(ssh->size(), 4u);
  // Fixed versions in key order: 9.3_p2-r0 first.
  EXPECT_EQ((*ssh)[0].advisory, "CVE-2023-38408");
  EXPECT_EQ((*ssh)[1].advisory, "CVE-2023-48795");
  EXPECT_EQ((*ssh)[1].aliases, std::vector<std::string>{"GHSA-45x7-px36-x8w8"});
  EXPECT_EQ(encode_ranges((*ssh)[1].ranges), "i0\nf9.6_p1-r0\n|\n");
}

TEST(ImportSources, ReimportGivesTheSameContents) {
  TempDir tmp;
  Database db = open_db(tmp.path("v.db"));
  std::vector<std::string> all = {fixture("osv"), fixture("debian-tracker.json"),
                                  fixture("alpine-v3.19-main.json")};
  ASSERT_TRUE(import_sources(db, all, k_now).ok());
  std::string first = dump(db);
  ASSERT_TRUE(import_sources(db, all, k_now + 60).ok());
  ASSERT_TRUE(import_sources(db, {fixture("debian-tracker.json")}, k_now + 120).ok());
  EXPECT_EQ(dump(db), first);
  auto info = db.info();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->sources.size(), 3u);
  EXPECT_EQ(info->advisories, 5 + 5 + 12);
  EXPECT_EQ(info->newest_import, k_now + 120);
}

TEST(ImportSources, TruncatedInputLeavesDatabaseIntact) {
  TempDir tmp;
  Database db = open_db(tmp.path("v.db"));
  ASSERT_TRUE(import_sources(db, {fixture("osv")}, k_now).ok());
  std::string before = dump(db);
  auto r = import_sources(db, {fixture("debian-tracker.json"), fixture("truncated-tracker.json")},
                          k_now);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("truncated-tracker.json: truncated JSON"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(dump(db), before);
}

TEST(ImportSources, OsvZipAsPublished) {
  TempDir tmp;
  const std::string zip = tmp.path("all.zip");
  write_zip(zip, fixture("osv"));
  Database db = open_db(tmp.path("v.db"));
  auto r = import_sources(db, {zip}, k_now);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].kind, "osv-zip");
  EXPECT_EQ((*r)[0].records, 5);
  EXPECT_EQ((*r)[0].withdrawn, 1);
}

TEST(ImportSources, TruncatedZipIsRefused) {
  TempDir tmp;
  const std::string zip = tmp.path("all.zip");
  write_zip(zip, fixture("osv"));
  std::filesystem::resize_file(zip, std::filesystem::file_size(zip) - 30);
  Database db = open_db(tmp.path("v.db"));
  auto r = import_sources(db, {zip}, k_now);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("zip"), std::string::npos) << r.error().message;
  auto info = db.info();
  ASSERT_TRUE(info.ok());
  EXPECT_TRUE(info->sources.empty());
}

TEST(ImportSources, UnknownDocumentIsRefused) {
  TempDir tmp;
  std::ofstream(tmp.path("x.json")) << "{\"hello\": 1}";
  Database db = open_db(tmp.path("v.db"));
  auto r = import_sources(db, {tmp.path("x.json")}, k_now);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not an OSV record"), std::string::npos);
}

}  // namespace
}  // namespace vern::vulndb
