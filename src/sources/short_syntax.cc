#include "sources/short_syntax.h"

#include <charconv>

namespace vern {

std::size_t closing_brace(std::string_view text, std::size_t from) {
  int depth = 1;
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      ++depth;
      ++i;
    } else if (text[i] == '}' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::vector<std::string_view> split_colons(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  int bracket = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      std::size_t close = closing_brace(s, i + 2);
      if (close == std::string_view::npos) break;  // unclosed: the rest is one part
      i = close;
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']' && bracket > 0) {
      --bracket;
    } else if (c == ':' && bracket == 0) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

PortSpecParts split_port_spec(std::string_view spec) {
  PortSpecParts out;
  std::string_view body = spec;
  if (std::size_t slash = body.rfind('/');
      slash != std::string_view::npos && body.find('}', slash) == std::string_view::npos) {
    out.protocol = body.substr(slash + 1);
    body = body.substr(0, slash);
  }
  const std::vector<std::string_view> parts = split_colons(body);
  out.container = parts.back();
  if (parts.size() >= 2) out.host = parts[parts.size() - 2];
  if (parts.size() >= 3) {
    // Everything before the host part, colons included.
    out.ip = body.substr(0, std::size_t(out.host.data() - body.data()) - 1);
  }
  return out;
}

std::string_view unbracket(std::string_view ip) {
  if (ip.size() >= 2 && ip.front() == '[' && ip.back() == ']') return ip.substr(1, ip.size() - 2);
  return ip;
}

bool parse_port_range(std::string_view s, int& first, int& last) {
  std::size_t dash = s.find('-');
  std::string_view a = s.substr(0, dash);
  std::string_view b = dash == std::string_view::npos ? a : s.substr(dash + 1);
  auto conv = [](std::string_view t, int& v) {
    if (t.empty()) return false;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    return ec == std::errc() && p == t.data() + t.size() && v >= 0 && v <= 65535;
  };
  return conv(a, first) && conv(b, last) && first <= last;
}

}  // namespace vern
