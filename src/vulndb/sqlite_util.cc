#include "vulndb/sqlite_util.h"

#include <sqlite3.h>

#include <utility>

namespace vern::vulndb {

void SqliteCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Result<SqliteHandle> open_sqlite(const std::string& path, bool writable) {
  sqlite3* raw = nullptr;
  int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  SqliteHandle db(raw);
  if (rc != SQLITE_OK) {
    return Error::failed(
        path + ": cannot open database: " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

Status exec(sqlite3* db, const std::string& sql, std::string_view what) {
  char* msg = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
  if (rc == SQLITE_OK) return Status::success();
  std::string text = msg ? msg : sqlite3_errstr(rc);
  sqlite3_free(msg);
  return Error::failed(std::string(what) + ": " + text);
}

Result<std::string> query_text(sqlite3* db, const std::string& sql, std::string_view what) {
  Statement q = prepare(db, sql);
  if (q.step_row()) return q.column_text(0);
  if (!q.ok()) return Error::failed(std::string(what) + ": " + q.error_message());
  return std::string();
}

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string error)
    : m_db(db), m_stmt(stmt), m_error(std::move(error)) {}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db),
      m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_error(std::move(other.m_error)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(m_stmt);
    m_db = other.m_db;
    m_stmt = std::exchange(other.m_stmt, nullptr);
    m_error = std::move(other.m_error);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

void Statement::bind(int index, std::string_view text) {
  if (!m_stmt) return;
  sqlite3_bind_text(m_stmt, index, text.data() ? text.data() : "", int(text.size()),
                    SQLITE_TRANSIENT);
}

void Statement::bind(int index, std::int64_t value) {
  if (m_stmt) sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bind_pointer(int index, const void* pointer, const char* type) {
  if (m_stmt) sqlite3_bind_pointer(m_stmt, index, const_cast<void*>(pointer), type, nullptr);
}

bool Statement::step_row() {
  if (!m_stmt) {
    if (m_error.empty()) m_error = "statement not prepared";
    return false;
  }
  int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) m_error = sqlite3_errmsg(m_db);
  sqlite3_reset(m_stmt);
  return false;
}

Status Statement::run() {
  if (step_row()) {
    sqlite3_reset(m_stmt);
    return Status::success();
  }
  if (!ok()) return Error::failed("database: " + m_error);
  return Status::success();
}

void Statement::reset() {
  if (m_stmt) sqlite3_reset(m_stmt);
}

std::string Statement::column_text(int column) const {
  const unsigned char* t = sqlite3_column_text(m_stmt, column);
  int n = sqlite3_column_bytes(m_stmt, column);
  return t ? std::string(reinterpret_cast<const char*>(t), std::size_t(n)) : std::string();
}

std::string_view Statement::column_view(int column) const {
  const unsigned char* t = sqlite3_column_text(m_stmt, column);
  int n = sqlite3_column_bytes(m_stmt, column);
  return t ? std::string_view(reinterpret_cast<const char*>(t), std::size_t(n))
           : std::string_view();
}

std::int64_t Statement::column_int(int column) const {
  return sqlite3_column_int64(m_stmt, column);
}

Statement prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), int(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Statement(db, nullptr, sqlite3_errmsg(db));
  return Statement(db, stmt, {});
}

}  // namespace vern::vulndb
