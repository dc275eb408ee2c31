#include "rules/subject.h"

namespace vern {

namespace {

std::string quoted(std::string_view what, std::string_view name) {
  std::string out(what);
  out += " \"";
  out += name;
  out += '"';
  return out;
}

}  // namespace

bool kubernetes_semantics(const Workload& w) {
  return w.surface == Surface::kubernetes ||
         (w.surface == Surface::enforcement && !w.api_version.empty());
}

std::string workload_subject(const Workload& w) {
  if (w.name.empty()) return w.kind;
  if (!w.ns.empty()) return quoted(w.kind, w.ns + '/' + w.name);
  return quoted(w.kind, w.name);
}

std::string subject(const Workload& w, const Container& c) {
  if (kubernetes_semantics(w)) {
    std::string role = "container";
    if (c.role == ContainerRole::init) role = "init container";
    if (c.role == ContainerRole::ephemeral) role = "ephemeral container";
    return c.name.empty() ? role + " (unnamed)" : quoted(role, c.name);
  }
  // Outside Kubernetes a workload holds one container, named after it.
  if (!c.name.empty() && w.name.empty()) return quoted(w.kind, c.name);
  return workload_subject(w);
}

std::vector<ImageUse> image_uses(const Workload& w, ImageUses which) {
  auto counts = [which](const Located<ImageRef>& img) {
    const ImageRef& ref = img.value;
    if (which == ImageUses::with_variables && !img.is_absent() && ref.dynamic) {
      return !ref.text.empty();
    }
    return img.is_literal() && ref.is_image();
  };
  std::vector<ImageUse> out;
  for (const Container& c : w.containers) {
    if (counts(c.image)) out.push_back({&c.image, &c});
  }
  for (const Located<ImageRef>& img : w.other_images) {
    if (counts(img)) out.push_back({&img});
  }
  for (const Volume& v : w.volumes) {
    if (counts(v.image)) out.push_back({&v.image, nullptr, &v});
  }
  return out;
}

std::string image_subject(const Workload& w, const ImageUse& use) {
  std::string image = "image \"" + use.image->value.text + "\"";
  if (use.container) return subject(w, *use.container) + ": " + image;
  if (!use.volume) return image;
  if (kubernetes_semantics(w) && !use.volume->name.empty()) {
    return "volume \"" + use.volume->name + "\": " + image;
  }
  return workload_subject(w) + ": mounted " + image;
}

std::string mounter(const Workload& w, const Volume& v) {
  if (kubernetes_semantics(w) && !v.name.empty()) return "volume \"" + v.name + "\"";
  if (v.type == "volume" && !v.name.empty()) {
    return workload_subject(w) + " through volume \"" + v.name + "\"";
  }
  return workload_subject(w);
}

}  // namespace vern
