#include "sources/compose/translate.h"

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
  if (services_entry) {
    if (const yaml::Node* services = r.mapping(services_entry->value, "services")) {
      for (const yaml::Node::Entry& e : services->entries()) {
        if (!e.key->is_scalar()) continue;
        const yaml::Node* svc = r.mapping(e.value, "service " + std::string(e.key->text()));
        if (!svc) continue;
        t.inventory.workloads.push_back(
            compose::translate_service(std::string(e.key->text()), e.key->where(), *svc, r));
      }
    }
  }
  t.inventory.compose_projects.push_back(std::move(project));
  return t;
}

Translation translate_compose(std::string_view path, std::string_view content) {
  yaml::Stream stream = yaml::parse(content);
  Translation t;
  if (!stream.documents.empty()) t = translate_compose(path, stream.documents[0]);
  if (stream.error) {
    Error e = *stream.error;
    e.file = std::string(path);
    t.errors.insert(t.errors.begin(), std::move(e));
  }
  return t;
}

}  // namespace vern
