// One Compose service into a Workload: every value goes through interpolation,
// so `${VAR}` is dynamic and `${VAR:-value}` is its default.
#include "sources/compose/service.h"

#include <algorithm>
#include <span>
#include <unordered_map>

#include "sources/compose/interpolate.h"

namespace vern::compose {

namespace {

Located<std::string> interpolated(const yaml::Node* n, Location absent_at) {
  if (!n || n->is_null() || !n->is_scalar()) return Located<std::string>::absent(absent_at);
  if (auto v = interpolate(n->text())) return Located<std::string>::literal(*v, n->where());
  return Located<std::string>::dynamic(n->where());
}

// `Map` is a mapping node or a Service: anything whose get() finds a key.
template <typename Map>
Located<std::string> str(const Map& svc, std::string_view key, Location absent_at, YamlReader& r) {
  return interpolated(r.scalar(svc.get(key), key), absent_at);
}

// compose-go's boolean spellings after interpolation.
template <typename Map>
Located<bool> boolean(const Map& svc, std::string_view key, Location absent_at, YamlReader& r) {
  Located<std::string> s = str(svc, key, absent_at, r);
  if (s.is_absent()) return Located<bool>::absent(absent_at);
  if (s.is_dynamic()) return Located<bool>::dynamic(s.where);
  std::string v = s.value;
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
  if (v == "true" || v == "yes" || v == "y" || v == "on")
    return Located<bool>::literal(true, s.where);
  if (v == "false" || v == "no" || v == "n" || v == "off") {
    return Located<bool>::literal(false, s.where);
  }
  r.error(s.where, std::string(key) + " must be true or false, not '" + s.value + "'");
  return Located<bool>::absent(absent_at);
}

// A limit: literal only when set to something other than 0 (or -1 for pids).
// "No limit" written out is absent where it is written, and keeps its text.
Located<std::string> limit(Located<std::string> v) {
  if (v.is_literal() && (v.value.empty() || v.value == "0" || v.value == "-1")) {
    return Located<std::string>::written_absent(std::move(v.value), v.where);
  }
  return v;
}

// The service key's limit, else deploy.resources.limits' one; when neither
// sets a limit, the one that writes "no limit" out, so the finding points at it.
Located<std::string> either_limit(Located<std::string> key, Located<std::string> deploy) {
  if (!key.is_absent()) return key;
  if (!deploy.is_absent() || key.value.empty()) return deploy;
  return key;
}

void read_list(const yaml::Node* seq, std::vector<Located<std::string>>& out) {
  if (!seq) return;
  for (const yaml::Node* item : seq->items()) {
    Located<std::string> v = interpolated(item, item->where());
    if (!v.is_absent()) out.push_back(v);
  }
}

void read_security_opt(const yaml::Node* seq, Container& c, YamlReader& r) {
  if (!seq) return;
  for (const yaml::Node* item : seq->items()) {
    Located<std::string> v = interpolated(r.scalar(item, "a security_opt item"), item->where());
    if (!v.is_literal()) continue;
    const std::string& s = v.value;
    if (s == "no-new-privileges" || s == "no-new-privileges:true" ||
        s == "no-new-privileges=true") {
      c.no_new_privileges = Located<bool>::literal(true, v.where);
    } else if (s == "no-new-privileges:false" || s == "no-new-privileges=false") {
      c.no_new_privileges = Located<bool>::literal(false, v.where);
    } else if (s.rfind("seccomp", 0) == 0 && s.size() > 8) {
      std::string p = s.substr(8);
      c.seccomp =
          Located<std::string>::literal(p == "unconfined" ? k_profile_unconfined : p, v.where);
    } else if (s.rfind("apparmor", 0) == 0 && s.size() > 9) {
      std::string p = s.substr(9);
      c.apparmor =
          Located<std::string>::literal(p == "unconfined" ? k_profile_unconfined : p, v.where);
    }
  }
}

void read_ports(const yaml::Node* seq, Container& c, YamlReader& r) {
  if (!seq) return;
  for (const yaml::Node* item : seq->items()) {
    PortMapping pm;
    if (item->is_scalar()) {
      if (parse_short_port(item->text(), item->where(), pm, r)) c.ports.push_back(std::move(pm));
      continue;
    }
    const yaml::Node* m = r.mapping(item, "a port");
    if (!m) continue;
    pm.where = m->where();
    pm.published = true;
    // Long syntax: `target` is the container port and `published` the host
    // port or range; an address belongs in `host_ip`, not in either.
    Located<std::string> target = str(*m, "target", m->where(), r);
    Located<std::string> published = str(*m, "published", m->where(), r);
    if (target.is_literal() &&
        !parse_port_range(target.value, pm.container_first, pm.container_last)) {
      r.error(target.where, "invalid target port '" + target.value + "'");
      continue;
    }
    if (published.is_literal() && !published.value.empty() &&
        !parse_port_range(published.value, pm.host_first, pm.host_last)) {
      r.error(published.where, "invalid published port '" + published.value +
                                   "': a port or a range of ports; the address goes in host_ip");
      continue;
    }
    if (!ranges_match(pm)) {
      r.error(published.where, "published range '" + published.value + "' and target range '" +
                                   target.value + "' differ in size");
      continue;
    }
    pm.host_ip = str(*m, "host_ip", m->where(), r);
    if (pm.host_ip.is_literal() && pm.host_ip.value.empty())
      pm.host_ip = Located<std::string>::absent(m->where());
    Located<std::string> proto = str(*m, "protocol", m->where(), r);
    if (proto.is_literal()) pm.protocol = proto.value;
    c.ports.push_back(std::move(pm));
  }
}

void read_expose(const yaml::Node* seq, Container& c, YamlReader& r) {
  if (!seq) return;
  for (const yaml::Node* item : seq->items()) {
    Located<std::string> v = interpolated(r.scalar(item, "an expose item"), item->where());
    if (!v.is_literal()) continue;
    PortMapping pm;
    if (!parse_short_port(v.value, v.where, pm, r)) continue;
    pm.published = false;
    pm.host_ip = Located<std::string>::absent(v.where);
    c.ports.push_back(std::move(pm));
  }
}

// Short syntax "SRC:DST[:MODE]": SRC is a host path when it starts with '/',
// '.', '~' or is a variable; otherwise a named volume.
void read_volumes(const yaml::Node* seq, Workload& w, YamlReader& r) {
  if (!seq) return;
  for (const yaml::Node* item : seq->items()) {
    Volume v;
    v.where = item->where();
    if (item->is_scalar()) {
      // `${SOCK:-/var/run/docker.sock}:/var/run/docker.sock:ro`: the ':' of a
      // default is not a separator.
      const std::vector<std::string_view> parts = split_colons(item->text());
      if (parts.size() == 1) {
        v.type = "volume";
        v.target = parts[0];
        w.volumes.push_back(std::move(v));
        continue;
      }
      const std::string src(parts[0]);
      v.target = parts[1];
      for (size_t i = 2; i < parts.size(); ++i)
        v.read_only = v.read_only || has_option(parts[i], "ro");
      bool variable = src.find('$') != std::string::npos;
      if (!src.empty() && (src[0] == '/' || src[0] == '.' || src[0] == '~' || variable)) {
        v.type = "bind";
        auto path = interpolate(src);
        v.host_path = path ? Located<std::string>::literal(*path, item->where())
                           : Located<std::string>::dynamic(item->where());
      } else {
        v.type = "volume";
        v.name = src;
      }
      w.volumes.push_back(std::move(v));
      continue;
    }
    const yaml::Node* m = r.mapping(item, "a volume");
    if (!m) continue;
    Located<std::string> type = str(*m, "type", m->where(), r);
    v.type = type.is_literal() ? type.value : "volume";
    Located<std::string> source = str(*m, "source", m->where(), r);
    Located<std::string> target = str(*m, "target", m->where(), r);
    if (target.is_literal()) v.target = target.value;
    if (v.type == "bind") {
      v.host_path = source;
    } else if (v.type == "image" && !source.is_absent()) {
      // As for a service's image, a reference with variables is read as written.
      std::string_view text = source.is_literal() ? source.value : m->get("source")->text();
      v.image = Located<ImageRef>::literal(parse_image_ref(text), source.where);
    } else if (source.is_literal()) {
      v.name = source.value;
    }
    Located<bool> ro = boolean(*m, "read_only", m->where(), r);
    v.read_only = ro.is(true);
    w.volumes.push_back(std::move(v));
  }
}

void read_environment(const yaml::Node* env, Container& c) {
  if (!env) return;
  auto add = [&](std::string name, Location at, const yaml::Node* value_node,
                 std::optional<std::string> raw) {
    EnvVar v;
    v.name = std::move(name);
    v.where = at;
    if (!raw) {
      v.value = Located<std::string>::absent(at);
    } else if (auto lit = interpolate(*raw)) {
      v.value = Located<std::string>::literal(*lit, value_node ? value_node->where() : at);
    } else {
      v.value = Located<std::string>::dynamic(value_node ? value_node->where() : at);
    }
    c.env.push_back(std::move(v));
  };
  if (env->is_sequence()) {
    for (const yaml::Node* item : env->items()) {
      if (!item->is_scalar()) continue;
      const std::string t(item->text());
      size_t eq = t.find('=');
      if (eq == std::string::npos) {
        add(t, item->where(), nullptr, std::nullopt);
      } else {
        add(t.substr(0, eq), item->where(), item, t.substr(eq + 1));
      }
    }
  } else if (env->is_mapping()) {
    for (const yaml::Node::Entry& e : env->entries()) {
      if (!e.key->is_scalar()) continue;
      std::optional<std::string> raw;
      if (e.value->is_scalar() && !e.value->is_null()) raw = e.value->text();
      add(std::string(e.key->text()), e.key->where(), e.value, raw);
    }
  }
}

void read_networks(const yaml::Node* nets, Workload& w) {
  if (!nets) return;
  w.networks_written = true;
  if (nets->is_sequence()) {
    for (const yaml::Node* n : nets->items()) {
      if (n->is_scalar())
        w.networks.push_back(Located<std::string>::literal(std::string(n->text()), n->where()));
    }
  } else if (nets->is_mapping()) {
    for (const yaml::Node::Entry& e : nets->entries()) {
      if (e.key->is_scalar()) {
        w.networks.push_back(
            Located<std::string>::literal(std::string(e.key->text()), e.key->where()));
      }
    }
  }
}

// The namespace-sharing modes: "host" maps to the Workload's host_* flags.
Located<bool> host_mode(const Located<std::string>& mode) {
  if (mode.is_dynamic()) return Located<bool>::dynamic(mode.where);
  if (mode.is_absent()) return Located<bool>::absent(mode.where);
  return Located<bool>::literal(mode.value == "host", mode.where);
}

// Compose's merge tags: `!reset` takes a key away, with whatever the bases
// (or earlier files) set for it, its own value ignored; `!override` replaces
// the bases' value instead of merging with it.
bool resets(const yaml::Node* v) { return v && v->tag() == "!reset"; }
bool overrides(const yaml::Node* v) { return v && v->tag() == "!override"; }

// A service's keys as Compose reads them after `extends`: a key the service
// sets wins over its bases' (nearest first).
class Service {
 public:
  explicit Service(std::span<const yaml::Node* const> levels) : m_levels(levels) {}
  const yaml::Node* get(std::string_view key) const {
    for (const yaml::Node* level : m_levels) {
      if (const yaml::Node* v = level->get(key)) return resets(v) ? nullptr : v;
    }
    return nullptr;
  }
  // deploy.resources.limits.<key>, merged across levels like any mapping.
  const yaml::Node* deploy_limit(std::string_view key, YamlReader& r) const {
    const std::string_view steps[] = {"deploy", "resources", "limits", key};
    const std::string_view names[] = {"deploy", "deploy.resources", "deploy.resources.limits"};
    for (const yaml::Node* level : m_levels) {
      const yaml::Node* node = level;
      bool replaced = false;  // an `!override` on the way hides the bases' values
      for (std::size_t i = 0; i < 4 && node; ++i) {
        const yaml::Node* next = node->get(steps[i]);
        if (resets(next)) return nullptr;
        replaced = replaced || overrides(next);
        node = i < 3 ? r.mapping(next, names[i]) : next;
      }
      if (node || replaced) return node;
    }
    return nullptr;
  }
  // The values of `key` at every level, from the farthest base to the service
  // itself, for what Compose merges (ports, volumes, capabilities,
  // environment...): later levels add to or override earlier ones, and a
  // `!reset` or `!override` level drops what came before it.
  std::vector<const yaml::Node*> merged(std::string_view key) const {
    std::vector<const yaml::Node*> out;
    for (auto it = m_levels.rbegin(); it != m_levels.rend(); ++it) {
      const yaml::Node* v = (*it)->get(key);
      if (!v) continue;
      if (resets(v) || overrides(v)) out.clear();
      if (!resets(v)) out.push_back(v);
    }
    return out;
  }

 private:
  std::span<const yaml::Node* const> m_levels;
};

// A variable set at several levels keeps the nearest level's value, in the
// place where it was first set.
void keep_last_of_each_name(std::vector<EnvVar>& env) {
  std::vector<EnvVar> out;
  std::unordered_map<std::string, std::size_t> at;  // name -> its place in `out`
  for (EnvVar& v : env) {
    auto [it, first] = at.try_emplace(v.name, out.size());
    if (first) {
      out.push_back(std::move(v));
    } else {
      out[it->second] = std::move(v);
    }
  }
  env = std::move(out);
}

}  // namespace

Workload translate_service(const std::string& name, Location key_at,
                           std::span<const yaml::Node* const> levels, YamlReader& r) {
  const Service svc(levels);
  Workload w;
  w.surface = Surface::compose;
  w.file = std::string(r.file());
  w.kind = "service";
  w.name = name;
  w.where = key_at;
  Container c;
  c.name = name;
  c.where = key_at;

  Located<std::string> image = str(svc, "image", key_at, r);
  if (image.is_literal()) {
    c.image = Located<ImageRef>::literal(parse_image_ref(image.value), image.where);
  } else if (image.is_dynamic()) {
    const yaml::Node* n = svc.get("image");
    c.image = Located<ImageRef>::literal(parse_image_ref(n->text()), image.where);
  } else {
    c.image = Located<ImageRef>::absent(key_at);
    w.partial = !svc.get("build");
  }
  // The chain goes on in another file, which may set what is unset here.
  const yaml::Node* ext = levels.back()->get("extends");
  if (ext && ext->is_mapping() && ext->get("file")) w.partial = true;
  c.user = str(svc, "user", key_at, r);
  c.privileged = boolean(svc, "privileged", key_at, r);
  c.read_only_rootfs = boolean(svc, "read_only", key_at, r);
  c.no_new_privileges = Located<bool>::absent(key_at);
  c.seccomp = Located<std::string>::absent(key_at);
  c.apparmor = Located<std::string>::absent(key_at);
  c.caps.where = key_at;
  for (const yaml::Node* v : svc.merged("security_opt")) {
    read_security_opt(r.sequence(v, "security_opt"), c, r);
  }
  for (const yaml::Node* v : svc.merged("cap_add")) read_list(r.sequence(v, "cap_add"), c.caps.add);
  for (const yaml::Node* v : svc.merged("cap_drop")) {
    read_list(r.sequence(v, "cap_drop"), c.caps.drop);
  }
  for (const yaml::Node* v : svc.merged("ports")) read_ports(r.sequence(v, "ports"), c, r);
  for (const yaml::Node* v : svc.merged("expose")) read_expose(r.sequence(v, "expose"), c, r);
  for (const yaml::Node* env : svc.merged("environment")) {
    if (!env->is_null() && !env->is_sequence() && !env->is_mapping()) {
      r.error(env->where(), "environment must be a list or a mapping");
    } else {
      read_environment(env, c);
    }
  }
  if (levels.size() > 1) keep_last_of_each_name(c.env);

  // Resources: the service keys or deploy.resources.limits.
  c.resources.memory_limit = limit(str(svc, "mem_limit", key_at, r));
  c.resources.cpu_limit = limit(str(svc, "cpus", key_at, r));
  c.resources.cpu_limit =
      either_limit(c.resources.cpu_limit, limit(str(svc, "cpu_quota", key_at, r)));
  c.resources.pids_limit = limit(str(svc, "pids_limit", key_at, r));
  auto deploy_limit = [&](std::string_view key) {
    return limit(interpolated(r.scalar(svc.deploy_limit(key, r), key), key_at));
  };
  c.resources.memory_limit = either_limit(c.resources.memory_limit, deploy_limit("memory"));
  c.resources.cpu_limit = either_limit(c.resources.cpu_limit, deploy_limit("cpus"));
  c.resources.pids_limit = either_limit(c.resources.pids_limit, deploy_limit("pids"));
  w.containers.push_back(std::move(c));

  w.network_mode = str(svc, "network_mode", key_at, r);
  w.host_network = host_mode(w.network_mode);
  w.host_pid = host_mode(str(svc, "pid", key_at, r));
  w.host_ipc = host_mode(str(svc, "ipc", key_at, r));
  w.userns_mode = str(svc, "userns_mode", key_at, r);
  for (const yaml::Node* v : svc.merged("networks")) read_networks(v, w);
  for (const yaml::Node* v : svc.merged("volumes")) read_volumes(r.sequence(v, "volumes"), w, r);
  return w;
}

bool has_option(std::string_view options, std::string_view name) {
  while (!options.empty()) {
    size_t comma = options.find(',');
    if (options.substr(0, comma) == name) return true;
    options = comma == std::string_view::npos ? std::string_view() : options.substr(comma + 1);
  }
  return false;
}

}  // namespace vern::compose
