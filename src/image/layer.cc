#include "image/layer.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "image/digest.h"
#include "image/interest.h"

namespace vern {

namespace {

using ArchivePtr = std::unique_ptr<archive, int (*)(archive*)>;

// The stored blob: hashed and counted as libarchive pulls it.
struct StoredStream {
  ByteSource* source = nullptr;
  Sha256 hash;
  std::uint64_t size = 0;
  Error error;
  bool failed = false;
};

la_ssize_t read_stored(archive* a, void* ctx, const void** buf) {
  auto* s = static_cast<StoredStream*>(ctx);
  Result<std::string_view> r = s->source->next();
  if (!r.ok()) {
    s->error = r.error();
    s->failed = true;
    archive_set_error(a, EIO, "%s", r.error().message.c_str());
    return -1;
  }
  s->hash.update(r->data(), r->size());
  s->size += r->size();
  *buf = r->data();
  return la_ssize_t(r->size());
}

// The uncompressed tar: pulled from the decompressing archive, hashed and
// charged to the budget before the tar reader sees it.
struct TarStream {
  archive* raw = nullptr;
  Budget* budget = nullptr;
  Sha256 hash;
  std::uint64_t size = 0;
  bool eof = false;
  Error error;
  bool failed = false;
};

la_ssize_t read_tar(archive* a, void* ctx, const void** buf) {
  auto* t = static_cast<TarStream*>(ctx);
  if (t->eof) return 0;
  const void* block = nullptr;
  size_t len = 0;
  la_int64_t offset = 0;
  int rc = archive_read_data_block(t->raw, &block, &len, &offset);
  if (rc == ARCHIVE_EOF) {
    t->eof = true;
    return 0;
  }
  if (rc < ARCHIVE_WARN) {
    t->error = Error::invalid(
        std::string("corrupt or truncated layer: ") +
        (archive_error_string(t->raw) ? archive_error_string(t->raw) : "decompression failed"));
    t->failed = true;
    archive_set_error(a, EIO, "%s", t->error.message.c_str());
    return -1;
  }
  Status st = t->budget->add_bytes(len);
  if (!st.ok()) {
    t->error = st.error();
    t->failed = true;
    archive_set_error(a, EFBIG, "%s", t->error.message.c_str());
    return -1;
  }
  t->hash.update(block, len);
  t->size += len;
  *buf = block;
  return la_ssize_t(len);
}

void skip(LayerScan& scan, const Budget& budget, std::string what) {
  if (scan.skipped.size() < budget.limits().max_reported_skips)
    scan.skipped.push_back(std::move(what));
  ++scan.skipped_count;
}

// Reads the current entry's data into `out`, at most `limit` bytes.
Status read_data(archive* tar, std::uint64_t limit, std::string& out) {
  out.clear();
  char buf[64 * 1024];
  for (;;) {
    la_ssize_t n = archive_read_data(tar, buf, sizeof buf);
    if (n < 0) return Error::invalid("corrupt or truncated layer while reading a file");
    if (n == 0) return Status::success();
    if (out.size() + std::size_t(n) > limit) return Error::limit("file larger than expected");
    out.append(buf, std::size_t(n));
  }
}

// The error that stopped the tar reader: the stream's own (keeping its kind,
// e.g. a limit) when it failed, else libarchive's message.
Error tar_error(archive* tar, const TarStream& t, const StoredStream& s) {
  if (s.failed) return s.error;
  if (t.failed) return t.error;
  const char* e = archive_error_string(tar);
  return Error::invalid(std::string("corrupt or truncated layer: ") + (e ? e : "unreadable tar"));
}

// Fills `e` from the header; returns false (and records a skip) for entries
// the scan drops.
bool fill_entry(archive_entry* ae, LayerScan& scan, const Budget& budget, LayerEntry& e) {
  const char* raw = archive_entry_pathname(ae);
  std::string name = raw ? raw : "";
  if (name.size() > budget.limits().max_path) {
    skip(scan, budget,
         name.substr(0, 80) + "...: path longer than " + std::to_string(budget.limits().max_path) +
             " bytes (raise it with --max-path)");
    return false;
  }
  if (!normalize_layer_path(name, e.path)) {
    skip(scan, budget, name + ": path is absolute or leaves the image root");
    return false;
  }
  std::size_t slash = e.path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : e.path.substr(0, slash);
  std::string base = slash == std::string::npos ? e.path : e.path.substr(slash + 1);
  if (base.rfind(".wh.", 0) == 0) {
    if (base == ".wh..wh..opq") {
      e.opaque = true;
      e.path = dir;
    } else if (base.rfind(".wh..wh.", 0) == 0) {
      return false;  // aufs bookkeeping (.wh..wh.plnk and friends), not a file
    } else {
      e.whiteout = true;
      e.path = dir.empty() ? base.substr(4) : dir + '/' + base.substr(4);
    }
    return true;
  }
  e.mode = unsigned(archive_entry_mode(ae)) & 07777u;
  e.size = archive_entry_size_is_set(ae) ? std::uint64_t(archive_entry_size(ae)) : 0;
  if (const char* hl = archive_entry_hardlink(ae)) {
    e.type = EntryType::hardlink;
    if (!normalize_layer_path(hl, e.link)) {
      skip(scan, budget, name + ": hard link target leaves the image root");
      return false;
    }
    return true;
  }
  switch (archive_entry_filetype(ae)) {
    case AE_IFREG:
      e.type = EntryType::file;
      break;
    case AE_IFDIR:
      e.type = EntryType::dir;
      break;
    case AE_IFLNK:
      e.type = EntryType::symlink;
      e.link = archive_entry_symlink(ae) ? archive_entry_symlink(ae) : "";
      break;
    default:
      e.type = EntryType::other;
      break;
  }
  return true;
}

}  // namespace

bool normalize_layer_path(std::string_view in, std::string& out) {
  out.clear();
  if (!in.empty() && in.front() == '/') return false;
  std::size_t i = 0;
  while (i <= in.size()) {
    std::size_t j = in.find('/', i);
    if (j == std::string_view::npos) j = in.size();
    std::string_view part = in.substr(i, j - i);
    i = j + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (out.empty()) return false;
      std::size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
      continue;
    }
    if (!out.empty()) out += '/';
    out.append(part);
  }
  return true;
}

Result<LayerScan> scan_layer(ByteSource& blob, Budget& budget) {
  StoredStream stored;
  stored.source = &blob;
  ArchivePtr raw(archive_read_new(), archive_read_free);
  // Only in-process decoders: libarchive would otherwise run external programs.
  if (archive_read_support_filter_gzip(raw.get()) != ARCHIVE_OK ||
      archive_read_support_filter_zstd(raw.get()) != ARCHIVE_OK ||
      archive_read_support_filter_xz(raw.get()) != ARCHIVE_OK ||
      archive_read_support_filter_bzip2(raw.get()) != ARCHIVE_OK ||
      archive_read_support_format_raw(raw.get()) != ARCHIVE_OK) {
    return Error::failed("libarchive lacks a built-in gzip/zstd/xz/bzip2 decoder");
  }
  archive_entry* ae = nullptr;
  if (archive_read_open(raw.get(), &stored, nullptr, read_stored, nullptr) != ARCHIVE_OK ||
      archive_read_next_header(raw.get(), &ae) != ARCHIVE_OK) {
    if (stored.failed) return stored.error;
    const char* e = archive_error_string(raw.get());
    return Error::invalid(std::string("unreadable layer: ") + (e ? e : "empty or unknown format"));
  }

  TarStream tar_stream;
  tar_stream.raw = raw.get();
  tar_stream.budget = &budget;
  ArchivePtr tar(archive_read_new(), archive_read_free);
  archive_read_support_format_tar(tar.get());
  archive_read_support_format_gnutar(tar.get());
  if (archive_read_open(tar.get(), &tar_stream, nullptr, read_tar, nullptr) != ARCHIVE_OK) {
    return tar_error(tar.get(), tar_stream, stored);
  }

  LayerScan scan;
  std::string data;
  const ImageLimits& limits = budget.limits();
  for (;;) {
    int rc = archive_read_next_header(tar.get(), &ae);
    if (rc == ARCHIVE_EOF) break;
    if (rc < ARCHIVE_WARN) return tar_error(tar.get(), tar_stream, stored);
    if (Status st = budget.add_file(); !st.ok()) return st.error();
    LayerEntry e;
    if (!fill_entry(ae, scan, budget, e)) continue;
    if (e.type == EntryType::file && !e.whiteout && !e.opaque) {
      KeepReason why = keep_reason(e.path);
      e.secret_kind = std::string(secret_kind_by_name(e.path));
      bool sparse = archive_entry_sparse_count(ae) > 0;
      if (why != KeepReason::none && e.size > limits.max_kept_file) {
        skip(scan, budget, e.path + ": larger than the limit for files read into memory");
      } else if (why != KeepReason::none || (e.size <= limits.max_key_scan && !sparse)) {
        std::uint64_t cap = why != KeepReason::none ? limits.max_kept_file : limits.max_key_scan;
        if (Status st = read_data(tar.get(), cap, data); !st.ok()) {
          if (st.error().kind == Error::Kind::limit_exceeded) {
            skip(scan, budget, e.path + ": holds more data than its header says");
          } else {
            return tar_error(tar.get(), tar_stream, stored);
          }
        }
        if (why == KeepReason::credential && e.secret_kind.empty()) {
          e.secret_kind = std::string(secret_kind_by_content(e.path, data));
        }
        if (e.secret_kind.empty() && has_private_key(data)) e.secret_kind = "private key";
        if (why == KeepReason::os_release || why == KeepReason::package_db) {
          e.kept = true;
          e.content = data;
        }
      }
    }
    scan.entries.push_back(std::move(e));
  }
  if (tar_stream.failed) return tar_stream.error;
  // The tar's end marker may be followed by padding: drain it so that the
  // diff_id covers the whole uncompressed stream and the digest the whole blob.
  const void* block = nullptr;
  for (;;) {
    la_ssize_t n = read_tar(tar.get(), &tar_stream, &block);
    if (n < 0) return tar_stream.error;
    if (n == 0) break;
  }
  // Drain any bytes the decompressor did not need (trailing garbage is hashed too).
  for (;;) {
    Result<std::string_view> r = blob.next();
    if (!r.ok()) return r.error();
    if (r->empty()) break;
    stored.hash.update(r->data(), r->size());
    stored.size += r->size();
  }
  if (stored.failed) return stored.error;
  scan.digest = stored.hash.finish();
  scan.diff_id = tar_stream.hash.finish();
  scan.stored_size = stored.size;
  scan.tar_size = tar_stream.size;
  return scan;
}

}  // namespace vern
