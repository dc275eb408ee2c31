// Compose `ports:` short syntax, component by component, so that a variable in
// one part (`${PORT}:5432`) leaves the others known.
#include <charconv>
#include <vector>

#include "sources/compose/interpolate.h"
#include "sources/compose/service.h"

namespace vern::compose {

bool parse_port_range(std::string_view s, int& first, int& last) {
  size_t dash = s.find('-');
  std::string_view a = s.substr(0, dash);
  std::string_view b = dash == std::string_view::npos ? a : s.substr(dash + 1);
  auto conv = [](std::string_view t, int& v) {
    if (t.empty()) return false;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    return ec == std::errc() && p == t.data() + t.size() && v >= 0 && v <= 65535;
  };
  return conv(a, first) && conv(b, last) && first <= last;
}

namespace {

// Reads `spec`, the short syntax after interpolation where it could be done;
// errors quote `written`, the entry as the file spells it.
bool parse_spec(std::string_view spec, std::string_view written, Location at, PortMapping& out,
                YamlReader& r) {
  std::string_view text = written;
  std::string_view body = spec;
  if (size_t slash = body.rfind('/');
      slash != std::string_view::npos && body.find('}', slash) == std::string_view::npos) {
    out.protocol = std::string(body.substr(slash + 1));
    body = body.substr(0, slash);
  }
  std::vector<std::string_view> parts = split_colons(body);
  // IPv6 without brackets ("::1:80:80"): the last two parts are the ports.
  std::string ip;
  bool ip_known = true;
  std::string_view host_part;
  std::string_view container_part = parts.back();
  if (parts.size() >= 3) {
    host_part = parts[parts.size() - 2];
    std::string raw;
    for (size_t i = 0; i + 2 < parts.size(); ++i) {
      if (i) raw += ':';
      raw += parts[i];
    }
    auto v = interpolate_keeping_empty(raw);
    if (v) {
      ip = *v;
      if (ip.size() >= 2 && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
    } else {
      ip_known = false;
    }
  } else if (parts.size() == 2) {
    host_part = parts[0];
  }
  out.published = true;
  if (!ip_known) {
    out.host_ip = Located<std::string>::dynamic(at);
  } else if (!ip.empty()) {
    out.host_ip = Located<std::string>::literal(ip, at);
  } else {
    out.host_ip = Located<std::string>::absent(at);
  }
  if (auto c = interpolate(container_part)) {
    if (!parse_port_range(*c, out.container_first, out.container_last)) {
      r.error(at, "invalid port '" + std::string(text) + "'");
      return false;
    }
  }
  if (!host_part.empty()) {
    if (auto h = interpolate(host_part); h && !h->empty()) {
      if (!parse_port_range(*h, out.host_first, out.host_last)) {
        r.error(at, "invalid host port in '" + std::string(text) + "'");
        return false;
      }
    }
  }
  if (!ranges_match(out)) {
    r.error(at, "host and container port ranges differ in size in '" + std::string(text) + "'");
    return false;
  }
  return true;
}

}  // namespace

bool parse_short_port(std::string_view text, Location at, PortMapping& out, YamlReader& r) {
  out.where = at;
  // Compose interpolates before it reads the port, so a default may hold the
  // address or the whole mapping (`${SQL_PORT:-127.0.0.1:13306}:3306`). When a
  // variable has no default, each part is read on its own. An empty default
  // is empty: `${BIND:-}:80:80` binds every interface.
  auto whole = interpolate_keeping_empty(text);
  if (!whole) out.written = std::string(text);
  return parse_spec(whole ? std::string_view(*whole) : text, text, at, out, r);
}

bool ranges_match(const PortMapping& p) {
  // As Docker: a host range for a single container port is the range a host
  // port is picked from; two ranges must be the same size.
  if (p.host_first == 0 || p.container_first == 0) return true;
  if (p.container_first == p.container_last) return true;
  return p.host_last - p.host_first == p.container_last - p.container_first;
}

}  // namespace vern::compose
