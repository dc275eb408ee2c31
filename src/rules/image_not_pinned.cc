// image-not-pinned: an image reference has no valid @sha256: digest.
#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "image-not-pinned",
    .title = "Image is not pinned by digest",
    .severity = Severity::low,
    .surfaces = {Surface::dockerfile, Surface::compose, Surface::kubernetes, Surface::run,
                 Surface::enforcement},
    .rationale =
        "Tags are mutable: the registry can serve different content under the same tag "
        "tomorrow. Only a content digest guarantees that what was tested is what runs, and "
        "it makes builds reproducible.",
    .remedy =
        "Append the image's digest: name:tag@sha256:<64 hex> (keep the tag for "
        "readability).",
};

// A Dockerfile reference built from a build argument without a default: the
// file itself does not say what is pulled, so it guarantees no pin. Reported as
// unresolved, never guessed. Other formats leave such references unchecked.
void report_unresolved(const Workload& w, FindingSink& out) {
  auto report = [&](const Located<ImageRef>& img, const Container* c) {
    // `${REGISTRY}/app@sha256:…` is pinned whatever the variable holds.
    if (!img.is_dynamic() || img.value.stage || img.value.scratch || img.value.pinned()) return;
    out.add(make_finding(k_info, w, c, img.where,
                         "image \"" + img.value.text +
                             "\" is not resolved here (a build argument without a default), "
                             "so nothing pins it by digest"));
  };
  for (const Container& c : w.containers) report(c.image, &c);
  for (const Located<ImageRef>& img : w.other_images) report(img, nullptr);
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const ImageUse& use : image_uses(w)) {
      const ImageRef& ref = use.image->value;
      if (ref.pinned()) continue;
      std::string why = ref.digest_malformed()
                            ? " has a malformed digest (not sha256: and 64 lowercase hex), "
                              "so it is not pinned"
                            : " is not pinned by digest";
      out.add(
          make_finding(k_info, w, use.container, use.image->where, image_subject(w, use) + why));
    }
    if (w.surface == Surface::dockerfile) report_unresolved(w, out);
  }
}

}  // namespace

extern const Rule k_image_not_pinned;
const Rule k_image_not_pinned{k_info, RuleScope::unit, &check};

}  // namespace vern
