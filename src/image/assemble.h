// assemble_image: turns a plan and a way to scan its layers into an Image,
// verifying every layer's digest and diff_id and merging the filesystem.
// Internal to the image readers.
#pragma once

#include <functional>
#include <string>

#include "image/image.h"
#include "image/plan.h"

namespace vern {

using LayerScanner = std::function<Result<LayerScan>(const PlannedLayer& layer)>;

Result<Image> assemble_image(ImagePlan plan, const LayerScanner& scan, std::string target);

}  // namespace vern
