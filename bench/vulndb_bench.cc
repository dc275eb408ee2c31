// Vulnerability database benchmarks: importing a generated OSV all.zip of
// 200,000 records (records/s, database size), and matching a synthetic
// 5,000-package inventory and, when VERN_TEST_IMAGES is set, the debootstrap
// image's packages against it (warm: database open, pages cached).
#include <archive.h>
#include <archive_entry.h>
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "image/image.h"
#include "image/packages.h"
#include "vulndb/import.h"
#include "vulndb/match.h"

namespace {

namespace fs = std::filesystem;
using namespace vern;
using namespace vern::vulndb;

constexpr int k_records = 200000;
constexpr int k_package_names = 20000;

// Real Debian 12 minbase source packages, so the image benchmark finds hits.
const char* const k_real[] = {"glibc",   "systemd", "zlib", "coreutils", "tar",
                              "gzip",    "bash",    "apt",  "pcre2",     "util-linux",
                              "ncurses", "perl",    "dpkg", "shadow",    "e2fsprogs"};

std::string package_name(int i) {
  int n = i % k_package_names;
  if (n < 15) return k_real[n];
  char buf[16];
  std::snprintf(buf, sizeof buf, "pkg%05d", n);
  return buf;
}

std::string osv_record(int i, std::mt19937& mt) {
  auto rng = [&mt] { return unsigned(mt()); };
  const char* eco = i % 10 < 7 ? "Debian:12" : i % 10 < 9 ? "Alpine:v3.19" : "Ubuntu:22.04:LTS";
  bool apk = i % 10 == 7 || i % 10 == 8;
  char fixed[64];
  if (apk) {
    std::snprintf(fixed, sizeof fixed, "%u.%u.%u-r%u", rng() % 5, rng() % 20, rng() % 30,
                  rng() % 9);
  } else {
    std::snprintf(fixed, sizeof fixed, "%u.%u-%u+deb12u%u", rng() % 5, rng() % 40, rng() % 9,
                  rng() % 6);
  }
  char buf[1536];
  std::snprintf(
      buf, sizeof buf,
      R"({"schema_version":"1.6.0","id":"BENCH-%07d","modified":"2026-11-%02dT10:00:00Z",)"
      R"("aliases":["CVE-2026-%05d"],"summary":"generated advisory %d",)"
      R"("details":"A generated record for the import benchmark; it looks like an OSV )"
      R"(distribution record, with one affected package and an ECOSYSTEM range.",)"
      R"(%s"affected":[{"package":{"ecosystem":"%s","name":"%s"},)"
      R"("ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"%s"}]}]}]})",
      i, 1 + i % 28, i % 100000, i,
      i % 3 == 0
          ? R"("severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],)"
          : "",
      eco, package_name(i).c_str(), fixed);
  return buf;
}

// Where the generated corpus and database live: $VERN_BENCH_DIR (kept, so
// runs can reuse them), else a temporary folder removed at exit.
fs::path bench_dir() {
  const char* d = std::getenv("VERN_BENCH_DIR");
  if (d && *d) return d;
  return fs::temp_directory_path() / ("vern-vulndb-bench-" + std::to_string(getpid()));
}

// The generated all.zip, written once per process.
const std::string& corpus_zip() {
  static const std::string path = [] {
    fs::path dir = bench_dir();
    fs::create_directories(dir);
    std::string zip = (dir / "all.zip").string();
    if (fs::exists(zip)) return zip;
    std::mt19937 rng(42);
    archive* a = archive_write_new();
    archive_write_set_format_zip(a);
    archive_write_open_filename(a, zip.c_str());
    for (int i = 0; i < k_records; ++i) {
      std::string rec = osv_record(i, rng);
      std::string name = "BENCH-" + std::to_string(i) + ".json";
      archive_entry* e = archive_entry_new();
      archive_entry_set_pathname(e, name.c_str());
      archive_entry_set_filetype(e, AE_IFREG);
      archive_entry_set_perm(e, 0644);
      archive_entry_set_size(e, la_int64_t(rec.size()));
      archive_write_header(a, e);
      archive_write_data(a, rec.data(), rec.size());
      archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return zip;
  }();
  return path;
}

std::string db_path() { return fs::path(corpus_zip()).parent_path() / "vuln.db"; }

void BM_ImportOsvZip200k(benchmark::State& state) {
  const std::string zip = corpus_zip();
  for (auto _ : state) {
    fs::remove(db_path());
    auto db = Database::open(db_path(), Database::Mode::read_write);
    auto r = import_sources(*db, {zip}, 1763900000);
    if (!r.ok()) state.SkipWithError(r.error().message.c_str());
  }
  state.counters["records_per_s"] = benchmark::Counter(
      double(k_records) * double(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["db_MiB"] = double(fs::file_size(db_path())) / (1 << 20);
  state.counters["zip_MiB"] = double(fs::file_size(zip)) / (1 << 20);
}
BENCHMARK(BM_ImportOsvZip200k)->Unit(benchmark::kSecond)->Iterations(1);

// The imported corpus, opened read-only. A kept database of another schema
// (left by an older build) is refused on open, so it is imported afresh.
Database& warm_db() {
  static Database db = [] {
    auto r = Database::open(db_path(), Database::Mode::read_only);
    if (!r && r.error().kind == Error::Kind::invalid_input) fs::remove(db_path());
    if (!fs::exists(db_path())) {
      auto w = Database::open(db_path(), Database::Mode::read_write);
      (void)import_sources(*w, {corpus_zip()}, 1763900000);
    }
    return Database::open(db_path(), Database::Mode::read_only).value();
  }();
  return db;
}

// 5,000 packages, half of them with advisories. With `patched`, installed
// versions are newer than every generated fix (a maintained image: lookups
// without matches); else random, so about half of the advisories match.
void BM_Match5000Packages(benchmark::State& state) {
  const bool patched = state.range(0) != 0;
  PackageInventory inv;
  inv.os = OsRelease{"debian", "12", "bookworm", ""};
  std::mt19937 rng(7);
  for (int i = 0; i < 5000; ++i) {
    std::string name = package_name(int(rng() % (k_package_names * 2)));  // half never listed
    std::string version =
        patched ? "9.0-1" : std::to_string(rng() % 5) + "." + std::to_string(rng() % 40) + "-1";
    inv.packages.push_back(
        {PackageFormat::dpkg, name + "-bin", version, "amd64", name, version, "sha256:layer"});
  }
  Database& db = warm_db();
  (void)match_packages(db, inv);  // warm the page cache
  std::size_t matches = 0;
  for (auto _ : state) {
    auto r = match_packages(db, inv);
    matches = r.ok() ? r->size() : 0;
  }
  state.counters["matches"] = double(matches);
}
BENCHMARK(BM_Match5000Packages)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_MatchDebootstrapImage(benchmark::State& state) {
  const char* dir = std::getenv("VERN_TEST_IMAGES");
  if (!dir || !*dir) {
    state.SkipWithError("VERN_TEST_IMAGES is not set");
    return;
  }
  auto image = open_image(std::string(dir) + "/bookworm.docker.tar", {});
  if (!image.ok()) {
    state.SkipWithError(image.error().message.c_str());
    return;
  }
  PackageInventory inv = read_packages(*image, nullptr);
  Database& db = warm_db();
  (void)match_packages(db, inv);
  std::size_t matches = 0;
  for (auto _ : state) {
    auto r = match_packages(db, inv);
    matches = r.ok() ? r->size() : 0;
  }
  state.counters["packages"] = double(inv.packages.size());
  state.counters["matches"] = double(matches);
}
BENCHMARK(BM_MatchDebootstrapImage)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  if (!std::getenv("VERN_BENCH_DIR")) fs::remove_all(bench_dir(), ec);
  return 0;
}
