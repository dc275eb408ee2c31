// dpkg status and apk installed: both are paragraphs of "key: value" lines.
#include <string>

#include "image/package_db.h"

namespace vern {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Calls `fn(line)` for each line and `end()` at each blank line and at the end.
template <class Line, class End>
void paragraphs(std::string_view text, Line fn, End end) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == std::string_view::npos ? text.npos : nl - at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
    if (trim(line).empty()) {
      end();
    } else {
      fn(line);
    }
  }
  end();
}

void finish(Package& p) {
  if (p.source_name.empty()) p.source_name = p.name;
  if (p.source_version.empty()) p.source_version = p.version;
}

}  // namespace

std::vector<Package> parse_dpkg_status(std::string_view text, bool require_installed) {
  std::vector<Package> out;
  Package cur;
  bool installed = false;
  auto end = [&] {
    if (!cur.name.empty() && !cur.version.empty() && (installed || !require_installed)) {
      finish(cur);
      out.push_back(cur);
    }
    cur = Package{};
    cur.format = PackageFormat::dpkg;
    installed = false;
  };
  auto line = [&](std::string_view l) {
    if (l.front() == ' ' || l.front() == '\t') return;  // continuation of a multi-line field
    std::size_t colon = l.find(':');
    if (colon == std::string_view::npos) return;
    std::string_view key = l.substr(0, colon);
    std::string_view value = trim(l.substr(colon + 1));
    if (key == "Package") {
      cur.name = value;
    } else if (key == "Version") {
      cur.version = value;
    } else if (key == "Architecture") {
      cur.architecture = value;
    } else if (key == "Status") {
      installed = value.size() >= 10 && value.substr(value.size() - 10) == " installed";
    } else if (key == "Source") {
      // "Source: glibc" or "Source: glibc (2.36-9)"
      std::size_t paren = value.find('(');
      cur.source_name = trim(value.substr(0, paren));
      if (paren != std::string_view::npos) {
        std::size_t close = value.find(')', paren);
        if (close != std::string_view::npos) {
          cur.source_version = trim(value.substr(paren + 1, close - paren - 1));
        }
      }
    }
  };
  cur.format = PackageFormat::dpkg;
  paragraphs(text, line, end);
  return out;
}

std::vector<Package> parse_apk_installed(std::string_view text) {
  std::vector<Package> out;
  Package cur;
  cur.format = PackageFormat::apk;
  auto end = [&] {
    if (!cur.name.empty() && !cur.version.empty()) {
      finish(cur);
      out.push_back(cur);
    }
    cur = Package{};
    cur.format = PackageFormat::apk;
  };
  auto line = [&](std::string_view l) {
    if (l.size() < 2 || l[1] != ':') return;
    std::string_view value = trim(l.substr(2));
    switch (l[0]) {
      case 'P':
        cur.name = value;
        break;
      case 'V':
        cur.version = value;
        break;
      case 'A':
        cur.architecture = value;
        break;
      case 'o':
        cur.source_name = value;
        break;
      default:
        break;
    }
  };
  paragraphs(text, line, end);
  return out;
}

OsRelease parse_os_release(std::string_view text) {
  OsRelease os;
  paragraphs(
      text,
      [&](std::string_view l) {
        std::size_t eq = l.find('=');
        if (eq == std::string_view::npos) return;
        std::string_view key = trim(l.substr(0, eq));
        std::string_view value = trim(l.substr(eq + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front()) {
          value = value.substr(1, value.size() - 2);
        }
        if (key == "ID")
          os.id = value;
        else if (key == "VERSION_ID")
          os.version_id = value;
        else if (key == "VERSION_CODENAME")
          os.codename = value;
        else if (key == "PRETTY_NAME")
          os.pretty_name = value;
      },
      [] {});
  return os;
}

}  // namespace vern
