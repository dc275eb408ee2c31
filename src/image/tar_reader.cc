// Reading `docker save` and oci-archive tars, from a file (two passes) or a
// stream (one pass, scanning every blob that is not a JSON document).
#include <archive.h>
#include <archive_entry.h>

#include <map>
#include <memory>
#include <set>

#include "image/assemble.h"
#include "image/image.h"
#include "image/plan.h"

namespace vern {

namespace {

using ArchivePtr = std::unique_ptr<archive, int (*)(archive*)>;

// Documents kept from one archive are capped in total, so that an archive of
// many JSON-looking files cannot fill memory.
constexpr std::uint64_t k_doc_bytes_factor = 4;

struct LayerOutcome {
  bool ok = false;
  LayerScan scan;
  Error error;
};

class TarContents final : public DocumentStore {
 public:
  std::map<std::string, std::string> docs;
  std::map<std::string, std::string> aliases;
  std::set<std::string> files;
  std::map<std::string, LayerOutcome> scans;
  std::uint64_t doc_bytes = 0;

  std::string resolve(const std::string& path) const {
    std::string p = path;
    for (int i = 0; i < 8; ++i) {
      auto it = aliases.find(p);
      if (it == aliases.end()) break;
      p = it->second;
    }
    return p;
  }
  bool has(const std::string& path) const override { return files.count(resolve(path)) > 0; }
  Result<std::string> read(const std::string& path) override {
    auto it = docs.find(resolve(path));
    if (it == docs.end()) {
      return Error::invalid(path + " is not a JSON document of a readable size");
    }
    return it->second;
  }
};

// The data of the current outer entry, starting with a block already peeked.
class EntrySource final : public ByteSource {
 public:
  EntrySource(archive* a, std::string_view first) : m_a(a), m_first(first), m_pending(true) {}
  Result<std::string_view> next() override {
    if (m_pending) {
      m_pending = false;
      if (!m_first.empty()) return m_first;
    }
    if (m_eof) return std::string_view{};
    const void* block = nullptr;
    size_t len = 0;
    la_int64_t off = 0;
    int rc = archive_read_data_block(m_a, &block, &len, &off);
    if (rc == ARCHIVE_EOF) {
      m_eof = true;
      return std::string_view{};
    }
    if (rc < ARCHIVE_WARN) return Error::invalid("archive is corrupt or truncated");
    return std::string_view(static_cast<const char*>(block), len);
  }

 private:
  archive* m_a;
  std::string_view m_first;
  bool m_pending;
  bool m_eof = false;
};

enum class Mode { documents, wanted, everything };

la_ssize_t read_source(archive* a, void* ctx, const void** buf) {
  Result<std::string_view> r = static_cast<ByteSource*>(ctx)->next();
  if (!r.ok()) {
    archive_set_error(a, EIO, "%s", r.error().message.c_str());
    return -1;
  }
  *buf = r->data();
  return la_ssize_t(r->size());
}

ArchivePtr new_outer() {
  ArchivePtr a(archive_read_new(), archive_read_free);
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_zstd(a.get());
  archive_read_support_filter_xz(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_gnutar(a.get());
  return a;
}

bool looks_json(std::string_view first) {
  for (char c : first) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{' || c == '[';
  }
  return false;
}

Error archive_error(archive* a) {
  const char* e = archive_error_string(a);
  return Error::invalid(std::string("not a readable image archive: ") + (e ? e : "unknown format"));
}

// Member names of the outer archive ("blobs/sha256/<64 hex>", "<id>/layer.tar")
// are bounded on their own: --max-path is about layer entries, and a low one
// must not hide the manifest or a blob.
constexpr std::size_t k_max_member_path = 4096;

Status walk(archive* a, Mode mode, const std::set<std::string>& wanted, Budget& budget,
            TarContents& out) {
  const ImageLimits& limits = budget.limits();
  archive_entry* ae = nullptr;
  for (;;) {
    int rc = archive_read_next_header(a, &ae);
    if (rc == ARCHIVE_EOF) return Status::success();
    if (rc < ARCHIVE_WARN) return archive_error(a);
    if (Status st = budget.add_file(); !st.ok()) return st;
    std::string name;
    const char* raw = archive_entry_pathname(ae);
    if (!raw || !normalize_layer_path(raw, name) || name.size() > k_max_member_path) continue;
    if (const char* hl = archive_entry_hardlink(ae)) {
      std::string target;
      if (normalize_layer_path(hl, target)) out.aliases[name] = target;
      continue;
    }
    if (archive_entry_filetype(ae) == AE_IFLNK) {
      std::size_t slash = name.rfind('/');
      std::string joined = (slash == std::string::npos ? "" : name.substr(0, slash + 1)) +
                           (archive_entry_symlink(ae) ? archive_entry_symlink(ae) : "");
      std::string target;
      if (normalize_layer_path(joined, target)) out.aliases[name] = target;
      continue;
    }
    if (archive_entry_filetype(ae) != AE_IFREG) continue;
    out.files.insert(name);
    auto scan_entry = [&](std::string_view first) -> Status {
      EntrySource src(a, first);
      Result<LayerScan> r = scan_layer(src, budget);
      LayerOutcome& o = out.scans[name];
      o.ok = r.ok();
      if (r.ok()) {
        o.scan = std::move(r.value());
      } else {
        o.error = r.error();
        // A limit is spent for the whole image: stop here.
        if (r.error().kind == Error::Kind::limit_exceeded) return r.error();
      }
      return Status::success();
    };
    if (mode == Mode::wanted) {
      if (wanted.count(name)) {
        if (Status st = scan_entry({}); !st.ok()) return st;
      }
      continue;
    }
    const void* block = nullptr;
    size_t len = 0;
    la_int64_t off = 0;
    rc = archive_read_data_block(a, &block, &len, &off);
    if (rc == ARCHIVE_EOF) {
      if (archive_entry_size(ae) == 0) out.docs[name];
      continue;
    }
    if (rc < ARCHIVE_WARN) return archive_error(a);
    std::string_view first(static_cast<const char*>(block), len);
    std::uint64_t size = std::uint64_t(archive_entry_size(ae));
    if (looks_json(first) && size <= limits.max_json &&
        out.doc_bytes + size <= k_doc_bytes_factor * limits.max_json) {
      std::string text(first);
      EntrySource rest(a, {});
      for (;;) {
        Result<std::string_view> r = rest.next();
        if (!r.ok()) return r.error();
        if (r->empty()) break;
        if (text.size() + r->size() > limits.max_json) return Error::limit(name + ": too large");
        text.append(*r);
      }
      out.doc_bytes += text.size();
      out.docs[name] = std::move(text);
      continue;
    }
    if (mode == Mode::everything) {
      if (Status st = scan_entry(first); !st.ok()) return st;
    }
  }
}

Result<LayerScan> from_contents(TarContents& c, const PlannedLayer& pl, Budget& budget) {
  std::string path = c.resolve(pl.path);
  auto it = c.scans.find(path);
  if (it != c.scans.end()) {
    if (!it->second.ok) return it->second.error;
    return it->second.scan;
  }
  auto doc = c.docs.find(path);
  if (doc != c.docs.end()) {
    MemorySource src(doc->second);
    return scan_layer(src, budget);
  }
  return Error::not_found("blob " + pl.path + " named by the manifest is not in the archive");
}

}  // namespace

Result<Image> read_image_stream(ByteSource& tar, const ImageSelector& select,
                                const ImageOptions& options) {
  Budget budget(options.limits);
  TarContents contents;
  ArchivePtr a = new_outer();
  if (archive_read_open(a.get(), &tar, nullptr, read_source, nullptr) != ARCHIVE_OK) {
    return archive_error(a.get());
  }
  if (Status st = walk(a.get(), Mode::everything, {}, budget, contents); !st.ok())
    return st.error();
  Result<ImagePlan> plan = plan_image(contents, select, options);
  if (!plan.ok()) return plan.error();
  return assemble_image(std::move(plan.value()),
                        [&](const PlannedLayer& pl) { return from_contents(contents, pl, budget); },
                        {});
}

Result<Image> read_image_tar(const std::string& path, const ImageSelector& select,
                             const ImageOptions& options) {
  Budget budget(options.limits);
  TarContents contents;
  {
    ArchivePtr a = new_outer();
    if (archive_read_open_filename(a.get(), path.c_str(), 256 * 1024) != ARCHIVE_OK) {
      return archive_error(a.get());
    }
    if (Status st = walk(a.get(), Mode::documents, {}, budget, contents); !st.ok()) {
      return st.error();
    }
  }
  Result<ImagePlan> plan = plan_image(contents, select, options);
  if (!plan.ok()) return plan.error();
  std::set<std::string> wanted;
  for (const PlannedLayer& pl : plan->layers) {
    std::string real = contents.resolve(pl.path);
    if (!contents.files.count(real)) {
      return Error::not_found("blob " + pl.path + " named by the manifest is not in the archive");
    }
    if (!contents.docs.count(real)) wanted.insert(real);
  }
  {
    ArchivePtr a = new_outer();
    if (archive_read_open_filename(a.get(), path.c_str(), 256 * 1024) != ARCHIVE_OK) {
      return archive_error(a.get());
    }
    if (Status st = walk(a.get(), Mode::wanted, wanted, budget, contents); !st.ok()) {
      return st.error();
    }
  }
  return assemble_image(
      std::move(plan.value()),
      [&](const PlannedLayer& pl) { return from_contents(contents, pl, budget); }, path);
}

}  // namespace vern
