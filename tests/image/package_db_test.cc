#include "image/package_db.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace vern {
namespace {

std::string testdata(const std::string& name) {
  std::ifstream in(std::string(VERN_SOURCE_DIR) + "/tests/image/testdata/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string gunzip(const std::string& in) {
  z_stream z{};
  inflateInit2(&z, 31);
  std::string out;
  char buf[65536];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = uInt(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  return out;
}

TEST(DpkgStatus, InstalledPackagesWithSource) {
  std::string status =
      "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\n"
      "Source: glibc\nVersion: 2.36-9+deb12u4\nDescription: GNU C Library\n"
      " continuation line\n\n"
      "Package: removed\nStatus: deinstall ok config-files\nVersion: 1.0\n\n"
      "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\n"
      "Source: openssl (3.0.11-1~deb12u2)\nVersion: 3.0.11-1~deb12u2+b1\n";
  std::vector<Package> p = parse_dpkg_status(status, true);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].name, "libc6");
  EXPECT_EQ(p[0].version, "2.36-9+deb12u4");
  EXPECT_EQ(p[0].architecture, "amd64");
  EXPECT_EQ(p[0].source_name, "glibc");
  EXPECT_EQ(p[0].source_version, "2.36-9+deb12u4");
  EXPECT_EQ(p[1].source_name, "openssl");
  EXPECT_EQ(p[1].source_version, "3.0.11-1~deb12u2");
  EXPECT_EQ(p[1].format, PackageFormat::dpkg);
}

TEST(DpkgStatus, DistrolessFilesHaveNoStatus) {
  std::string f = "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n";
  EXPECT_TRUE(parse_dpkg_status(f, true).empty());
  ASSERT_EQ(parse_dpkg_status(f, false).size(), 1u);
  EXPECT_EQ(parse_dpkg_status(f, false)[0].source_name, "tzdata");
}

TEST(DpkgStatus, GarbageYieldsNothing) {
  EXPECT_TRUE(parse_dpkg_status("", true).empty());
  EXPECT_TRUE(parse_dpkg_status(std::string("\0\0:\n\n::", 7), false).empty());
  EXPECT_TRUE(parse_dpkg_status("Package:\nVersion:\n", false).empty());
}

TEST(ApkInstalled, PackagesWithOrigin) {
  std::string db =
      "C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\no:musl\nT:the musl c library\n\n"
      "P:libcrypto3\nV:3.1.4-r5\nA:x86_64\no:openssl\n";
  std::vector<Package> p = parse_apk_installed(db);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1].name, "libcrypto3");
  EXPECT_EQ(p[1].version, "3.1.4-r5");
  EXPECT_EQ(p[1].source_name, "openssl");
  EXPECT_EQ(p[1].format, PackageFormat::apk);
}

TEST(RpmDb, ReadsARealRpmdbSqlite) {
  Result<std::vector<Package>> r = read_rpmdb_sqlite(gunzip(testdata("rpmdb.sqlite.gz")));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const Package* hello = nullptr;
  const Package* epoch = nullptr;
  for (const Package& p : *r) (p.name == "vern-hello" ? hello : epoch) = &p;
  ASSERT_TRUE(hello && epoch);
  EXPECT_EQ(hello->version, "1.2.3-4.el9");
  EXPECT_EQ(hello->architecture, "noarch");
  EXPECT_EQ(hello->source_name, "vern-hello");
  EXPECT_EQ(hello->source_version, "1.2.3-4.el9");
  EXPECT_EQ(epoch->version, "3:2.0-1");
  EXPECT_EQ(epoch->format, PackageFormat::rpm);
}

TEST(RpmDb, ReadsABerkeleyDbPackagesFile) {
  Result<std::vector<Package>> r = read_rpmdb_bdb(gunzip(testdata("rpm-Packages.bdb.gz")));
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::set<std::string> seen;
  for (const Package& p : *r) seen.insert(p.name + ' ' + p.version);
  EXPECT_EQ(seen, (std::set<std::string>{"vern-epoch 3:2.0-1", "vern-hello 1.2.3-4.el9"}));
}

TEST(RpmDb, BerkeleyDbGarbageIsAnErrorOrNothing) {
  EXPECT_FALSE(read_rpmdb_bdb("").ok());
  EXPECT_FALSE(read_rpmdb_bdb(std::string(4096, '\0')).ok());
  std::string db = gunzip(testdata("rpm-Packages.bdb.gz"));
  for (std::size_t cut : {std::size_t(600), db.size() / 2, db.size() - 100}) {
    Result<std::vector<Package>> r = read_rpmdb_bdb(db.substr(0, cut));
    if (r.ok()) {
      EXPECT_LE(r->size(), 2u);
    }
  }
  // Overflow chains that point at themselves end.
  std::string looped = db;
  for (std::size_t page = 4096; page + 4096 <= looped.size(); page += 4096) {
    if (looped[page + 25] == 7) {
      std::uint32_t self = std::uint32_t(page / 4096);
      std::memcpy(&looped[page + 16], &self, 4);
    }
  }
  EXPECT_TRUE(read_rpmdb_bdb(looped).ok());
}

TEST(RpmDb, RejectsNonDatabases) {
  EXPECT_FALSE(read_rpmdb_sqlite("").ok());
  EXPECT_FALSE(read_rpmdb_sqlite(std::string(200, 'x')).ok());
  std::string db = gunzip(testdata("rpmdb.sqlite.gz"));
  // A database truncated mid-way is an error or fewer packages, never a crash.
  Result<std::vector<Package>> r = read_rpmdb_sqlite(db.substr(0, db.size() / 3));
  if (r.ok()) {
    EXPECT_LE(r->size(), 2u);
  }
}

TEST(RpmHeader, BoundsAreChecked) {
  EXPECT_FALSE(parse_rpm_header("").ok());
  // One index entry pointing past the data store.
  std::string h(
      "\0\0\0\1\0\0\0\4"
      "\0\0\x03\xe8\0\0\0\6\0\0\0\x10\0\0\0\1"
      "abc\0",
      28);
  EXPECT_FALSE(parse_rpm_header(h).ok());
  // Huge counts are refused before any allocation.
  EXPECT_FALSE(parse_rpm_header(std::string("\xff\xff\xff\xff\xff\xff\xff\xff", 8)).ok());
  // A well-formed header with a name and a version.
  std::string ok(
      "\0\0\0\2\0\0\0\x08"
      "\0\0\x03\xe8\0\0\0\6\0\0\0\0\0\0\0\1"
      "\0\0\x03\xe9\0\0\0\6\0\0\0\4\0\0\0\1"
      "abc\0"
      "1.0\0",
      48);
  Result<Package> p = parse_rpm_header(ok);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->name, "abc");
  EXPECT_EQ(p->version, "1.0");
}

TEST(OsRelease, ParsesQuotedValues) {
  OsRelease os = parse_os_release(
      "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
      "VERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n");
  EXPECT_EQ(os.id, "debian");
  EXPECT_EQ(os.version_id, "12");
  EXPECT_EQ(os.codename, "bookworm");
  EXPECT_EQ(os.pretty_name, "Debian GNU/Linux 12 (bookworm)");
}

}  // namespace
}  // namespace vern
