#include "sources/compose/translate.h"

#include <algorithm>
#include <map>
#include <vector>

#include "sources/compose/interpolate.h"
#include "sources/compose/service.h"

namespace vern {

namespace {

Located<bool> network_flag(const yaml::Node* net, std::string_view key, Location at,
                           YamlReader& r) {
  const yaml::Node* v = net ? net->get(key) : nullptr;
  if (!v || v->is_null()) return Located<bool>::absent(at);
  // `external: {name: x}` is the old spelling of an external network.
  if (v->is_mapping()) return Located<bool>::literal(true, v->where());
  return r.boolean(net, key, at);
}

// The host path behind each top-level volume that the local driver binds
// (`driver_opts: {type: none, o: bind, device: /srv/data}`): mounting such a
// volume mounts that host folder. Unknown (`${DIR}`) devices are dynamic.
std::map<std::string, Located<std::string>, std::less<>> local_binds(const yaml::Node* volumes,
                                                                     YamlReader& r) {
  std::map<std::string, Located<std::string>, std::less<>> out;
  if (!volumes) return out;
  for (const yaml::Node::Entry& e : volumes->entries()) {
    if (!e.key->is_scalar() || !e.value->is_mapping()) continue;
    const yaml::Node* driver = r.scalar(e.value->get("driver"), "driver");
    if (driver && !driver->is_null() && driver->text() != "local") continue;
    const yaml::Node* opts = r.mapping(e.value->get("driver_opts"), "driver_opts");
    if (!opts) continue;
    const yaml::Node* o = r.scalar(opts->get("o"), "o");
    const yaml::Node* device = r.scalar(opts->get("device"), "device");
    if (!o || !device || device->is_null()) continue;
    if (!compose::has_option(o->text(), "bind") && !compose::has_option(o->text(), "rbind")) {
      continue;
    }
    auto path = compose::interpolate(device->text());
    out.emplace(std::string(e.key->text()),
                path ? Located<std::string>::literal(*path, device->where())
                     : Located<std::string>::dynamic(device->where()));
  }
  return out;
}

// A service's mapping and those of the services it extends in the same file
// (`extends: base`, `extends: {service: base}`), nearest first. A base in
// another file (`extends: {file: ...}`) is not read: the chain stops there.
// An unknown base or a cycle is an error at the `extends` value, as Compose
// refuses both.
std::vector<const yaml::Node*> extends_chain(const yaml::Node& service, const yaml::Node& services,
                                             YamlReader& r) {
  std::vector<const yaml::Node*> chain{&service};
  const yaml::Node* level = &service;
  while (const yaml::Node* ext = level->get("extends")) {
    const yaml::Node* base_name = ext->is_mapping() ? ext->get("service") : ext;
    if (ext->is_mapping() && ext->get("file")) break;
    if (!base_name || !base_name->is_scalar() || base_name->text().empty()) {
      r.error(ext->where(),
              "extends must name a service (extends: NAME or extends: {service: NAME})");
      break;
    }
    const yaml::Node* base = services.get(base_name->text());
    if (!base || !base->is_mapping()) {
      r.error(base_name->where(),
              "extends: no service \"" + std::string(base_name->text()) + "\" in this file");
      break;
    }
    if (std::find(chain.begin(), chain.end(), base) != chain.end()) {
      r.error(base_name->where(),
              "extends makes a cycle back to service \"" + std::string(base_name->text()) + "\"");
      break;
    }
    chain.push_back(base);
    level = base;
  }
  return chain;
}

}  // namespace

Translation translate_compose(std::string_view path, const yaml::Document& doc) {
  Translation t;
  YamlReader r(path, t.errors, /*yaml11=*/false);
  const yaml::Node* root = r.mapping(doc.root, "a Compose file");
  if (!root) return t;
  const yaml::Node::Entry* services_entry = root->find("services");
  ComposeProject project;
  project.file = std::string(path);
  project.where = services_entry ? services_entry->key->where() : root->where();
  if (const yaml::Node* nets = r.mapping(root->get("networks"), "networks")) {
    for (const yaml::Node::Entry& e : nets->entries()) {
      if (!e.key->is_scalar()) continue;
      ComposeNetwork n;
      n.name = e.key->text();
      n.where = e.key->where();
      const yaml::Node* body = r.mapping(e.value, "network " + n.name);
      n.internal = network_flag(body, "internal", n.where, r);
      n.external = network_flag(body, "external", n.where, r);
      project.networks.push_back(std::move(n));
    }
  }
  const auto binds = local_binds(r.mapping(root->get("volumes"), "volumes"), r);
  if (services_entry) {
    if (const yaml::Node* services = r.mapping(services_entry->value, "services")) {
      for (const yaml::Node::Entry& e : services->entries()) {
        if (!e.key->is_scalar()) continue;
        const yaml::Node* svc = r.mapping(e.value, "service " + std::string(e.key->text()));
        if (!svc) continue;
        Workload w = compose::translate_service(std::string(e.key->text()), e.key->where(),
                                                extends_chain(*svc, *services, r), r);
        for (Volume& v : w.volumes) {
          auto b = v.type == "volume" ? binds.find(v.name) : binds.end();
          if (b == binds.end()) continue;
          // Reported where the service mounts it; the message names the volume.
          v.host_path = b->second;
          v.host_path.where = v.where;
        }
        t.inventory.workloads.push_back(std::move(w));
      }
    }
  }
  t.inventory.compose_projects.push_back(std::move(project));
  return t;
}

Translation translate_compose(std::string_view path, std::string_view content) {
  yaml::Stream stream = yaml::parse(content);
  Translation t;
  if (!stream.documents.empty() && !stream.documents[0].after_error) {
    t = translate_compose(path, stream.documents[0]);
  }
  for (std::size_t i = 0; i < stream.errors.size(); ++i) {
    Error e = stream.errors[i];
    e.file = std::string(path);
    t.errors.insert(t.errors.begin() + std::ptrdiff_t(i), std::move(e));
  }
  return t;
}

}  // namespace vern
