// Database::Impl: the connection and the statements a Database keeps
// prepared, shared by the files that implement Database (database.cc,
// borrowed_vectors.cc). Internal to them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vulndb/database.h"
#include "vulndb/sqlite_util.h"

namespace vern::vulndb {

struct Database::Impl {
  SqliteHandle db;
  Statement insert_advisory, insert_affected, insert_score, select_affected, select_scores;
  Statement scan_affected;
};

// The items of a list stored as text, `sep` between them; empty items are
// dropped.
std::vector<std::string> split_list(std::string_view s, char sep);

}  // namespace vern::vulndb
