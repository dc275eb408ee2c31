// rpm: header blobs (rpm's lib/header.c layout) and the rpmdb.sqlite database
// that holds them since rpm 4.16.
#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "image/package_db.h"

namespace vern {

namespace {

constexpr std::uint32_t k_tag_name = 1000;
constexpr std::uint32_t k_tag_version = 1001;
constexpr std::uint32_t k_tag_release = 1002;
constexpr std::uint32_t k_tag_epoch = 1003;
constexpr std::uint32_t k_tag_arch = 1022;
constexpr std::uint32_t k_tag_sourcerpm = 1044;
constexpr std::uint32_t k_type_int32 = 4;
constexpr std::uint32_t k_type_string = 6;
constexpr std::uint32_t k_type_i18nstring = 9;
// rpm refuses headers with more entries or data than these (lib/header.c).
constexpr std::uint32_t k_max_entries = 0x0000ffff;
constexpr std::uint32_t k_max_data = 0x0fffffff;

std::uint32_t be32(const unsigned char* p) {
  return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// Splits "bash-5.2.15-3.fc39.src.rpm" into name and version-release.
void split_source_rpm(const std::string& srpm, Package& p) {
  std::string s = srpm;
  if (s.size() > 8 && s.compare(s.size() - 8, 8, ".src.rpm") == 0)
    s.resize(s.size() - 8);
  else if (s.size() > 10 && s.compare(s.size() - 10, 10, ".nosrc.rpm") == 0)
    s.resize(s.size() - 10);
  std::size_t rel = s.rfind('-');
  if (rel == std::string::npos || rel == 0) return;
  std::size_t ver = s.rfind('-', rel - 1);
  if (ver == std::string::npos || ver == 0) return;
  p.source_name = s.substr(0, ver);
  p.source_version = s.substr(ver + 1);
}

}  // namespace

Result<Package> parse_rpm_header(std::string_view blob) {
  const auto* b = reinterpret_cast<const unsigned char*>(blob.data());
  if (blob.size() < 8) return Error::invalid("rpm header: too short");
  std::uint32_t il = be32(b);
  std::uint32_t dl = be32(b + 4);
  if (il > k_max_entries || dl > k_max_data) return Error::invalid("rpm header: implausible sizes");
  std::uint64_t index_end = 8 + std::uint64_t(il) * 16;
  if (index_end + dl > blob.size()) return Error::invalid("rpm header: truncated");
  const unsigned char* data = b + index_end;
  Package p;
  p.format = PackageFormat::rpm;
  std::string release, epoch, srpm;
  for (std::uint32_t i = 0; i < il; ++i) {
    const unsigned char* e = b + 8 + std::uint64_t(i) * 16;
    std::uint32_t tag = be32(e), type = be32(e + 4), off = be32(e + 8), count = be32(e + 12);
    if (off >= dl || count == 0) continue;
    if (type == k_type_string || type == k_type_i18nstring) {
      const void* nul = std::memchr(data + off, '\0', dl - off);
      if (!nul) continue;
      std::string value(reinterpret_cast<const char*>(data + off),
                        static_cast<const unsigned char*>(nul) - (data + off));
      switch (tag) {
        case k_tag_name:
          p.name = value;
          break;
        case k_tag_version:
          p.version = value;
          break;
        case k_tag_release:
          release = value;
          break;
        case k_tag_arch:
          p.architecture = value;
          break;
        case k_tag_sourcerpm:
          srpm = value;
          break;
        default:
          break;
      }
    } else if (type == k_type_int32 && tag == k_tag_epoch && std::uint64_t(off) + 4 <= dl) {
      epoch = std::to_string(be32(data + off));
    }
  }
  if (p.name.empty() || p.version.empty()) return Error::invalid("rpm header: no name or version");
  if (!release.empty()) p.version += '-' + release;
  if (!epoch.empty() && epoch != "0") p.version = epoch + ':' + p.version;
  if (!srpm.empty()) split_source_rpm(srpm, p);
  if (p.source_name.empty()) p.source_name = p.name;
  if (p.source_version.empty()) p.source_version = p.version;
  return p;
}

Result<std::vector<Package>> read_rpmdb_sqlite(std::string_view file) {
  if (file.size() < 100 || file.substr(0, 16) != std::string_view("SQLite format 3\0", 16)) {
    return Error::invalid("rpmdb.sqlite is not an SQLite database");
  }
  // A private copy: SQLite reads it in place, and a WAL-mode header (bytes
  // 18-19 == 2) must read as rollback mode, as there is no -wal file in memory.
  auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(file.size()));
  if (!copy) return Error::failed("out of memory for rpmdb.sqlite");
  std::memcpy(copy, file.data(), file.size());
  copy[18] = 1;
  copy[19] = 1;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_free(copy);
    sqlite3_close(db);
    return Error::failed("cannot open SQLite");
  }
  int rc =
      sqlite3_deserialize(db, "main", copy, sqlite3_int64(file.size()), sqlite3_int64(file.size()),
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
  std::vector<Package> out;
  Error err;
  bool failed = false;
  sqlite3_stmt* st = nullptr;
  if (rc == SQLITE_OK) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    rc = sqlite3_prepare_v2(db, "SELECT blob FROM Packages", -1, &st, nullptr);
  }
  if (rc != SQLITE_OK) {
    failed = true;
    err = Error::invalid(std::string("rpmdb.sqlite: ") + sqlite3_errmsg(db));
  } else {
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const void* blob = sqlite3_column_blob(st, 0);
      int n = sqlite3_column_bytes(st, 0);
      if (!blob || n <= 0) continue;
      Result<Package> p = parse_rpm_header({static_cast<const char*>(blob), std::size_t(n)});
      if (p.ok() && p->name != "gpg-pubkey") out.push_back(std::move(p.value()));
    }
    if (rc != SQLITE_DONE) {
      failed = true;
      err = Error::invalid(std::string("rpmdb.sqlite: ") + sqlite3_errmsg(db));
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (failed) return err;
  return out;
}

}  // namespace vern
