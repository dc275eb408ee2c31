// Thin RAII wrappers over the SQLite C API for the vulnerability database:
// an owned connection and an owned prepared statement whose errors are
// values. Internal to the vulndb layer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "util/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vern::vulndb {

struct SqliteCloser {
  void operator()(sqlite3* db) const;
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

// Opens `path` read-only, or read-write creating it when missing.
Result<SqliteHandle> open_sqlite(const std::string& path, bool writable);

// Runs one or more statements without results. `what` labels errors.
Status exec(sqlite3* db, const std::string& sql, std::string_view what);

// The first column of the first row of `sql` as text.
Result<std::string> query_text(sqlite3* db, const std::string& sql, std::string_view what);

// A prepared statement. A statement that failed to prepare is not valid():
// its steps fail and error_message() says why.
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string error);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  bool valid() const { return m_stmt != nullptr; }
  void bind(int index, std::string_view text);
  void bind(int index, std::int64_t value);
  // Binds a pointer for an SQL function to read with sqlite3_value_pointer()
  // (SQLite itself never dereferences it); `type` must outlive the statement
  // (a string literal).
  void bind_pointer(int index, const void* pointer, const char* type);
  // Steps once: true with a row to read; false when done or failed (then
  // the statement is reset and ok() tells which).
  bool step_row();
  // Steps to completion (an INSERT, UPDATE, DELETE) and resets.
  Status run();
  void reset();
  std::string column_text(int column) const;
  // The column's text without a copy: valid until the next step or reset.
  std::string_view column_view(int column) const;
  std::int64_t column_int(int column) const;
  bool ok() const { return m_error.empty(); }
  const std::string& error_message() const { return m_error; }

 private:
  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_stmt = nullptr;
  std::string m_error;
};

Statement prepare(sqlite3* db, const std::string& sql);

}  // namespace vern::vulndb
