// ImagePlan: which config and which layer blobs make up the chosen image of
// an archive or layout, resolved from manifest.json (docker save) or
// index.json (OCI), with the digests each blob must have. Internal to the
// image readers.
#pragma once

#include <string>
#include <vector>

#include "image/image.h"
#include "image/oci.h"
#include "util/result.h"

namespace vern {

// Small documents of an archive or layout, by normalised path
// ("index.json", "blobs/sha256/<hex>").
class DocumentStore {
 public:
  virtual ~DocumentStore() = default;
  virtual bool has(const std::string& path) const = 0;
  // The document's text; not_found when absent, limit_exceeded when too large.
  virtual Result<std::string> read(const std::string& path) = 0;
};

struct PlannedLayer {
  std::string path;    // inside the archive or layout
  std::string digest;  // the digest the stored blob must have; empty when not known
  std::string diff_id;
  std::string created_by;
};

struct ImagePlan {
  std::string reference;
  std::string config_digest;
  ImageConfig config;
  std::vector<PlannedLayer> layers;
};

Result<ImagePlan> plan_image(DocumentStore& docs, const ImageSelector& select,
                             const ImageOptions& options);

// "blobs/sha256/<hex>" for a valid sha256 digest; an error for anything else
// (other algorithms, malformed digests that could name other paths).
Result<std::string> blob_path(const std::string& digest);

}  // namespace vern
