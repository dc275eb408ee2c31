// CycloneDX 1.5 JSON for an image's package inventory: one component per
// package with its package URL (pkg:deb/..., pkg:apk/..., pkg:rpm/...) and,
// as properties, the layer that added it and its source package.
#pragma once

#include <string>

#include "model/image.h"

namespace vern {

// The SBOM document as JSON text (pretty-printed, newline at the end).
// `tool_version` names vern's version in metadata.tools.
std::string cyclonedx_sbom(const ImageFacts& image, const std::string& tool_version);

}  // namespace vern
