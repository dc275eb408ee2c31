// Compose `ports:` short syntax, component by component, so that a variable in
// one part (`${PORT}:5432`) leaves the others known.
#include "sources/compose/interpolate.h"
#include "sources/compose/service.h"

namespace vern::compose {

namespace {

// Reads `spec`, the short syntax after interpolation where it could be done;
// errors quote `written`, the entry as the file spells it.
bool parse_spec(std::string_view spec, std::string_view written, Location at, PortMapping& out,
                YamlReader& r) {
  std::string_view text = written;
  PortSpecParts parts = split_port_spec(spec);
  if (!parts.protocol.empty()) out.protocol = std::string(parts.protocol);
  std::string ip;
  bool ip_known = true;
  std::string_view host_part = parts.host;
  std::string_view container_part = parts.container;
  if (!parts.ip.empty()) {
    if (auto v = interpolate_keeping_empty(parts.ip)) {
      ip = std::string(unbracket(*v));
    } else {
      ip_known = false;
    }
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
