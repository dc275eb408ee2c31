#include "sources/daemon_json/translate.h"

#include "yaml/node.h"

namespace vern {
namespace {

// JSON is read with the YAML loader (JSON is YAML 1.2 flow style), which keeps
// the position of every key.
Located<bool> boolean(const yaml::Node& root, std::string_view key, Location absent_at,
                      std::vector<Error>& errors, std::string_view path) {
  const yaml::Node::Entry* e = root.find(key);
  if (!e) return Located<bool>::absent(absent_at);
  if (auto b = e->value->as_bool(); b && e->value->is_scalar()) {
    return Located<bool>::literal(*b, e->key->where());
  }
  Error err = Error::invalid("\"" + std::string(key) + "\" must be true or false",
                             e->value->where().line, e->value->where().column);
  err.file = std::string(path);
  errors.push_back(std::move(err));
  return Located<bool>::absent(e->key->where());
}

}  // namespace

Translation translate_daemon_json(std::string_view path, std::string_view content) {
  Translation t;
  auto fail = [&](std::string message, Location at) {
    Error e = Error::invalid(std::move(message), at.line, at.column);
    e.file = std::string(path);
    t.errors.push_back(std::move(e));
    return std::move(t);
  };
  if (content.size() > k_max_daemon_json_bytes) return fail("daemon.json larger than 1 MiB", {});
  yaml::Stream stream = yaml::parse(content);
  if (!stream.errors.empty()) {
    Error e = stream.errors.front();
    e.file = std::string(path);
    t.errors.push_back(std::move(e));
    return t;
  }
  if (stream.documents.empty() || stream.documents[0].root->is_null()) {
    return fail("daemon.json is empty: expected a JSON object", Location{1, 1});
  }
  const yaml::Node& root = *stream.documents[0].root;
  if (!root.is_mapping()) return fail("daemon.json must hold a JSON object", root.where());

  DaemonConfig c;
  c.file = std::string(path);
  c.label = "daemon.json";
  c.where = root.where();
  if (const yaml::Node::Entry* e = root.find("hosts")) {
    auto add = [&](const yaml::Node* n) {
      if (n->is_scalar())
        c.hosts.push_back(Located<std::string>::literal(std::string(n->text()), n->where()));
    };
    if (e->value->is_sequence()) {
      for (const yaml::Node* n : e->value->items()) add(n);
    } else {
      add(e->value);
    }
  }
  c.tls_verify = boolean(root, "tlsverify", c.where, t.errors, path);
  if (const yaml::Node::Entry* e = root.find("userns-remap"); e && e->value->is_scalar()) {
    c.userns_remap = Located<std::string>::literal(std::string(e->value->text()), e->key->where());
  } else {
    c.userns_remap = Located<std::string>::absent(c.where);
  }
  c.icc = boolean(root, "icc", c.where, t.errors, path);
  c.no_new_privileges = boolean(root, "no-new-privileges", c.where, t.errors, path);
  c.live_restore = boolean(root, "live-restore", c.where, t.errors, path);
  t.inventory.daemon_configs.push_back(std::move(c));
  return t;
}

}  // namespace vern
