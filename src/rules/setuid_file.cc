// setuid-file: the image holds setuid or setgid files (CIS Docker 4.8).
#include "rules/image_facts.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "setuid-file",
    .title = "Image holds setuid/setgid files",
    .severity = Severity::low,
    .surfaces = {Surface::image},
    .rationale =
        "A setuid or setgid binary runs with its owner's rights whatever user starts it: inside "
        "a container it is the usual step from an unprivileged process to root. Few "
        "containers need one.",
    .remedy =
        "Remove the bits in the Dockerfile (RUN find / -xdev -perm /6000 -type f -exec "
        "chmod a-s {} +) or drop the binaries; run with no-new-privileges.",
    .cis = "4.8",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const ImageFacts& image : inventory.images) {
    if (image.setuid_files.empty()) continue;
    std::vector<std::string> paths;
    for (const ImageFile& f : image.setuid_files) {
      const char* bits = (f.mode & 04000) && (f.mode & 02000) ? "setuid+setgid"
                         : (f.mode & 04000)                   ? "setuid"
                                                              : "setgid";
      paths.push_back(f.path + " (" + bits + ")");
    }
    std::size_t n = image.setuid_files.size();
    out.add(make_image_finding(k_info, image,
                               std::to_string(n) +
                                   (n == 1 ? " setuid/setgid file: " : " setuid/setgid files: ") +
                                   path_list(paths)));
  }
}

}  // namespace

extern const Rule k_setuid_file;
const Rule k_setuid_file{k_info, RuleScope::unit, &check};

}  // namespace vern
