// translate_image: an Image into the model. The config becomes one Workload
// (surface image, kind "image") with one Container carrying the user, env,
// exposed ports, healthcheck and image reference, so the generic container
// rules apply; the filesystem becomes ImageFacts (setuid, world-writable and
// secret files, secrets deleted in a later layer) plus the package inventory.
// Knows nothing of what is secure: it only lists facts.
#pragma once

#include "image/image.h"
#include "model/image.h"
#include "model/inventory.h"

namespace vern {

// The file facts of `image` (without packages). Lists are capped at
// k_max_listed_files entries each.
ImageFacts image_facts(const Image& image);

inline constexpr std::size_t k_max_listed_files = 1000;

// The workload and facts of `image`; `packages` goes into the facts.
Inventory translate_image(const Image& image, PackageInventory packages);

}  // namespace vern
