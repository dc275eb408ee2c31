// image-latest-tag: an image reference floats on `latest` (written or implied).
#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "image-latest-tag",
    .title = "Image uses the latest tag",
    .severity = Severity::medium,
    .surfaces = {Surface::dockerfile, Surface::compose, Surface::kubernetes, Surface::run,
                 Surface::host, Surface::enforcement},
    .rationale =
        "`latest` (also what an image without a tag means) moves whenever someone pushes: "
        "two deployments of the same file can run different code, a rollback cannot go "
        "back, and a compromised push is picked up silently.",
    .remedy = "Use a specific version tag, and preferably a @sha256: digest.",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const ImageUse& use : image_uses(w, ImageUses::with_variables)) {
      const ImageRef& ref = use.image->value;
      if (!ref.latest()) continue;
      std::string why = ref.pinned()       ? " uses tag latest beside its digest"
                        : !ref.tag.empty() ? " uses tag latest"
                        : ref.digest_malformed()
                            ? " has no tag and a malformed digest (implies latest)"
                            : " has no tag (implies latest)";
      out.add(
          make_finding(k_info, w, use.container, use.image->where, image_subject(w, use) + why));
    }
  }
}

}  // namespace

extern const Rule k_image_latest_tag;
const Rule k_image_latest_tag{k_info, RuleScope::unit, &check};

}  // namespace vern
