#include "image/packages.h"

#include <cctype>
#include <map>

#include "image/package_db.h"

namespace vern {

namespace {

using Parser = std::vector<Package> (*)(std::string_view, std::vector<std::string>*);

std::vector<Package> dpkg_parser(std::string_view text, std::vector<std::string>*) {
  return parse_dpkg_status(text, true);
}
std::vector<Package> apk_parser(std::string_view text, std::vector<std::string>*) {
  return parse_apk_installed(text);
}
std::vector<Package> rpm_parser(std::string_view text, std::vector<std::string>* warnings) {
  Result<std::vector<Package>> r = read_rpmdb_sqlite(text);
  if (!r.ok()) {
    if (warnings) warnings->push_back(r.error().message);
    return {};
  }
  return std::move(r.value());
}

std::vector<Package> rpm_bdb_parser(std::string_view text, std::vector<std::string>* warnings) {
  Result<std::vector<Package>> r = read_rpmdb_bdb(text);
  if (!r.ok()) {
    if (warnings) warnings->push_back(r.error().message);
    return {};
  }
  return std::move(r.value());
}

std::string key(const Package& p) { return p.name + '\n' + p.architecture; }

// The kept content of `path` as layer `i` wrote it, or nullptr.
const LayerEntry* entry_in_layer(const Image& image, std::size_t i, const std::string& path,
                                 bool& removed) {
  const LayerEntry* found = nullptr;
  removed = false;
  for (const LayerEntry& e : image.layers[i].scan.entries) {
    if (e.path == path && e.kept) found = &e;
    if (e.whiteout && (e.path == path || path.rfind(e.path + '/', 0) == 0)) removed = true;
  }
  return found;
}

// Parses the database at `path` in the final filesystem; each package's layer
// is the lowest layer since which its current version has been installed.
void read_db(const Image& image, const std::string& path, Parser parse, PackageInventory& out,
             std::vector<std::string>* warnings) {
  Result<const TreeNode*> node = image.tree.lookup(path);
  if (!node.ok() || !(*node)->data || !(*node)->data->kept) return;
  const std::string& real = (*node)->data->path;
  std::map<std::string, std::string> prev;  // key -> version
  std::map<std::string, int> added;
  for (std::size_t i = 0; i < image.layers.size(); ++i) {
    bool removed = false;
    const LayerEntry* e = entry_in_layer(image, i, real, removed);
    if (removed && !e) prev.clear();
    if (!e) continue;
    std::map<std::string, std::string> cur;
    for (const Package& p : parse(e->content, nullptr)) {
      auto it = prev.find(key(p));
      if (it == prev.end() || it->second != p.version) added[key(p)] = int(i);
      cur[key(p)] = p.version;
    }
    prev = std::move(cur);
  }
  for (Package& p : parse((*node)->data->content, warnings)) {
    auto it = added.find(key(p));
    int layer = it != added.end() ? it->second : (*node)->layer;
    p.layer = image.layers[std::size_t(layer)].diff_id;
    out.packages.push_back(std::move(p));
  }
}

std::string encode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') {
      out += char(c);
    } else {
      static constexpr char k_hex[] = "0123456789ABCDEF";
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    }
  }
  return out;
}

}  // namespace

OsRelease read_os_release(const Image& image) {
  auto content = [&](const char* path) -> const std::string* {
    Result<const TreeNode*> n = image.tree.lookup(path);
    if (!n.ok() || !(*n)->data || !(*n)->data->kept) return nullptr;
    return &(*n)->data->content;
  };
  OsRelease os;
  if (const std::string* t = content("etc/os-release")) os = parse_os_release(*t);
  if (os.id.empty()) {
    if (const std::string* t = content("usr/lib/os-release")) os = parse_os_release(*t);
  }
  auto first_line = [](const std::string& s) { return s.substr(0, s.find('\n')); };
  if (os.id.empty()) {
    if (const std::string* t = content("etc/alpine-release")) {
      os.id = "alpine";
      os.version_id = first_line(*t);
    } else if (const std::string* d = content("etc/debian_version")) {
      os.id = "debian";
      os.version_id = first_line(*d);
    }
  }
  return os;
}

namespace {

// A path the inventory reads that cannot be resolved for a reason other than
// its absence (a symlink loop): reported, so an empty inventory is explained.
void note_unresolvable(const Image& image, std::vector<std::string>* warnings) {
  if (!warnings) return;
  for (const char* path :
       {"etc/os-release", "usr/lib/os-release", "etc/alpine-release", "etc/debian_version",
        "var/lib/dpkg/status", "lib/apk/db/installed", "var/lib/rpm/rpmdb.sqlite",
        "usr/lib/sysimage/rpm/rpmdb.sqlite", "var/lib/rpm/Packages"}) {
    Result<const TreeNode*> n = image.tree.lookup(path);
    if (n.ok() || n.error().kind == Error::Kind::not_found) continue;
    warnings->push_back(n.error().message + "; not read for the package inventory");
  }
}

}  // namespace

PackageInventory read_packages(const Image& image, std::vector<std::string>* warnings) {
  PackageInventory out;
  note_unresolvable(image, warnings);
  out.os = read_os_release(image);
  read_db(image, "var/lib/dpkg/status", dpkg_parser, out, warnings);
  image.tree.for_each_below(
      "var/lib/dpkg/status.d", [&](const std::string& path, const TreeNode& n) {
        if (!n.data || !n.data->kept || path.find('/', 22) != std::string::npos) return;
        for (Package& p : parse_dpkg_status(n.data->content, false)) {
          p.layer = image.layers[std::size_t(n.layer)].diff_id;
          out.packages.push_back(std::move(p));
        }
      });
  read_db(image, "lib/apk/db/installed", apk_parser, out, warnings);
  bool rpm_found = false;
  for (const char* path : {"var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite"}) {
    if (rpm_found || !image.tree.lookup(path).ok()) continue;
    rpm_found = true;
    read_db(image, path, rpm_parser, out, warnings);
  }
  if (!rpm_found) read_db(image, "var/lib/rpm/Packages", rpm_bdb_parser, out, warnings);
  return out;
}

std::string package_url(const Package& p, const OsRelease& os) {
  std::string type, ns;
  switch (p.format) {
    case PackageFormat::dpkg:
      type = "deb";
      break;
    case PackageFormat::apk:
      type = "apk";
      break;
    case PackageFormat::rpm:
      type = "rpm";
      break;
  }
  ns = os.id.empty() ? (p.format == PackageFormat::dpkg  ? "debian"
                        : p.format == PackageFormat::apk ? "alpine"
                                                         : "rpm")
                     : os.id;
  std::string url =
      "pkg:" + type + '/' + encode(ns) + '/' + encode(p.name) + '@' + encode(p.version);
  std::string q;
  auto add = [&](const std::string& k, const std::string& v) {
    if (v.empty()) return;
    q += (q.empty() ? "?" : "&") + k + '=' + encode(v);
  };
  add("arch", p.architecture);
  if (!os.id.empty() && !os.version_id.empty()) add("distro", os.id + '-' + os.version_id);
  if (p.source_name != p.name) {
    add("upstream", p.source_name);
  }
  return url + q;
}

}  // namespace vern
