// world-writable-file: a world-writable file or folder outside /tmp-like dirs.
#include <cstdio>

#include "rules/image_facts.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "world-writable-file",
    .title = "World-writable file or folder in the image",
    .severity = Severity::low,
    .surfaces = {Surface::image},
    .rationale =
        "Any user in the container can change a world-writable file, and replace files in a "
        "world-writable folder without the sticky bit: a foothold for tampering with programs "
        "or configuration that a more privileged process later runs or reads.",
    .remedy =
        "Remove write permission for others (chmod o-w) in the Dockerfile, or give the "
        "folder the sticky bit (chmod +t).",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const ImageFacts& image : inventory.images) {
    if (image.world_writable.empty()) continue;
    std::vector<std::string> paths;
    for (const ImageFile& f : image.world_writable) {
      char mode[8];
      std::snprintf(mode, sizeof mode, "%04o", f.mode & 07777u);
      paths.push_back(f.path + " (" + mode + ")");
    }
    std::size_t n = paths.size();
    out.add(make_image_finding(k_info, image,
                               std::to_string(n) +
                                   (n == 1 ? " world-writable path: " : " world-writable paths: ") +
                                   path_list(paths)));
  }
}

}  // namespace

extern const Rule k_world_writable_file;
const Rule k_world_writable_file{k_info, RuleScope::unit, &check};

}  // namespace vern
