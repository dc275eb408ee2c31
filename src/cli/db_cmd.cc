// `vern db`: builds and describes the vulnerability database. Parsing and
// printing only; importing is in vulndb/.
#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <filesystem>

#include "cli/command.h"
#include "cli/options.h"
#include "cli/vuln_cli.h"
#include "vulndb/import.h"

namespace vern::cli {

extern const std::string_view k_db_usage =
    R"(usage: vern db import [--db PATH] SOURCE...
       vern db info [--db PATH] [--max-age DAYS]

import  builds or updates the vulnerability database from each SOURCE: an OSV
        record or array (.json), a folder of them, an ecosystem's all.zip as
        published by OSV, an Alpine secdb file, or the Debian security
        tracker's JSON. All sources are imported in one transaction: if one is
        unreadable, corrupt or truncated, the database is left as it was.
        Importing a source again replaces what it held.
info    prints the sources, their record counts and the database's age.

options:
      --db PATH       database file (default: $VERN_DB, else
                      $XDG_CACHE_HOME/vern/vuln.db or ~/.cache/vern/vuln.db)
      --max-age DAYS  info: warn when the last import is older (default 7)

exit codes: 0 done; 2 a source could not be read or a usage error.
)";

namespace {

std::string format_time(std::int64_t t) {
  if (t <= 0) return "never";
  std::time_t tt = std::time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

int run_import(const std::string& path, const std::vector<std::string>& sources, const Io& io) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto db = vulndb::Database::open(path, vulndb::Database::Mode::read_write);
  if (!db) {
    std::fprintf(io.err, "vern db: %s\n", db.error().to_string().c_str());
    return k_exit_error;
  }
  auto imported = vulndb::import_sources(*db, sources, now_unix());
  if (!imported) {
    std::fprintf(io.err, "vern db: %s\nvern db: nothing imported; the database is unchanged\n",
                 imported.error().to_string().c_str());
    if (!existed) {
      db = Error::failed("closed");
      std::filesystem::remove(path, ec);
      std::filesystem::remove(path + "-journal", ec);
    }
    return k_exit_error;
  }
  for (const vulndb::SourceInfo& s : *imported) {
    std::fprintf(io.out, "imported %s (%s): %lld records", s.location.c_str(), s.kind.c_str(),
                 static_cast<long long>(s.records));
    if (s.withdrawn)
      std::fprintf(io.out, ", %lld withdrawn dropped", static_cast<long long>(s.withdrawn));
    std::fprintf(io.out, "\n");
  }
  std::fprintf(io.out, "database: %s\n", path.c_str());
  return k_exit_ok;
}

int run_info(const std::string& path, int max_age_days, const Io& io) {
  auto db = vulndb::Database::open(path, vulndb::Database::Mode::read_only);
  if (!db) {
    std::fprintf(io.err, "vern db: %s\n", db.error().to_string().c_str());
    return k_exit_error;
  }
  auto info = db->info();
  if (!info) {
    std::fprintf(io.err, "vern db: %s\n", info.error().to_string().c_str());
    return k_exit_error;
  }
  struct stat st;
  long long size = ::stat(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : 0;
  std::fprintf(io.out, "database: %s (%.1f MiB)\n", path.c_str(), double(size) / (1 << 20));
  const std::int64_t age = now_unix() - info->newest_import;
  std::fprintf(io.out, "last import: %s", format_time(info->newest_import).c_str());
  if (info->newest_import > 0)
    std::fprintf(io.out, " (%lld days ago)", static_cast<long long>(age / 86400));
  std::fprintf(io.out, "\nadvisories: %lld\nsources:\n", static_cast<long long>(info->advisories));
  for (const vulndb::SourceInfo& s : info->sources) {
    std::fprintf(io.out, "  %s\n    %s, %lld records", s.location.c_str(), s.kind.c_str(),
                 static_cast<long long>(s.records));
    if (s.withdrawn)
      std::fprintf(io.out, " (%lld withdrawn dropped)", static_cast<long long>(s.withdrawn));
    if (!s.data_time.empty()) std::fprintf(io.out, ", data up to %s", s.data_time.c_str());
    std::fprintf(io.out, ", imported %s\n", format_time(s.imported_at).c_str());
  }
  std::fprintf(io.out, "ecosystems:\n");
  for (const vulndb::EcosystemCount& e : info->ecosystems) {
    std::fprintf(io.out, "  %-24s %lld\n", e.ecosystem.c_str(), static_cast<long long>(e.entries));
  }
  if (info->newest_import == 0 || age > std::int64_t(max_age_days) * 86400) {
    std::fprintf(io.err,
                 "vern db: warning: the database is older than %d days: run 'vern db import' "
                 "again\n",
                 max_age_days);
  }
  return k_exit_ok;
}

}  // namespace

int run_db(const std::vector<std::string>& args, const Io& io) {
  if (args.empty()) {
    std::fprintf(io.err, "vern db: say 'import' or 'info' (see 'vern db --help')\n");
    return k_exit_error;
  }
  const std::string action = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  ArgParser p(rest, io, "db " + action);
  std::string db_flag;
  int max_age = 7;
  std::vector<std::string> sources;
  while (p.more()) {
    if (auto v = p.value("", "--db")) {
      db_flag = *v;
    } else if (p.error()) {
      return k_exit_error;
    } else if (auto a = p.value("", "--max-age")) {
      char* end = nullptr;
      long n = std::strtol(a->c_str(), &end, 10);
      if (a->empty() || *end != '\0' || n < 0) return p.usage_error("--max-age takes days");
      max_age = int(n);
    } else if (p.error()) {
      return k_exit_error;
    } else if (p.is_flag()) {
      return p.unknown_flag();
    } else {
      sources.push_back(p.take());
    }
  }
  if (p.error()) return k_exit_error;
  const std::string path = vuln_db_path(db_flag);
  if (action == "import") {
    if (sources.empty()) return p.usage_error("no source given (see 'vern db --help')");
    return run_import(path, sources, io);
  }
  if (action == "info") {
    if (!sources.empty()) return p.usage_error("takes no arguments");
    return run_info(path, max_age, io);
  }
  std::fprintf(io.err, "vern db: unknown action '%s' (import or info)\n", action.c_str());
  return k_exit_error;
}

}  // namespace vern::cli
