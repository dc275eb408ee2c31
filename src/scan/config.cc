#include "scan/config.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include "rules/catalog.h"
#include "util/file.h"
#include "util/strings.h"
#include "yaml/node.h"

namespace vern {

namespace {

const std::vector<std::string> k_top_keys = {
    "disable",      "severity", "allowed_registries", "allowed_capabilities",
    "ignore_paths", "host",     "vulnerabilities"};

class ConfigReader {
 public:
  explicit ConfigReader(std::string_view path) : m_path(path) {}

  Error error(Location at, std::string msg) const {
    Error e = Error::invalid(std::move(msg), at.line, at.column);
    e.file = m_path;
    return e;
  }

  std::optional<Error> strings(const yaml::Node* n, std::string_view key,
                               std::vector<std::string>& out) const {
    if (!n || n->is_null()) return std::nullopt;
    if (!n->is_sequence()) return error(n->where(), std::string(key) + " must be a list");
    for (const yaml::Node* item : n->items()) {
      if (!item->is_scalar())
        return error(item->where(), std::string(key) + " entries must be values");
      out.emplace_back(item->text());
    }
    return std::nullopt;
  }

  std::optional<Error> known_slug(const yaml::Node* n) const {
    if (find_rule(n->text())) return std::nullopt;
    std::vector<std::string> slugs;
    for (const Rule* r : catalog()) slugs.emplace_back(r->info.slug);
    std::string msg = "unknown rule '" + std::string(n->text()) + "'";
    std::string hint = closest_match(n->text(), slugs);
    if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
    return error(n->where(), msg);
  }

  std::optional<Error> unknown_key(const yaml::Node* key,
                                   const std::vector<std::string>& known) const {
    std::string msg = "unknown setting '" + std::string(key->text()) + "'";
    std::string hint = closest_match(key->text(), known);
    if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
    return error(key->where(), msg);
  }

 private:
  std::string m_path;
};

std::optional<Error> read_host(const ConfigReader& r, const yaml::Node* host, Config& c) {
  if (!host->is_mapping()) return r.error(host->where(), "host must be a mapping");
  static const std::vector<std::string> keys = {"ignore_containers", "ignore_images"};
  for (const yaml::Node::Entry& e : host->entries()) {
    std::string_view k = e.key->text();
    std::optional<Error> err;
    if (k == "ignore_containers") {
      err = r.strings(e.value, k, c.ignore_containers);
    } else if (k == "ignore_images") {
      err = r.strings(e.value, k, c.ignore_images);
    } else {
      err = r.unknown_key(e.key, keys);
    }
    if (err) return err;
  }
  return std::nullopt;
}

std::optional<Error> read_vulnerabilities(const ConfigReader& r, const yaml::Node* v, Config& c) {
  if (!v->is_mapping()) return r.error(v->where(), "vulnerabilities must be a mapping");
  static const std::vector<std::string> keys = {"ignore", "max_db_age_days"};
  for (const yaml::Node::Entry& e : v->entries()) {
    std::string_view k = e.key->text();
    if (k == "max_db_age_days") {
      auto days = e.value->as_int();
      if (!days || *days < 0) return r.error(e.value->where(), "max_db_age_days must be a number");
      c.max_db_age_days = int(*days);
    } else if (k == "ignore") {
      if (!e.value->is_sequence()) return r.error(e.value->where(), "ignore must be a list");
      for (const yaml::Node* item : e.value->items()) {
        AdvisoryIgnore ig;
        ig.where = item->where();
        if (item->is_scalar()) {
          ig.id = item->text();
        } else if (item->is_mapping()) {
          const yaml::Node* id = item->get("id");
          if (!id || !id->is_scalar()) return r.error(item->where(), "an ignore needs an id");
          ig.id = id->text();
          if (const yaml::Node* n = item->get("reason"); n && n->is_scalar()) ig.reason = n->text();
          if (const yaml::Node* n = item->get("expires"); n && n->is_scalar()) {
            ig.expires = n->text();
            if (ig.expires.size() != 10 || ig.expires[4] != '-' || ig.expires[7] != '-') {
              return r.error(n->where(), "expires must be a date, YYYY-MM-DD");
            }
          }
        } else {
          return r.error(item->where(), "an ignore must be an id or a mapping");
        }
        c.ignore_advisories.push_back(std::move(ig));
      }
    } else {
      return r.unknown_key(e.key, keys);
    }
  }
  return std::nullopt;
}

}  // namespace

Result<Config> parse_config(std::string_view path, std::string_view content) {
  Config c;
  c.path = std::string(path);
  ConfigReader r(path);
  yaml::Stream stream = yaml::parse(content);
  if (!stream.errors.empty()) {
    Error e = stream.errors.front();
    e.file = std::string(path);
    return e;
  }
  if (stream.documents.empty() || stream.documents[0].root->is_null()) return c;
  const yaml::Node* root = stream.documents[0].root;
  if (!root->is_mapping()) return r.error(root->where(), "the config must be a mapping");
  for (const yaml::Node::Entry& e : root->entries()) {
    std::string_view k = e.key->text();
    std::optional<Error> err;
    if (k == "disable") {
      std::vector<std::string> slugs;
      err = r.strings(e.value, k, slugs);
      if (!err) {
        for (const yaml::Node* item : e.value->items()) {
          if ((err = r.known_slug(item))) break;
          c.disabled_rules.emplace(item->text());
        }
      }
    } else if (k == "severity") {
      if (!e.value->is_mapping()) {
        err = r.error(e.value->where(), "severity must map rule slugs to severities");
      } else {
        for (const yaml::Node::Entry& s : e.value->entries()) {
          if ((err = r.known_slug(s.key))) break;
          auto sev = s.value->is_scalar() ? parse_severity(s.value->text()) : std::nullopt;
          if (!sev) {
            err = r.error(s.value->where(),
                          "severity must be one of critical, high, medium, low, info");
            break;
          }
          c.severity_overrides[std::string(s.key->text())] = *sev;
        }
      }
    } else if (k == "allowed_registries") {
      err = r.strings(e.value, k, c.rule_options.allowed_registries);
    } else if (k == "allowed_capabilities") {
      err = r.strings(e.value, k, c.rule_options.allowed_capabilities);
    } else if (k == "ignore_paths") {
      err = r.strings(e.value, k, c.ignore_paths);
    } else if (k == "host") {
      err = read_host(r, e.value, c);
    } else if (k == "vulnerabilities") {
      err = read_vulnerabilities(r, e.value, c);
    } else {
      err = r.unknown_key(e.key, k_top_keys);
    }
    if (err) return *err;
  }
  return c;
}

Result<Config> load_config(const std::string& path) {
  Result<std::string> text = read_file(path, 1u << 20);
  if (!text) return text.error();
  return parse_config(path, *text);
}

std::optional<std::string> find_config(const std::vector<std::string>& roots) {
  auto exists = [](const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  // The project being scanned owns its settings: its own file comes first, so
  // `vern scan examples` from a repository root uses examples/.vern.yaml.
  for (const std::string& root : roots) {
    struct stat st;
    if (::stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    for (const char* name : {"/.vern.yaml", "/.vern.yml"}) {
      if (exists(root + name)) return root + name;
    }
    break;
  }
  for (const char* name : {".vern.yaml", ".vern.yml"}) {
    if (exists(name)) return std::string(name);
  }
  return std::nullopt;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  std::string p(pattern);
  std::string t(text);
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  if (p.starts_with("./")) p.erase(0, 2);
  if (t.starts_with("./")) t.erase(0, 2);
  // `**` means the same as `*` here: `*` already crosses folders.
  for (size_t pos; (pos = p.find("**")) != std::string::npos;) p.erase(pos, 1);
  if (::fnmatch(p.c_str(), t.c_str(), 0) == 0) return true;
  // A folder pattern covers what is inside it.
  return t.size() > p.size() && t.compare(0, p.size(), p) == 0 && t[p.size()] == '/' &&
         p.find_first_of("*?[") == std::string::npos;
}

}  // namespace vern
