#include "sources/shell/launch_model.h"

#include <charconv>
#include <optional>
#include <string_view>
#include <vector>

#include "sources/shell/docker_run.h"

namespace vern::shell {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t k = s.find(sep, pos);
    out.push_back(s.substr(pos, k == std::string_view::npos ? std::string_view::npos : k - pos));
    if (k == std::string_view::npos) break;
    pos = k + 1;
  }
  return out;
}

template <class T>
Located<T> located(const FlagValue& v, T value) {
  return v.literal ? Located<T>::literal(std::move(value), v.where) : Located<T>::dynamic(v.where);
}

// "0", "0.0", "0b", "" are no limit.
bool zero_amount(std::string_view s) {
  bool digit = false;
  for (char c : s) {
    if (c >= '1' && c <= '9') return false;
    if (c == '0') digit = true;
    if (c != '0' && c != '.' && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) return false;
  }
  return digit || s.empty();
}

std::optional<long long> to_int(std::string_view s) {
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool host_path_like(std::string_view src) {
  return !src.empty() && (src[0] == '/' || src[0] == '~' || src[0] == '.' || src[0] == '$');
}

void add_volume(const FlagValue& v, Workload& w) {
  std::vector<std::string_view> parts = split(v.text, ':');
  Volume vol;
  vol.where = v.where;
  if (parts.size() == 1) {  // anonymous volume
    vol.type = "volume";
    vol.target = std::string(parts[0]);
  } else {
    std::string_view src = parts[0];
    vol.target = std::string(parts[1]);
    if (parts.size() > 2) {
      for (std::string_view o : split(parts[2], ',')) vol.read_only |= o == "ro" || o == "readonly";
    }
    if (host_path_like(src)) {
      vol.type = "bind";
      bool literal = v.literal && src.find('$') == std::string_view::npos;
      vol.host_path = literal ? Located<std::string>::literal(std::string(src), v.where)
                              : Located<std::string>::dynamic(v.where);
    } else {
      vol.type = "volume";
      vol.name = std::string(src);
      vol.host_path = Located<std::string>::absent(v.where);
    }
  }
  w.volumes.push_back(std::move(vol));
}

void add_mount(const FlagValue& v, Workload& w) {
  Volume vol;
  vol.type = "volume";
  vol.where = v.where;
  std::string source;
  for (std::string_view kv : split(v.text, ',')) {
    std::size_t eq = kv.find('=');
    std::string_view key = kv.substr(0, eq);
    std::string_view val = eq == std::string_view::npos ? std::string_view() : kv.substr(eq + 1);
    if (key == "type") vol.type = std::string(val);
    if (key == "source" || key == "src") source = std::string(val);
    if (key == "target" || key == "destination" || key == "dst") vol.target = std::string(val);
    if (key == "readonly" || key == "ro")
      vol.read_only = val.empty() || val == "true" || val == "1";
  }
  if (vol.type == "bind") {
    bool literal = v.literal && source.find('$') == std::string::npos;
    vol.host_path = literal ? Located<std::string>::literal(source, v.where)
                            : Located<std::string>::dynamic(v.where);
  } else {
    vol.name = source;
    vol.host_path = Located<std::string>::absent(v.where);
  }
  w.volumes.push_back(std::move(vol));
}

void apply_security_opt(const FlagValue& v, Container& c) {
  std::string_view t = v.text;
  std::size_t sep = t.find_first_of("=:");
  std::string_view key = t.substr(0, sep);
  std::string_view val = sep == std::string_view::npos ? std::string_view() : t.substr(sep + 1);
  if (key == "no-new-privileges") {
    if (!v.literal) {
      c.no_new_privileges = Located<bool>::dynamic(v.where);
    } else {
      c.no_new_privileges = Located<bool>::literal(val.empty() || val == "true", v.where);
    }
  } else if (key == "seccomp") {
    c.seccomp = located(v, std::string(val == "unconfined" ? k_profile_unconfined : val));
  } else if (key == "apparmor") {
    c.apparmor = located(v, std::string(val == "unconfined" ? k_profile_unconfined : val));
  }
}

void apply_network(const FlagValue& v, Workload& w) {
  w.networks_written = true;
  std::string_view t = v.text;
  if (!v.literal) {
    w.network_mode = Located<std::string>::dynamic(v.where);
    w.host_network = Located<bool>::dynamic(v.where);
    return;
  }
  bool mode = t == "host" || t == "none" || t == "bridge" || t == "default" ||
              t.starts_with("container:") || t.starts_with("ns:") || t == "private" ||
              t == "slirp4netns" || t == "pasta";
  if (mode) {
    w.network_mode = Located<std::string>::literal(std::string(t), v.where);
  } else {
    w.networks.push_back(Located<std::string>::literal(std::string(t), v.where));
  }
  if (t == "host" || !w.host_network.is_literal() || !w.host_network.value) {
    w.host_network = Located<bool>::literal(t == "host", v.where);
  }
}

}  // namespace

void apply_flag(FlagId id, const FlagValue& v, Workload& w) {
  Container& c = w.containers.front();
  switch (id) {
    case FlagId::privileged:
      c.privileged = located(v, v.text == "true");
      break;
    case FlagId::read_only:
      c.read_only_rootfs = located(v, v.text == "true");
      break;
    case FlagId::cap_add:
    case FlagId::cap_drop:
      for (std::string_view cap : split(v.text, ',')) {
        auto& list = id == FlagId::cap_add ? c.caps.add : c.caps.drop;
        list.push_back(located(v, std::string(cap)));
      }
      break;
    case FlagId::security_opt:
      apply_security_opt(v, c);
      break;
    case FlagId::user:
      c.user = located(v, v.text);
      break;
    case FlagId::name:
      c.name = v.text;
      w.name = v.text;
      break;
    case FlagId::network:
      apply_network(v, w);
      break;
    case FlagId::pid:
      w.host_pid = located(v, v.text == "host");
      break;
    case FlagId::ipc:
      w.host_ipc = located(v, v.text == "host");
      break;
    case FlagId::userns:
      w.userns_mode = located(v, v.text);
      break;
    case FlagId::memory:
      c.resources.memory_limit = (v.literal && zero_amount(v.text))
                                     ? Located<std::string>::written_absent(v.text, v.where)
                                     : located(v, v.text);
      break;
    case FlagId::cpus:
      c.resources.cpu_limit = (v.literal && zero_amount(v.text))
                                  ? Located<std::string>::written_absent(v.text, v.where)
                                  : located(v, v.text);
      break;
    case FlagId::cpu_quota:
      if (!c.resources.cpu_limit.is_literal()) {
        auto q = to_int(v.text);
        if (!v.literal || (q && *q > 0)) c.resources.cpu_limit = located(v, v.text);
      }
      break;
    case FlagId::pids_limit: {
      auto n = to_int(v.text);
      if (v.literal && !n) {
        c.resources.pids_limit = Located<std::string>::absent(v.where);
      } else if (v.literal && *n <= 0) {
        c.resources.pids_limit = Located<std::string>::written_absent(v.text, v.where);
      } else {
        c.resources.pids_limit = located(v, v.text);
      }
      break;
    }
    case FlagId::env: {
      std::string_view t = v.text;
      std::size_t eq = t.find('=');
      EnvVar e;
      e.name = std::string(t.substr(0, eq));
      e.where = v.where;
      if (e.name.empty() || e.name.find('$') != std::string::npos) break;
      if (eq == std::string_view::npos) {
        e.value = Located<std::string>::absent(v.where);
      } else {
        e.value = located(v, std::string(t.substr(eq + 1)));
      }
      c.env.push_back(std::move(e));
      break;
    }
    case FlagId::publish:
    case FlagId::expose:
      if (auto p = parse_publish(v.text, v.where, v.literal)) {
        if (id == FlagId::expose) {
          p->published = false;
          p->host_ip = Located<std::string>::absent(v.where);
          p->host_first = p->host_last = 0;
        }
        c.ports.push_back(std::move(*p));
      }
      break;
    case FlagId::volume:
      add_volume(v, w);
      break;
    case FlagId::mount:
      add_mount(v, w);
      break;
    case FlagId::tmpfs: {
      Volume vol;
      vol.type = "tmpfs";
      vol.where = v.where;
      vol.target = v.text.substr(0, v.text.find(':'));
      vol.host_path = Located<std::string>::absent(v.where);
      w.volumes.push_back(std::move(vol));
      break;
    }
    case FlagId::use_api_socket: {
      if (v.text != "true") break;
      Volume vol;
      vol.type = "bind";
      vol.where = v.where;
      vol.target = "/var/run/docker.sock";
      vol.host_path = Located<std::string>::literal("/var/run/docker.sock", v.where);
      w.volumes.push_back(std::move(vol));
      break;
    }
    case FlagId::detach:
    case FlagId::publish_all:  // the caller publishes the --expose ports
    case FlagId::other:
      break;
  }
}

}  // namespace vern::shell
