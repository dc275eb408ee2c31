// Reading an OCI image layout directory: index.json, then only the blobs the
// chosen manifest names, each straight from its file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image/assemble.h"
#include "image/image.h"
#include "image/plan.h"

namespace vern {

namespace {

class DirDocuments final : public DocumentStore {
 public:
  DirDocuments(std::string dir, std::uint64_t max_bytes)
      : m_dir(std::move(dir)), m_max(max_bytes) {}

  bool has(const std::string& path) const override {
    struct stat st {};
    return ::stat(full(path).c_str(), &st) == 0 && S_ISREG(st.st_mode);
  }

  Result<std::string> read(const std::string& path) override {
    Result<std::unique_ptr<FileSource>> f = FileSource::open(full(path));
    if (!f.ok()) return f.error();
    std::string text;
    for (;;) {
      Result<std::string_view> r = (*f)->next();
      if (!r.ok()) return r.error();
      if (r->empty()) return text;
      if (text.size() + r->size() > m_max)
        return Error::limit(path + " is larger than the JSON limit");
      text.append(*r);
    }
  }

  std::string full(const std::string& path) const { return m_dir + '/' + path; }

 private:
  std::string m_dir;
  std::uint64_t m_max;
};

}  // namespace

Result<Image> read_oci_layout(const std::string& dir, const ImageSelector& select,
                              const ImageOptions& options) {
  DirDocuments docs(dir, options.limits.max_json);
  if (!docs.has("oci-layout") && !docs.has("index.json")) {
    return Error::invalid(dir + ": not an OCI image layout (no oci-layout or index.json)");
  }
  Result<ImagePlan> plan = plan_image(docs, select, options);
  if (!plan.ok()) return plan.error();
  Budget budget(options.limits);
  return assemble_image(
      std::move(plan.value()),
      [&](const PlannedLayer& pl) -> Result<LayerScan> {
        if (!docs.has(pl.path)) {
          return Error::not_found("blob " + pl.digest +
                                  " named by the manifest is not in the layout");
        }
        Result<std::unique_ptr<FileSource>> f = FileSource::open(docs.full(pl.path));
        if (!f.ok()) return f.error();
        return scan_layer(**f, budget);
      },
      dir);
}

}  // namespace vern
