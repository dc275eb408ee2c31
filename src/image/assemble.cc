#include "image/assemble.h"

namespace vern {

Result<Image> assemble_image(ImagePlan plan, const LayerScanner& scan, std::string target) {
  Image image;
  image.target = std::move(target);
  image.reference = std::move(plan.reference);
  image.config_digest = std::move(plan.config_digest);
  image.config = std::move(plan.config);
  image.layers.reserve(plan.layers.size());
  for (std::size_t i = 0; i < plan.layers.size(); ++i) {
    const PlannedLayer& pl = plan.layers[i];
    std::string name =
        "layer " + std::to_string(i + 1) + " (" + (pl.digest.empty() ? pl.path : pl.digest) + ")";
    Result<LayerScan> r = scan(pl);
    if (!r.ok()) {
      Error e = r.error();
      e.message = name + ": " + e.message;
      return e;
    }
    if (!pl.digest.empty() && r->digest != pl.digest) {
      return Error::invalid(name + ": blob does not match its digest (content is " + r->digest +
                            ")");
    }
    if (r->diff_id != pl.diff_id) {
      return Error::invalid(name + ": uncompressed layer is " + r->diff_id +
                            " but the config's diff_id is " + pl.diff_id);
    }
    ImageLayerData data;
    data.digest = pl.digest.empty() ? r->digest : pl.digest;
    data.diff_id = pl.diff_id;
    data.created_by = pl.created_by;
    data.scan = std::move(r.value());
    for (const std::string& s : data.scan.skipped)
      image.warnings.push_back(name + ": skipped " + s);
    if (data.scan.skipped_count > data.scan.skipped.size()) {
      image.warnings.push_back(name + ": skipped " +
                               std::to_string(data.scan.skipped_count - data.scan.skipped.size()) +
                               " more entries");
    }
    image.layers.push_back(std::move(data));
  }
  // Apply only once every layer is in place: the tree points into the scans.
  for (std::size_t i = 0; i < image.layers.size(); ++i) {
    image.tree.apply(int(i), image.layers[i].scan);
  }
  for (const std::string& s : image.tree.skipped()) image.warnings.push_back("skipped " + s);
  return image;
}

}  // namespace vern
