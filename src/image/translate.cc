#include "image/translate.h"

#include <charconv>

#include "model/image_ref.h"

namespace vern {

namespace {

bool under_tmp(const std::string& path) {
  for (const char* dir : {"tmp", "var/tmp", "dev/shm"}) {
    std::string d = dir;
    if (path == d || path.rfind(d + '/', 0) == 0) return true;
  }
  return false;
}

PortMapping port_of(const std::string& spec) {
  PortMapping p;
  std::string_view s = spec;
  std::size_t slash = s.find('/');
  if (slash != std::string_view::npos) p.protocol = std::string(s.substr(slash + 1));
  std::string_view num = s.substr(0, slash);
  std::size_t dash = num.find('-');
  std::from_chars(num.data(), num.data() + std::min(dash, num.size()), p.container_first);
  p.container_last = p.container_first;
  if (dash != std::string_view::npos) {
    std::from_chars(num.data() + dash + 1, num.data() + num.size(), p.container_last);
  }
  return p;
}

}  // namespace

ImageFacts image_facts(const Image& image) {
  ImageFacts f;
  f.file = image.target;
  f.reference = image.reference;
  f.id = image.config_digest;
  f.os = image.config.os;
  f.architecture = image.config.architecture;
  for (const ImageLayerData& l : image.layers)
    f.layers.push_back({l.diff_id, l.digest, l.created_by});
  for (const auto& [path, node] : image.tree.nodes()) {
    const LayerEntry& e = *node.entry;
    std::string abs = '/' + path;
    bool regular = e.type == EntryType::file || e.type == EntryType::hardlink;
    if (regular && (e.mode & 06000) && f.setuid_files.size() < k_max_listed_files) {
      f.setuid_files.push_back({abs, e.mode, node.layer});
    }
    bool ww = (regular || e.type == EntryType::dir) && (e.mode & 0002) &&
              !(e.type == EntryType::dir && (e.mode & 01000)) && !under_tmp(path);
    if (ww && f.world_writable.size() < k_max_listed_files) {
      f.world_writable.push_back({abs, e.mode, node.layer});
    }
    if (regular && node.data && !node.data->secret_kind.empty() &&
        f.secret_files.size() < k_max_listed_files) {
      f.secret_files.push_back({abs, node.data->secret_kind, node.layer});
    }
  }
  for (const RemovedSecret& r : image.tree.removed_secrets()) {
    if (f.deleted_secrets.size() >= k_max_listed_files) break;
    f.deleted_secrets.push_back({'/' + r.path, r.kind, r.added_layer, r.removed_layer});
  }
  return f;
}

Inventory translate_image(const Image& image, PackageInventory packages) {
  Inventory inv;
  Workload w;
  w.surface = Surface::image;
  w.file = image.target;
  w.kind = "image";
  w.name = image.reference.empty() ? image.target : image.reference;
  Container c;
  c.name = w.name;
  if (!image.reference.empty() && image.reference.rfind("sha256:", 0) != 0) {
    c.image = Located<ImageRef>::literal(parse_image_ref(image.reference), {});
  }
  c.user = image.config.user_set ? Located<std::string>::literal(image.config.user, {})
                                 : Located<std::string>::absent({});
  for (const std::string& kv : image.config.env) {
    EnvVar v;
    std::size_t eq = kv.find('=');
    v.name = kv.substr(0, eq);
    v.value = eq == std::string::npos ? Located<std::string>::absent({})
                                      : Located<std::string>::literal(kv.substr(eq + 1), {});
    c.env.push_back(std::move(v));
  }
  for (const std::string& p : image.config.exposed_ports) c.ports.push_back(port_of(p));
  switch (image.config.healthcheck) {
    case HealthcheckState::absent:
      c.healthcheck = Located<bool>::absent({});
      break;
    case HealthcheckState::disabled:
      c.healthcheck = Located<bool>::literal(false, {});
      break;
    case HealthcheckState::set:
      c.healthcheck = Located<bool>::literal(true, {});
      break;
  }
  w.containers.push_back(std::move(c));
  inv.workloads.push_back(std::move(w));
  ImageFacts facts = image_facts(image);
  facts.packages = std::move(packages);
  inv.images.push_back(std::move(facts));
  return inv;
}

}  // namespace vern
