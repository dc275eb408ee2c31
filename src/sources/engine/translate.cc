#include "sources/engine/translate.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>
#include <utility>

#include "model/image_ref.h"

namespace vern {

namespace {

using Json = nlohmann::json;

// A live container has no source text: every value sits at "no position".
constexpr Location k_nowhere{};

const Json* member(const Json* obj, const char* key) {
  if (!obj || !obj->is_object()) return nullptr;
  auto it = obj->find(key);
  if (it == obj->end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<bool> get_bool(const Json* obj, const char* key) {
  const Json* v = member(obj, key);
  if (v && v->is_boolean()) return v->get<bool>();
  return std::nullopt;
}

std::optional<std::string> get_string(const Json* obj, const char* key) {
  const Json* v = member(obj, key);
  if (v && v->is_string()) return v->get<std::string>();
  return std::nullopt;
}

std::optional<std::int64_t> get_int(const Json* obj, const char* key) {
  const Json* v = member(obj, key);
  if (v && v->is_number_integer()) return v->get<std::int64_t>();
  if (v && v->is_number_unsigned()) {
    std::uint64_t u = v->get<std::uint64_t>();
    return u > std::uint64_t(INT64_MAX) ? INT64_MAX : std::int64_t(u);
  }
  if (v && v->is_number_float()) return std::int64_t(v->get<double>());
  return std::nullopt;
}

// The strings of an array member (non-strings skipped).
std::vector<std::string> get_strings(const Json* obj, const char* key) {
  std::vector<std::string> out;
  const Json* v = member(obj, key);
  if (!v || !v->is_array()) return out;
  for (const Json& item : *v) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

template <class T>
Located<T> lit(T v) {
  return Located<T>::literal(std::move(v), k_nowhere);
}

template <class T>
Located<T> absent() {
  return Located<T>::absent(k_nowhere);
}

std::optional<int> parse_port(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0 || v > 65535) return std::nullopt;
  return v;
}

// "8000-8010" or "80" into [first, last]; {0, 0} when empty or malformed.
std::pair<int, int> parse_range(std::string_view s) {
  std::size_t dash = s.find('-');
  auto first = parse_port(s.substr(0, dash));
  auto last = dash == std::string_view::npos ? first : parse_port(s.substr(dash + 1));
  if (!first || !last) return {0, 0};
  return {*first, *last};
}

// "5432/tcp" -> (5432, 5432, "tcp").
struct PortKey {
  int first = 0;
  int last = 0;
  std::string protocol = "tcp";
};

PortKey parse_port_key(std::string_view key) {
  PortKey k;
  std::size_t slash = key.find('/');
  if (slash != std::string_view::npos) k.protocol = std::string(key.substr(slash + 1));
  std::tie(k.first, k.last) = parse_range(key.substr(0, slash));
  return k;
}

void add_ports(const Json* config, const Json* host_config, Container& c) {
  std::set<std::string> bound;
  if (const Json* pb = member(host_config, "PortBindings"); pb && pb->is_object()) {
    for (const auto& [key, bindings] : pb->items()) {
      PortKey k = parse_port_key(key);
      bound.insert(key);
      std::vector<const Json*> list;
      if (bindings.is_array()) {
        for (const Json& b : bindings) list.push_back(&b);
      }
      if (list.empty()) list.push_back(nullptr);  // `"80/tcp": null` still publishes
      for (const Json* b : list) {
        PortMapping p;
        p.container_first = k.first;
        p.container_last = k.last;
        p.protocol = k.protocol;
        p.published = true;
        std::string ip = get_string(b, "HostIp").value_or("");
        p.host_ip = ip.empty() ? absent<std::string>() : lit(ip);
        std::tie(p.host_first, p.host_last) = parse_range(get_string(b, "HostPort").value_or(""));
        c.ports.push_back(std::move(p));
      }
    }
  }
  // Exposed ports: published on a random port of every interface with
  // PublishAllPorts (-P), otherwise only listened on.
  bool publish_all = get_bool(host_config, "PublishAllPorts").value_or(false);
  if (const Json* ep = member(config, "ExposedPorts"); ep && ep->is_object()) {
    for (const auto& [key, unused] : ep->items()) {
      (void)unused;
      if (bound.count(key)) continue;
      PortKey k = parse_port_key(key);
      PortMapping p;
      p.container_first = k.first;
      p.container_last = k.last;
      p.protocol = k.protocol;
      p.published = publish_all;
      p.host_ip = absent<std::string>();
      c.ports.push_back(std::move(p));
    }
  }
}

// One SecurityOpt entry: "no-new-privileges", "key=value" or the legacy "key:value".
void add_security_opt(std::string_view opt, Container& c) {
  std::size_t sep = opt.find_first_of("=:");
  std::string_view key = opt.substr(0, sep);
  std::string_view val = sep == std::string_view::npos ? std::string_view() : opt.substr(sep + 1);
  if (key == "no-new-privileges") {
    c.no_new_privileges = lit(val.empty() || val == "true");
  } else if (key == "seccomp") {
    if (val == "unconfined") {
      c.seccomp = lit(std::string(k_profile_unconfined));
    } else if (val.empty() || val == "builtin" || val == "default") {
      c.seccomp = lit(std::string(k_profile_runtime_default));
    } else {
      // The daemon stores a custom profile's JSON here, not a path: name it only.
      c.seccomp = lit(std::string(k_profile_localhost));
    }
  } else if (key == "apparmor") {
    if (val == "unconfined") {
      c.apparmor = lit(std::string(k_profile_unconfined));
    } else if (val == "docker-default" || val == "runtime/default") {
      c.apparmor = lit(std::string(k_profile_runtime_default));
    } else {
      c.apparmor = lit(std::string(val));
    }
  }
}

std::string format_cpus(std::int64_t nano) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.9g", double(nano) / 1e9);
  return buf;
}

void add_resources(const Json* host_config, Container& c) {
  std::int64_t memory = get_int(host_config, "Memory").value_or(0);
  c.resources.memory_limit = memory > 0 ? lit(std::to_string(memory)) : absent<std::string>();
  std::int64_t nano = get_int(host_config, "NanoCpus").value_or(0);
  std::int64_t quota = get_int(host_config, "CpuQuota").value_or(0);
  std::int64_t period = get_int(host_config, "CpuPeriod").value_or(0);
  if (nano > 0) {
    c.resources.cpu_limit = lit(format_cpus(nano));
  } else if (quota > 0) {
    c.resources.cpu_limit =
        lit(std::to_string(quota) + '/' + std::to_string(period > 0 ? period : 100000));
  } else {
    c.resources.cpu_limit = absent<std::string>();
  }
  // null, 0 and -1 all mean unlimited.
  std::int64_t pids = get_int(host_config, "PidsLimit").value_or(0);
  c.resources.pids_limit = pids > 0 ? lit(std::to_string(pids)) : absent<std::string>();
}

Volume host_volume(std::string type, std::string source, std::string target, bool read_only,
                   std::string name) {
  Volume v;
  v.where = k_nowhere;
  v.target = std::move(target);
  v.read_only = read_only;
  v.name = std::move(name);
  // Only a bind's source is a host path the user chose; a volume's Source is
  // the daemon's own storage folder and would look like /var/lib/docker.
  v.host_path = type == "bind" ? lit(std::move(source)) : absent<std::string>();
  v.type = std::move(type);
  return v;
}

// HostConfig.Binds: "src:dst[:opts]"; an absolute src is a bind, else a named volume.
void add_binds(const Json* host_config, Workload& w) {
  for (const std::string& bind : get_strings(host_config, "Binds")) {
    std::size_t a = bind.find(':');
    if (a == std::string::npos) {  // "/data": an anonymous volume
      w.volumes.push_back(host_volume("volume", {}, bind, false, {}));
      continue;
    }
    std::string src = bind.substr(0, a);
    std::size_t b = bind.find(':', a + 1);
    std::string dst = bind.substr(a + 1, b == std::string::npos ? b : b - a - 1);
    bool ro = false;
    if (b != std::string::npos) {
      std::string_view opts = std::string_view(bind).substr(b + 1);
      for (std::size_t i = 0; i <= opts.size();) {
        std::size_t j = opts.find(',', i);
        std::string_view o = opts.substr(i, j == std::string_view::npos ? j : j - i);
        ro |= o == "ro";
        if (j == std::string_view::npos) break;
        i = j + 1;
      }
    }
    bool is_path = !src.empty() && src[0] == '/';
    w.volumes.push_back(host_volume(is_path ? "bind" : "volume", is_path ? src : std::string(), dst,
                                    ro, is_path ? std::string() : src));
  }
}

// HostConfig.Mounts (create) or the resolved top-level Mounts (inspect).
void add_mounts(const Json* mounts, bool resolved, Workload& w) {
  if (!mounts || !mounts->is_array()) return;
  for (const Json& m : *mounts) {
    std::string type = get_string(&m, "Type").value_or("volume");
    std::string source = get_string(&m, "Source").value_or("");
    std::string target = get_string(&m, resolved ? "Destination" : "Target").value_or("");
    bool ro =
        resolved ? !get_bool(&m, "RW").value_or(true) : get_bool(&m, "ReadOnly").value_or(false);
    std::string name =
        type == "volume" ? get_string(&m, "Name").value_or(resolved ? "" : source) : std::string();
    w.volumes.push_back(host_volume(type, source, target, ro, name));
  }
}

void add_tmpfs(const Json* host_config, Workload& w) {
  const Json* t = member(host_config, "Tmpfs");
  if (!t || !t->is_object()) return;
  for (const auto& [path, opts] : t->items()) {
    bool ro = opts.is_string() && opts.get<std::string>().find("ro") == 0;
    w.volumes.push_back(host_volume("tmpfs", {}, path, ro, {}));
  }
}

void add_namespaces(const Json* host_config, Workload& w) {
  auto mode = [&](const char* key) { return get_string(host_config, key); };
  if (auto net = mode("NetworkMode")) {
    w.network_mode = lit(*net);
    w.host_network = lit(*net == "host");
  }
  if (auto pid = mode("PidMode")) w.host_pid = lit(*pid == "host");
  if (auto ipc = mode("IpcMode")) w.host_ipc = lit(*ipc == "host");
  if (auto userns = mode("UsernsMode"); userns && !userns->empty()) w.userns_mode = lit(*userns);
}

void add_networks(const Json* networks, Workload& w) {
  if (!networks || !networks->is_object()) return;
  for (const auto& [name, unused] : networks->items()) {
    (void)unused;
    w.networks.push_back(lit(name));
  }
  w.networks_written = !w.networks.empty();
}

struct Parts {
  const Json* config = nullptr;  // Config (inspect) or the body itself (create)
  const Json* host_config = nullptr;
  const Json* resolved_mounts = nullptr;  // inspect only
  const Json* networks = nullptr;
  std::string name;
  std::string id;
};

Workload translate(const Parts& p, Surface surface) {
  Workload w;
  w.surface = surface;
  w.kind = "container";
  w.name = engine_container_label(p.name, p.id);
  w.pod_spec_where = k_nowhere;

  Container c;
  c.name = p.name.empty() || p.name[0] != '/' ? p.name : p.name.substr(1);
  if (auto image = get_string(p.config, "Image"); image && !image->empty()) {
    c.image = lit(parse_image_ref(*image));
  }
  if (auto user = get_string(p.config, "User"); user && !user->empty()) c.user = lit(*user);
  for (const std::string& e : get_strings(p.config, "Env")) {
    EnvVar v;
    std::size_t eq = e.find('=');
    v.name = e.substr(0, eq);
    v.value = eq == std::string::npos ? absent<std::string>() : lit(e.substr(eq + 1));
    c.env.push_back(std::move(v));
  }

  if (auto priv = get_bool(p.host_config, "Privileged")) c.privileged = lit(*priv);
  if (auto ro = get_bool(p.host_config, "ReadonlyRootfs")) c.read_only_rootfs = lit(*ro);
  for (const std::string& cap : get_strings(p.host_config, "CapAdd"))
    c.caps.add.push_back(lit(cap));
  for (const std::string& cap : get_strings(p.host_config, "CapDrop"))
    c.caps.drop.push_back(lit(cap));
  for (const std::string& opt : get_strings(p.host_config, "SecurityOpt")) add_security_opt(opt, c);
  add_ports(p.config, p.host_config, c);
  add_resources(p.host_config, c);
  w.containers.push_back(std::move(c));

  add_namespaces(p.host_config, w);
  if (p.resolved_mounts) {
    add_mounts(p.resolved_mounts, /*resolved=*/true, w);
  } else {
    add_binds(p.host_config, w);
    add_mounts(member(p.host_config, "Mounts"), /*resolved=*/false, w);
  }
  add_tmpfs(p.host_config, w);
  add_networks(p.networks, w);
  return w;
}

Result<Json> parse(std::string_view text) {
  if (text.size() > k_engine_max_json_bytes)
    return Error::limit("container JSON larger than " + std::to_string(k_engine_max_json_bytes) +
                        " bytes");
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error::invalid("container JSON is not valid JSON");
  return j;
}

}  // namespace

std::string engine_container_label(std::string_view name, std::string_view id) {
  if (!name.empty() && name[0] == '/') name.remove_prefix(1);
  std::string out(name);
  if (!id.empty()) {
    if (!out.empty()) out += ' ';
    out += '(';
    out += id.substr(0, 12);
    out += ')';
  }
  return out;
}

Result<Workload> translate_container_inspect_json(const nlohmann::json& inspect, Surface surface) {
  if (!inspect.is_object() || (!member(&inspect, "HostConfig") && !member(&inspect, "Config")))
    return Error::invalid("not a container inspect object (no Config or HostConfig)");
  Parts p;
  p.config = member(&inspect, "Config");
  p.host_config = member(&inspect, "HostConfig");
  p.resolved_mounts = member(&inspect, "Mounts");
  p.networks = member(member(&inspect, "NetworkSettings"), "Networks");
  p.name = get_string(&inspect, "Name").value_or("");
  p.id = get_string(&inspect, "Id").value_or("");
  // An inspect object always lists its mounts; an empty list is still resolved.
  static const Json k_no_mounts = Json::array();
  if (!p.resolved_mounts) p.resolved_mounts = &k_no_mounts;
  return translate(p, surface);
}

Result<Workload> translate_container_inspect(std::string_view json_text, Surface surface) {
  Result<Json> j = parse(json_text);
  if (!j) return j.error();
  return translate_container_inspect_json(*j, surface);
}

Result<Workload> translate_container_create_json(const nlohmann::json& body, std::string_view name,
                                                 Surface surface) {
  if (!body.is_object()) return Error::invalid("container create body is not a JSON object");
  Parts p;
  p.config = &body;
  p.host_config = member(&body, "HostConfig");
  p.networks = member(member(&body, "NetworkingConfig"), "EndpointsConfig");
  p.name = std::string(name);
  return translate(p, surface);
}

Result<Workload> translate_container_create(std::string_view json_text, std::string_view name,
                                            Surface surface) {
  Result<Json> j = parse(json_text);
  if (!j) return j.error();
  return translate_container_create_json(*j, name, surface);
}

}  // namespace vern
