#include "sources/detect.h"

#include <algorithm>
#include <string>

#include "sources/compose/translate.h"
#include "sources/detect_docker.h"
#include "sources/kubernetes/translate.h"
#include "sources/shell/extract.h"
#include "yaml/node.h"

namespace vern {

namespace {

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

bool is_yaml_or_json(std::string_view name) {
  return ends_with(name, ".yaml") || ends_with(name, ".yml") || ends_with(name, ".json");
}

bool is_compose_name(std::string_view name) {
  if (name == "compose.yaml" || name == "compose.yml") return true;
  if (!name.starts_with("docker-compose")) return false;
  return ends_with(name, ".yml") || ends_with(name, ".yaml");
}

// Helm and other templates are not YAML until rendered.
bool looks_templated(std::string_view content) {
  return content.find("{{") != std::string_view::npos;
}

// A Helm chart template: `{{ }}` actions over Helm's own objects. Such a file
// may parse as YAML (`name: {{ include "app.name" . }}` reads as a mapping)
// and still not be the manifest it renders to. Go templates of other tools
// inside a manifest's values (`{{ $labels.instance }}` in alerting rules,
// Alertmanager's `{{ template "slack.title" . }}`) do not use these.
bool looks_like_helm_template(std::string_view content) {
  if (!looks_templated(content)) return false;
  for (std::string_view helm :
       {".Values", ".Release.", ".Chart.", ".Capabilities.", ".Files.", "include \""}) {
    if (content.find(helm) != std::string_view::npos) return true;
  }
  return false;
}

// True when a top-level line (column 1) starts with `key:`. Used only when a
// file does not parse, to tell a broken manifest (an error worth reporting)
// from a stray YAML file of some other tool (skipped quietly).
bool has_top_level_key(std::string_view content, std::string_view key) {
  for (size_t pos = 0; pos < content.size();) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    if (line.starts_with(key) && line.size() > key.size() && line[key.size()] == ':') return true;
    pos = end + 1;
  }
  return false;
}

// True iff `root` holds only Compose's top-level keys (and `x-` extensions),
// at least one of them a mapping of networks, volumes, secrets or configs.
bool compose_without_services(const yaml::Node& root) {
  static constexpr std::string_view k_keys[] = {"version", "name",    "include", "networks",
                                                "volumes", "secrets", "configs"};
  bool declares = false;
  for (const yaml::Node::Entry& e : root.entries()) {
    std::string_view key = e.key->text();
    if (key.starts_with("x-")) continue;
    if (std::find(std::begin(k_keys), std::end(k_keys), key) == std::end(k_keys)) return false;
    if (key != "version" && key != "name" && key != "include" && e.value->is_mapping()) {
      declares = true;
    }
  }
  return declares;
}

bool looks_like_manifest(std::string_view content) {
  return (has_top_level_key(content, "apiVersion") && has_top_level_key(content, "kind")) ||
         has_top_level_key(content, "services");
}

Translation translate_yaml(std::string_view path, std::string_view content, bool compose_by_name,
                           bool explicit_path) {
  Translation t;
  t.recognised = false;
  // Cheap pre-filter: most YAML/JSON in a repository (CI configs, package
  // manifests, lock files) is not ours, and parsing it would dominate a walk.
  if (!compose_by_name && !explicit_path && content.find("apiVersion") == std::string_view::npos &&
      content.find("services") == std::string_view::npos) {
    return t;
  }
  if (!compose_by_name && looks_like_helm_template(content)) {
    if (explicit_path) {
      // Points at the first template action.
      size_t at = content.find("{{");
      size_t line_start = content.rfind('\n', at);
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      Error e = not_recognised(path, " (a Helm template: render it first, e.g. helm template)");
      e.line = 1 + int(std::count(content.begin(), content.begin() + std::ptrdiff_t(at), '\n'));
      e.column = 1 + int(at - line_start);
      t.errors.push_back(std::move(e));
    }
    return t;
  }
  yaml::Stream stream = yaml::parse(content);
  const yaml::Node* first = stream.documents.empty() ? nullptr : stream.documents[0].root;
  bool compose = compose_by_name;
  if (!compose && first && first->is_mapping() && !first->get("apiVersion")) {
    const yaml::Node* services = first->get("services");
    compose = services && services->is_mapping();
    // Named on the command line, a Compose file that only declares networks,
    // volumes, secrets or configs (for other files to use) is one too.
    if (!compose && explicit_path) compose = compose_without_services(*first);
  }
  if (compose) {
    // A Compose file is its first document: one that follows a broken one is not.
    if (!stream.documents.empty() && !stream.documents[0].after_error) {
      t = translate_compose(path, stream.documents[0]);
    }
    t.recognised = true;
  } else {
    t = translate_kubernetes(path, stream.documents.data(), stream.documents.size());
  }
  if (!stream.errors.empty()) {
    // A file that does not parse is ours when its name says so, when what did
    // parse was ours, or when it was named explicitly; a broken template or a
    // stray YAML file in a walk is skipped quietly.
    bool templated = looks_templated(content);
    if (t.recognised || explicit_path ||
        (!templated && (compose_by_name || looks_like_manifest(content)))) {
      for (std::size_t i = 0; i < stream.errors.size(); ++i) {
        Error e = stream.errors[i];
        e.file = std::string(path);
        if (templated) e.message += " (a template? render it first, e.g. helm template)";
        t.errors.insert(t.errors.begin() + std::ptrdiff_t(i), std::move(e));
      }
      t.recognised = true;
    }
    return t;
  }
  if (!t.recognised && explicit_path) t.errors.push_back(not_recognised(path, ""));
  return t;
}

}  // namespace

Format format_by_name(std::string_view path) {
  std::string_view name = base_name(path);
  if (is_compose_name(name)) return Format::compose;
  return docker_format_by_name(path);
}

bool worth_reading(std::string_view path) {
  std::string_view name = base_name(path);
  if (format_by_name(path) != Format::unknown) return true;
  return is_yaml_or_json(name) || may_have_shebang(path);
}

Error not_recognised(std::string_view path, std::string_view why) {
  Error e = Error::invalid("not a recognised format" + std::string(why));
  e.file = std::string(path);
  return e;
}

Translation translate_file(std::string_view path, std::string_view content, bool explicit_path,
                           std::string_view dockerfile_target) {
  std::string_view name = base_name(path);
  Format by_name = format_by_name(path);
  if (is_docker_format(by_name)) {
    return translate_docker_format(by_name, path, content, dockerfile_target);
  }
  if (has_shell_shebang(content)) return translate_shell_script(path, content);
  switch (by_name) {
    case Format::compose:
      return translate_yaml(path, content, /*compose_by_name=*/true, explicit_path);
    default:
      break;
  }
  if (is_yaml_or_json(name) || explicit_path) {
    return translate_yaml(path, content, /*compose_by_name=*/false, explicit_path);
  }
  Translation t;
  t.recognised = false;
  return t;
}

}  // namespace vern
