// secret-file-in-image: a layer holds a private key, .env or credentials file.
#include "rules/image_facts.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "secret-file-in-image",
    .title = "Secret file in the image",
    .severity = Severity::high,
    .surfaces = {Surface::image},
    .rationale =
        "Anyone who can pull the image can read every file in it: a private key, a .env file "
        "or a registry or cloud credentials file baked into a layer is published with the "
        "image.",
    .remedy =
        "Keep secrets out of the build context (.dockerignore); pass them at build time "
        "with RUN --mount=type=secret and at run time as secrets or variables.",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const ImageFacts& image : inventory.images) {
    for (const SecretFile& s : image.secret_files) {
      out.add(make_image_finding(
          k_info, image,
          s.path + " looks like a " + s.kind + " (added in " + layer_phrase(image, s.layer) + ")"));
    }
  }
}

}  // namespace

extern const Rule k_secret_file_in_image;
const Rule k_secret_file_in_image{k_info, RuleScope::unit, &check};

}  // namespace vern
