#include "vulndb/import.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "vulndb/importers.h"

namespace vern::vulndb {

namespace {

namespace fs = std::filesystem;

class DbSink final : public AdvisorySink {
 public:
  DbSink(Database& db, std::int64_t source) : m_db(db), m_source(source) {}
  Status add(const Advisory& a) override { return m_db.add(m_source, a); }

 private:
  Database& m_db;
  std::int64_t m_source;
};

Result<std::string> read_file(const fs::path& path, std::uint64_t limit) {
  std::error_code ec;
  std::uint64_t size = fs::file_size(path, ec);
  if (ec) return Error::not_found(path.string() + ": " + ec.message());
  if (size > limit) {
    return Error::limit(path.string() + ": " + std::to_string(size) +
                        " bytes is over the limit of " + std::to_string(limit));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::failed(path.string() + ": cannot open");
  std::string text(size, '\0');
  in.read(text.data(), std::streamsize(size));
  if (std::uint64_t(in.gcount()) != size) return Error::failed(path.string() + ": short read");
  return text;
}

// Imports one feed document of any known format.
Status import_document(std::string_view text, const std::string& name, AdvisorySink& sink,
                       ImportStats& stats) {
  std::string kind = detect_feed_kind(text);
  if (kind == "osv") return import_osv(text, name, sink, stats);
  if (kind == "alpine-secdb") return import_alpine_secdb(text, name, sink, stats);
  if (kind == "debian-tracker") return import_debian_tracker(text, name, sink, stats);
  return Error::invalid(name + ": not an OSV record, Alpine secdb or Debian tracker document");
}

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

// Every *.json member of an OSV zip, in archive order. Requires the central
// directory, so a truncated download is refused before anything is read.
Status import_zip(const fs::path& path, const ImportLimits& limits, AdvisorySink& sink,
                  ImportStats& stats) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  archive_read_support_format_zip_seekable(a.get());
  const std::string name = path.string();
  if (archive_read_open_filename(a.get(), name.c_str(), 1 << 16) != ARCHIVE_OK) {
    return Error::invalid(name + ": not a readable zip archive (" + archive_error_string(a.get()) +
                          ")");
  }
  archive_entry* entry = nullptr;
  while (true) {
    int rc = archive_read_next_header(a.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc != ARCHIVE_OK) {
      const char* why = archive_error_string(a.get());
      return Error::invalid(name + ": corrupt zip archive (" + (why ? why : "unknown") + ")");
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    std::string member = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    if (member.size() < 5 || member.substr(member.size() - 5) != ".json") continue;
    const std::string label = name + ":" + member;
    std::string text;
    char buf[1 << 16];
    while (true) {
      la_ssize_t n = archive_read_data(a.get(), buf, sizeof buf);
      if (n < 0) {
        const char* why = archive_error_string(a.get());
        return Error::invalid(label + ": corrupt member (" + (why ? why : "unknown") + ")");
      }
      if (n == 0) break;
      if (text.size() + std::size_t(n) > limits.max_entry_bytes) {
        return Error::limit(label + ": member larger than " +
                            std::to_string(limits.max_entry_bytes) + " bytes");
      }
      text.append(buf, std::size_t(n));
    }
    if (Status s = import_osv(text, label, sink, stats); !s) return s;
  }
  return Status::success();
}

Status import_folder(const fs::path& dir, const ImportLimits& limits, AdvisorySink& sink,
                     ImportStats& stats) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) return Error::failed(dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    auto text = read_file(f, limits.max_file_bytes);
    if (!text) return text.error();
    if (Status s = import_document(*text, f.string(), sink, stats); !s) return s;
  }
  return Status::success();
}

bool looks_like_zip(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

Result<SourceInfo> import_one(Database& db, const std::string& given, std::int64_t now,
                              const ImportLimits& limits) {
  std::error_code ec;
  fs::path path = fs::canonical(given, ec);
  if (ec) return Error::not_found(given + ": " + ec.message());
  SourceInfo info;
  info.location = path.string();
  info.imported_at = now;
  std::string text;
  if (fs::is_directory(path)) {
    info.kind = "folder";
  } else if (looks_like_zip(path)) {
    info.kind = "osv-zip";
  } else {
    auto read = read_file(path, limits.max_file_bytes);
    if (!read) return read.error();
    text = std::move(*read);
    info.kind = detect_feed_kind(text);
    if (info.kind.empty()) {
      return Error::invalid(given + ": not an OSV record, Alpine secdb or Debian tracker document");
    }
  }
  auto source = db.replace_source(info.location, info.kind);
  if (!source) return source.error();
  DbSink sink(db, *source);
  ImportStats stats;
  Status s;
  if (info.kind == "folder") {
    s = import_folder(path, limits, sink, stats);
  } else if (info.kind == "osv-zip") {
    s = import_zip(path, limits, sink, stats);
  } else {
    s = import_document(text, given, sink, stats);
  }
  if (!s) return s.error();
  info.records = stats.records;
  info.withdrawn = stats.withdrawn;
  info.data_time = stats.newest;
  if (Status f = db.finish_source(*source, info); !f) return f.error();
  return info;
}

}  // namespace

Result<std::vector<SourceInfo>> import_sources(Database& db, const std::vector<std::string>& paths,
                                               std::int64_t now, const ImportLimits& limits) {
  if (Status s = db.begin(); !s) return s.error();
  std::vector<SourceInfo> out;
  for (const std::string& p : paths) {
    auto info = import_one(db, p, now, limits);
    if (!info) {
      db.rollback();
      return info.error();
    }
    out.push_back(std::move(*info));
  }
  if (Status s = db.commit(); !s) {
    db.rollback();
    return s.error();
  }
  return out;
}

}  // namespace vern::vulndb
