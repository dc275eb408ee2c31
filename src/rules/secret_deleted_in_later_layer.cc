// secret-deleted-in-later-layer: a secret removed by a later layer is still
// in the layer that added it.
#include "rules/image_facts.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "secret-deleted-in-later-layer",
    .title = "Secret deleted in a later layer is still in the image",
    .severity = Severity::high,
    .surfaces = {Surface::image},
    .rationale =
        "Layers only add: a `RUN rm` in a later layer hides a file from the running container "
        "but leaves its bytes in the earlier layer, where anyone who pulls the image can "
        "extract them (docker save, then untar the layer).",
    .remedy =
        "Rotate the secret, then rebuild without it: use RUN --mount=type=secret, or a "
        "multi-stage build that copies only the artifacts.",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const ImageFacts& image : inventory.images) {
    for (const DeletedSecret& s : image.deleted_secrets) {
      out.add(make_image_finding(k_info, image,
                                 s.path + " (" + s.kind + ") was added in " +
                                     layer_phrase(image, s.added_layer) + " and removed in " +
                                     layer_phrase(image, s.removed_layer) +
                                     ", but it is still in the image"));
    }
  }
}

}  // namespace

extern const Rule k_secret_deleted_in_later_layer;
const Rule k_secret_deleted_in_later_layer{k_info, RuleScope::unit, &check};

}  // namespace vern
