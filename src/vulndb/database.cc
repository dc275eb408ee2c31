#include "vulndb/database.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <ctime>
#include <new>

#include "vulndb/database_impl.h"

namespace vern::vulndb {

namespace {

// 3: an affected entry carries its advisory's id, aliases, summary and the
// vectors to score by (2: read from `advisories` per match). A file of
// another version is refused, not converted: its rows lack what this one reads.
constexpr std::string_view k_schema_version = "3";

// `affected` is keyed by what matching looks up, so one package's entries
// sit together, and then by advisory row and position, which keeps them in
// import order. It repeats what a match reports of the advisory, so matching
// reads this table alone; the columns every scanned row needs come first.
// Its cvss3/cvss4 are the advisory's own vectors, else the ones it borrows
// (resolved when an import commits); `advisories` keeps the own ones only.
constexpr const char* k_schema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(
  id INTEGER PRIMARY KEY, location TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
  imported_at INTEGER NOT NULL DEFAULT 0, data_time TEXT NOT NULL DEFAULT '',
  records INTEGER NOT NULL DEFAULT 0, withdrawn INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS advisories(
  id INTEGER PRIMARY KEY, source INTEGER NOT NULL, advisory TEXT NOT NULL,
  aliases TEXT NOT NULL, summary TEXT NOT NULL, cvss3 TEXT NOT NULL, cvss4 TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS advisories_by_source ON advisories(source);
CREATE TABLE IF NOT EXISTS affected(
  ecosystem TEXT NOT NULL, package TEXT NOT NULL, advisory INTEGER NOT NULL,
  seq INTEGER NOT NULL, source INTEGER NOT NULL, ranges TEXT NOT NULL, versions TEXT NOT NULL,
  severity INTEGER NOT NULL, rater TEXT NOT NULL, advisory_id TEXT NOT NULL,
  aliases TEXT NOT NULL, summary TEXT NOT NULL, cvss3 TEXT NOT NULL, cvss4 TEXT NOT NULL,
  PRIMARY KEY(ecosystem, package, advisory, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS affected_by_source ON affected(source);
CREATE TABLE IF NOT EXISTS scores(
  name TEXT NOT NULL, source INTEGER NOT NULL, cvss3 TEXT NOT NULL, cvss4 TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS scores_by_name ON scores(name);
CREATE INDEX IF NOT EXISTS scores_by_source ON scores(source);
)sql";

std::string join(const std::vector<std::string>& items, char sep) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// vern_applies(ranges, versions, fn): calls the AppliesFn bound as `fn`, so
// that SQLite reads the other columns only of the entries that apply. It runs
// inside sqlite3_step(), so nothing may be thrown through it.
constexpr const char* k_applies_type = "vern-applies";

void applies_sql(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* fn = static_cast<const AppliesFn*>(sqlite3_value_pointer(argv[2], k_applies_type));
  if (!fn) {
    sqlite3_result_error(ctx, "vern_applies: no filter bound", -1);
    return;
  }
  auto text = [](sqlite3_value* v) {
    const unsigned char* t = sqlite3_value_text(v);
    return t ? std::string_view(reinterpret_cast<const char*>(t),
                                std::size_t(sqlite3_value_bytes(v)))
             : std::string_view();
  };
  try {
    sqlite3_result_int(ctx, (*fn)(text(argv[0]), text(argv[1])) ? 1 : 0);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  } catch (...) {
    sqlite3_result_error(ctx, "vern_applies: the filter failed", -1);
  }
}

VulnSeverity severity_of(std::int64_t stored) {
  if (stored >= 0 && stored <= std::int64_t(VulnSeverity::critical)) return VulnSeverity(stored);
  return VulnSeverity::unknown;
}

}  // namespace

std::vector<std::string> split_list(std::string_view s, char sep) {
  std::vector<std::string> out;
  while (!s.empty()) {
    std::size_t at = s.find(sep);
    if (at > 0) out.emplace_back(s.substr(0, at));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  return out;
}

Database::Database(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::open(const std::string& path, Mode mode) {
  struct stat st;
  if (mode == Mode::read_only && ::stat(path.c_str(), &st) != 0) {
    return Error::not_found("no vulnerability database at " + path +
                            " (build one with 'vern db import')");
  }
  auto db = open_sqlite(path, mode == Mode::read_write);
  if (!db) return db.error();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(*db);
  sqlite3* h = impl->db.get();
  if (mode == Mode::read_write) {
    // Only a new file gets the schema: an old one is checked below as it is.
    auto tables = query_text(h, "SELECT count(*) FROM sqlite_master WHERE name = 'meta'", path);
    if (!tables) return tables.error();
    if (*tables == "0") {
      const std::string create = std::string("BEGIN IMMEDIATE;") + k_schema +
                                 "INSERT OR IGNORE INTO meta(key, value) VALUES('schema', '" +
                                 std::string(k_schema_version) + "'); COMMIT;";
      if (Status s = exec(h, create, path); !s) {
        (void)exec(h, "ROLLBACK;", path);
        return s.error();
      }
    }
  }
  if (sqlite3_create_function_v2(h, "vern_applies", 3, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr,
                                 applies_sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Error::failed(path + ": " + sqlite3_errmsg(h));
  }
  // Matching reads many small index ranges: map the file and keep a large
  // page cache so a warm scan makes no read() calls.
  (void)exec(h, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536;", path);
  auto version = query_text(h, "SELECT value FROM meta WHERE key = 'schema'", path);
  if (!version) return version.error();
  if (*version != k_schema_version) {
    return Error::invalid(path + ": database schema '" + *version +
                          "' is not the one this version of vern reads ('" +
                          std::string(k_schema_version) +
                          "'); delete the file and import the sources again with 'vern db import'");
  }
  return Database(std::move(impl));
}

Status Database::begin() {
  return exec(m->db.get(), "PRAGMA cache_size = -65536; BEGIN IMMEDIATE;", "begin");
}
Status Database::commit() {
  if (Status s = resolve_borrowed_vectors(); !s) return s;
  return exec(m->db.get(), "COMMIT;", "commit");
}
void Database::rollback() { (void)exec(m->db.get(), "ROLLBACK;", "rollback"); }
Status Database::begin_read() { return exec(m->db.get(), "BEGIN DEFERRED;", "begin"); }
void Database::end_read() { (void)exec(m->db.get(), "COMMIT;", "commit"); }

Result<std::int64_t> Database::replace_source(const std::string& location,
                                              const std::string& kind) {
  sqlite3* h = m->db.get();
  Statement find = prepare(h, "SELECT id FROM sources WHERE location = ?1");
  find.bind(1, location);
  std::int64_t id = 0;
  if (find.step_row()) {
    id = find.column_int(0);
    for (const char* table : {"affected", "scores", "advisories"}) {
      Statement del = prepare(h, std::string("DELETE FROM ") + table + " WHERE source = ?1");
      del.bind(1, id);
      if (Status s = del.run(); !s) return s.error();
    }
    Statement upd = prepare(h, "UPDATE sources SET kind = ?2 WHERE id = ?1");
    upd.bind(1, id);
    upd.bind(2, kind);
    if (Status s = upd.run(); !s) return s.error();
  } else {
    Statement ins = prepare(h, "INSERT INTO sources(location, kind) VALUES(?1, ?2)");
    ins.bind(1, location);
    ins.bind(2, kind);
    if (Status s = ins.run(); !s) return s.error();
    id = sqlite3_last_insert_rowid(h);
  }
  if (!find.ok()) return Error::failed(find.error_message());
  return id;
}

Status Database::add(std::int64_t source, const Advisory& a) {
  sqlite3* h = m->db.get();
  if (!m->insert_advisory.valid()) {
    m->insert_advisory = prepare(h,
                                 "INSERT INTO advisories(source, advisory, aliases, summary, "
                                 "cvss3, cvss4) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    m->insert_affected =
        prepare(h,
                "INSERT INTO affected(advisory, source, ecosystem, package, ranges, versions, "
                "severity, rater, seq, advisory_id, aliases, summary, cvss3, cvss4) "
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    m->insert_score =
        prepare(h, "INSERT INTO scores(name, source, cvss3, cvss4) VALUES(?1, ?2, ?3, ?4)");
  }
  const std::string aliases = join(a.aliases, ' ');
  Statement& adv = m->insert_advisory;
  adv.bind(1, source);
  adv.bind(2, a.id);
  adv.bind(3, aliases);
  adv.bind(4, a.summary);
  adv.bind(5, a.cvss3);
  adv.bind(6, a.cvss4);
  if (Status s = adv.run(); !s) return s;
  const std::int64_t row = sqlite3_last_insert_rowid(h);
  std::int64_t seq = 0;
  for (const AffectedPackage& p : a.affected) {
    Statement& aff = m->insert_affected;
    aff.bind(9, seq++);
    aff.bind(1, row);
    aff.bind(2, source);
    aff.bind(3, p.ecosystem);
    aff.bind(4, p.package);
    aff.bind(5, encode_ranges(p.ranges));
    aff.bind(6, join(p.versions, '\n'));
    aff.bind(7, std::int64_t(p.distro_severity));
    aff.bind(8, p.distro_rater);
    aff.bind(10, a.id);
    aff.bind(11, aliases);
    aff.bind(12, a.summary);
    aff.bind(13, a.cvss3);
    aff.bind(14, a.cvss4);
    if (Status s = aff.run(); !s) return s;
  }
  if (!a.cvss3.empty() || !a.cvss4.empty()) {
    std::vector<std::string> names = a.aliases;
    names.push_back(a.id);
    for (const std::string& n : names) {
      Statement& sc = m->insert_score;
      sc.bind(1, n);
      sc.bind(2, source);
      sc.bind(3, a.cvss3);
      sc.bind(4, a.cvss4);
      if (Status s = sc.run(); !s) return s;
    }
  }
  return Status::success();
}

Status Database::finish_source(std::int64_t source, const SourceInfo& info) {
  Statement upd = prepare(m->db.get(),
                          "UPDATE sources SET imported_at = ?2, data_time = ?3, records = ?4, "
                          "withdrawn = ?5 WHERE id = ?1");
  upd.bind(1, source);
  upd.bind(2, info.imported_at);
  upd.bind(3, info.data_time);
  upd.bind(4, info.records);
  upd.bind(5, info.withdrawn);
  return upd.run();
}

Result<DbInfo> Database::info() {
  sqlite3* h = m->db.get();
  DbInfo out;
  Statement src = prepare(h,
                          "SELECT location, kind, imported_at, data_time, records, withdrawn "
                          "FROM sources ORDER BY location");
  while (src.step_row()) {
    SourceInfo s{src.column_text(0), src.column_text(1), src.column_int(2),
                 src.column_text(3), src.column_int(4),  src.column_int(5)};
    out.newest_import = std::max(out.newest_import, s.imported_at);
    out.sources.push_back(std::move(s));
  }
  if (!src.ok()) return Error::failed(src.error_message());
  Statement count = prepare(h, "SELECT count(*) FROM advisories");
  if (count.step_row()) out.advisories = count.column_int(0);
  if (!count.ok()) return Error::failed(count.error_message());
  Statement eco =
      prepare(h, "SELECT ecosystem, count(*) FROM affected GROUP BY ecosystem ORDER BY ecosystem");
  while (eco.step_row()) out.ecosystems.push_back({eco.column_text(0), eco.column_int(1)});
  if (!eco.ok()) return Error::failed(eco.error_message());
  return out;
}

Result<std::int64_t> Database::newest_import() {
  Statement q = prepare(m->db.get(), "SELECT coalesce(max(imported_at), 0) FROM sources");
  std::int64_t out = 0;
  if (q.step_row()) out = q.column_int(0);
  if (!q.ok()) return Error::failed(q.error_message());
  q.reset();
  return out;
}

Result<std::vector<StoredAffected>> Database::affected(std::string_view ecosystem,
                                                       std::string_view package) {
  if (!m->select_affected.valid()) {
    m->select_affected = prepare(m->db.get(),
                                 "SELECT a.advisory, a.aliases, a.summary, a.cvss3, a.cvss4, "
                                 "f.ranges, f.versions, f.severity, f.rater FROM affected f "
                                 "JOIN advisories a ON a.id = f.advisory "
                                 "WHERE f.ecosystem = ?1 AND f.package = ?2 "
                                 "ORDER BY f.advisory, f.seq");
  }
  Statement& q = m->select_affected;
  q.bind(1, ecosystem);
  q.bind(2, package);
  std::vector<StoredAffected> out;
  while (q.step_row()) {
    StoredAffected s;
    s.advisory = q.column_text(0);
    s.aliases = split_list(q.column_text(1), ' ');
    s.summary = q.column_text(2);
    s.cvss3 = q.column_text(3);
    s.cvss4 = q.column_text(4);
    s.ranges = decode_ranges(q.column_text(5));
    s.versions = split_list(q.column_text(6), '\n');
    s.distro_severity = severity_of(q.column_int(7));
    s.distro_rater = q.column_text(8);
    out.push_back(std::move(s));
  }
  if (!q.ok()) return Error::failed(q.error_message());
  q.reset();
  return out;
}

Status Database::scan_affected(std::string_view ecosystem, std::string_view package,
                               const AppliesFn& applies,
                               const std::function<void(const AffectedRow&)>& visit) {
  if (!m->scan_affected.valid()) {
    // Reads the table only: its key is the lookup, so the rows are adjacent
    // and come in ORDER BY order without a sort, which is what lets each row
    // reach `visit` right after `applies` saw it (ScanAffected tests this).
    m->scan_affected =
        prepare(m->db.get(),
                "SELECT severity, rater, advisory_id, aliases, summary, cvss3, cvss4 "
                "FROM affected WHERE ecosystem = ?1 AND package = ?2 AND "
                "vern_applies(ranges, versions, ?3) ORDER BY advisory, seq");
  }
  Statement& q = m->scan_affected;
  q.bind(1, ecosystem);
  q.bind(2, package);
  q.bind_pointer(3, &applies, k_applies_type);
  AffectedRow row;
  while (q.step_row()) {
    row.distro_severity = severity_of(q.column_int(0));
    row.distro_rater = q.column_view(1);
    row.advisory = q.column_view(2);
    row.aliases = q.column_view(3);
    row.summary = q.column_view(4);
    row.cvss3 = q.column_view(5);
    row.cvss4 = q.column_view(6);
    visit(row);
  }
  q.bind_pointer(3, nullptr, k_applies_type);  // `applies` ends with this call
  if (!q.ok()) return Error::failed(q.error_message());
  return Status::success();
}

}  // namespace vern::vulndb
