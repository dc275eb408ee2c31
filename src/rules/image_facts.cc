#include "rules/image_facts.h"

#include "rules/object_finding.h"

namespace vern {

std::string image_object(const ImageFacts& image) {
  return "image " + (image.reference.empty() ? image.file : image.reference);
}

std::string layer_phrase(const ImageFacts& image, int layer) {
  return "layer " + std::to_string(layer + 1) + " (" + image.layer_label(layer) + ")";
}

Finding make_image_finding(const RuleInfo& info, const ImageFacts& image, std::string message) {
  return make_object_finding(info, image.file, {}, image_object(image), std::move(message));
}

std::string path_list(const std::vector<std::string>& paths, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < paths.size() && i < shown; ++i) {
    if (i > 0) out += ", ";
    out += paths[i];
  }
  if (paths.size() > shown) out += " and " + std::to_string(paths.size() - shown) + " more";
  return out;
}

}  // namespace vern
