// Borrowed CVSS vectors: an advisory whose own source rates nothing (a
// tracker entry, a DSA) scores by the vectors another record holds for its id
// or an alias. They are resolved when an import commits, since any source's
// scores may lend to any other's advisories, and written into the advisory's
// affected entries, which matching reads alone.
#include <sqlite3.h>

#include "vulndb/database_impl.h"

namespace vern::vulndb {

Status Database::resolve_borrowed_vectors() {
  sqlite3* h = m->db.get();
  // The affected entries whose borrowed vectors change; written once the
  // scan that finds them is done.
  struct Change {
    std::string ecosystem, package;
    std::int64_t advisory, seq;
    ScoreVectors vectors;
  };
  std::vector<Change> changes;
  {
    Statement q = prepare(h,
                          "SELECT f.ecosystem, f.package, f.advisory, f.seq, f.cvss3, f.cvss4, "
                          "a.advisory, a.aliases FROM advisories a JOIN affected f "
                          "ON f.advisory = a.id WHERE a.cvss3 = '' AND a.cvss4 = '' "
                          "ORDER BY f.advisory");
    std::int64_t current = -1;
    ScoreVectors found;
    while (q.step_row()) {
      const std::int64_t advisory = q.column_int(2);
      if (advisory != current) {
        // Once per advisory: its id first, then its aliases.
        current = advisory;
        found = {};
        std::vector<std::string> names = split_list(q.column_view(7), ' ');
        names.insert(names.begin(), q.column_text(6));
        for (const std::string& name : names) {
          auto v = vectors_for(name);
          if (!v) return v.error();
          if (*v) {
            found = std::move(**v);
            break;
          }
        }
      }
      if (found.cvss3 == q.column_view(4) && found.cvss4 == q.column_view(5)) continue;
      changes.push_back({q.column_text(0), q.column_text(1), advisory, q.column_int(3), found});
    }
    if (!q.ok()) return Error::failed("database: " + q.error_message());
  }
  Statement update = prepare(h,
                             "UPDATE affected SET cvss3 = ?5, cvss4 = ?6 WHERE ecosystem = ?1 "
                             "AND package = ?2 AND advisory = ?3 AND seq = ?4");
  for (const Change& c : changes) {
    update.bind(1, c.ecosystem);
    update.bind(2, c.package);
    update.bind(3, c.advisory);
    update.bind(4, c.seq);
    update.bind(5, c.vectors.cvss3);
    update.bind(6, c.vectors.cvss4);
    if (Status s = update.run(); !s) return s;
  }
  return Status::success();
}

Result<std::optional<ScoreVectors>> Database::vectors_for(std::string_view id) {
  if (!m->select_scores.valid()) {
    m->select_scores = prepare(m->db.get(), "SELECT cvss3, cvss4 FROM scores WHERE name = ?1");
  }
  Statement& q = m->select_scores;
  q.bind(1, id);
  std::optional<ScoreVectors> out;
  // Prefer a record with a v4.0 vector, then one with v3.x; usually there is one row or none.
  while (q.step_row()) {
    ScoreVectors v{q.column_text(0), q.column_text(1)};
    bool better = !out || (out->cvss4.empty() && !v.cvss4.empty()) ||
                  (out->cvss4.empty() && out->cvss3.empty() && !v.cvss3.empty());
    if (better) out = std::move(v);
  }
  if (!q.ok()) return Error::failed(q.error_message());
  return out;
}

}  // namespace vern::vulndb
