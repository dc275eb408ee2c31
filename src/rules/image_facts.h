// Helpers for the rules that read an image's filesystem facts (model/image.h):
// how findings name the image and its layers.
#pragma once

#include <string>
#include <vector>

#include "model/image.h"
#include "rules/rule.h"

namespace vern {

// "image nginx:1.25" (or the target path when no reference is known).
std::string image_object(const ImageFacts& image);

// "layer 2 (sha256:0123456789ab)": 1-based, as `docker history` counts from the bottom.
std::string layer_phrase(const ImageFacts& image, int layer);

// A finding of `info` about `image` with the rule's defaults.
Finding make_image_finding(const RuleInfo& info, const ImageFacts& image, std::string message);

// "/a, /b, /c and 4 more": at most `shown` paths.
std::string path_list(const std::vector<std::string>& paths, std::size_t shown = 10);

}  // namespace vern
