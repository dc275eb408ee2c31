// untrusted-registry: an image comes from a registry that is not in the
// configured allow list (off until a list is configured).
#include <algorithm>
#include <cctype>
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"
#include "util/strings.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "untrusted-registry",
    .title = "Image comes from a registry outside the allow list",
    .severity = Severity::medium,
    .surfaces = {Surface::dockerfile, Surface::compose, Surface::kubernetes, Surface::run,
                 Surface::host, Surface::enforcement},
    .rationale =
        "Images from registries the organisation does not control or mirror skip its "
        "scanning and signing, and a typo-squatted name on a public registry runs whatever "
        "its owner pushed.",
    .remedy =
        "Pull from an allowed registry (mirror the image there), or add the registry "
        "to allowed_registries in .vern.yaml.",
    .cis = "4.2",
};

// Registry host (lower case, Docker Hub's aliases folded) plus optional path:
// "https://Index.Docker.io/library/" -> "docker.io/library".
std::string normalize_entry(std::string_view entry) {
  if (size_t scheme = entry.find("://"); scheme != std::string_view::npos) {
    entry.remove_prefix(scheme + 3);
  }
  while (entry.ends_with('/')) entry.remove_suffix(1);
  size_t slash = entry.find('/');
  std::string host = to_lower(entry.substr(0, slash));
  if (host == "index.docker.io" || host == "registry-1.docker.io") host = "docker.io";
  if (slash == std::string_view::npos) return host;
  return host + std::string(entry.substr(slash));
}

bool allowed(const ImageRef& ref, const RuleOptions& options) {
  std::string host = normalize_entry(ref.registry);
  // Docker Hub official images live under library/ though written without it.
  std::string full = host + '/' + ref.repository;
  std::string official = full;
  if (host == "docker.io" && ref.repository.find('/') == std::string::npos) {
    official = host + "/library/" + ref.repository;
  }
  return std::any_of(options.allowed_registries.begin(), options.allowed_registries.end(),
                     [&](const std::string& raw) {
                       std::string entry = normalize_entry(raw);
                       if (entry.empty()) return false;
                       for (const std::string& name : {full, official}) {
                         if (name == entry || name.starts_with(entry + '/')) return true;
                       }
                       return false;
                     });
}

void check(const Inventory& inventory, const RuleOptions& options, FindingSink& out) {
  if (options.allowed_registries.empty()) return;
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const ImageUse& use : image_uses(w)) {
      const ImageRef& ref = use.image->value;
      if (allowed(ref, options)) continue;
      out.add(make_finding(k_info, w, use.container, use.image->where,
                           image_subject(w, use) + " comes from registry " + ref.registry +
                               ", which is not in the allow list"));
    }
  }
}

}  // namespace

extern const Rule k_untrusted_registry;
const Rule k_untrusted_registry{k_info, RuleScope::unit, &check};

}  // namespace vern
