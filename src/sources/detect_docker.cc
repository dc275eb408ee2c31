#include "sources/detect_docker.h"

#include <fstream>
#include <string>

#include "sources/daemon_json/translate.h"
#include "sources/dockerfile/translate.h"
#include "sources/shell/extract.h"
#include "util/strings.h"

namespace vern {
namespace {

std::string_view base_name(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

// Files named like a Dockerfile that are something else: its documentation,
// a script or config about it.
bool other_file_type(std::string_view name) {
  for (std::string_view ext :
       {".dockerignore", ".md",   ".rst",  ".txt", ".sh", ".bash", ".py", ".json",
        ".yml",          ".yaml", ".toml", ".go",  ".rs", ".js",   ".ts", ".rb",
        ".java",         ".c",    ".cc",   ".cpp", ".h",  ".hpp"}) {
    if (iends_with(name, ext)) return true;
  }
  return false;
}

// `Dockerfile`, `Containerfile` in any case, with a variant after `.`, `-` or
// `_` (`Dockerfile.prod`, `Dockerfile-dev`) or a name before `.` (`api.Dockerfile`).
bool is_dockerfile_name(std::string_view name) {
  if (other_file_type(name)) return false;
  auto separator = [](char c) { return c == '.' || c == '-' || c == '_'; };
  for (std::string_view stem : {"Dockerfile", "Containerfile"}) {
    if (name.size() == stem.size() && iequals(name, stem)) return true;
    // `Dockerfile.prod`, and `Dockerfile-dev` but not `dockerfile_test.go`:
    // a `-`/`_` variant has no extension of its own.
    if (name.size() > stem.size() + 1 && istarts_with(name, stem) && separator(name[stem.size()]) &&
        (name[stem.size()] == '.' || name.find('.', stem.size()) == std::string_view::npos)) {
      return true;
    }
    if (name.size() > stem.size() + 1 && iends_with(name, stem) &&
        name[name.size() - stem.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

}  // namespace

Format docker_format_by_name(std::string_view path) {
  std::string_view name = base_name(path);
  if (is_dockerfile_name(name)) return Format::dockerfile;
  if (name == "daemon.json") return Format::daemon_json;
  if (name.ends_with(".sh") || name.ends_with(".bash")) return Format::shell;
  if (name == "Makefile" || name == "makefile" || name == "GNUmakefile" || name.ends_with(".mk")) {
    return Format::makefile;
  }
  bool yaml = name.ends_with(".yml") || name.ends_with(".yaml");
  // `.gitlab-ci.yml`, and the files it pulls in with `include:`, by the names
  // GitLab's documentation uses: `build.gitlab-ci.yml`, `.gitlab/ci/*.yml`.
  if (name.ends_with(".gitlab-ci.yml") || name.ends_with(".gitlab-ci.yaml") ||
      (yaml && path.find(".gitlab/ci/") != std::string_view::npos)) {
    return Format::gitlab_ci;
  }
  // Workflows, and composite actions: `action.yml` at the root of an action's folder.
  if (yaml && (path.find(".github/workflows/") != std::string_view::npos || name == "action.yml" ||
               name == "action.yaml")) {
    return Format::github_actions;
  }
  if (name.ends_with(".md") || name.ends_with(".markdown")) return Format::markdown;
  return Format::unknown;
}

bool is_docker_format(Format f) {
  switch (f) {
    case Format::dockerfile:
    case Format::shell:
    case Format::makefile:
    case Format::github_actions:
    case Format::gitlab_ci:
    case Format::markdown:
    case Format::daemon_json:
      return true;
    default:
      return false;
  }
}

bool may_have_shebang(std::string_view path) {
  std::string_view name = base_name(path);
  if (name.empty() || name.find('.') != std::string_view::npos) return false;
  // Peek at the first line only: extensionless files are often binaries.
  std::ifstream in{std::string(path), std::ios::binary};
  char head[128] = {};
  in.read(head, sizeof head);
  std::string_view text(head, std::size_t(in.gcount()));
  return has_shell_shebang(text);
}

Translation translate_docker_format(Format f, std::string_view path, std::string_view content,
                                    std::string_view dockerfile_target) {
  switch (f) {
    case Format::dockerfile: {
      DockerfileOptions options;
      options.target = std::string(dockerfile_target);
      options.dockerignore = find_dockerignore(path);
      return translate_dockerfile(path, content, options);
    }
    case Format::shell:
      return translate_shell_script(path, content);
    case Format::makefile:
      return translate_makefile(path, content);
    case Format::github_actions:
      return translate_github_actions(path, content);
    case Format::gitlab_ci:
      return translate_gitlab_ci(path, content);
    case Format::markdown:
      return translate_markdown(path, content);
    case Format::daemon_json:
      return translate_daemon_json(path, content);
    default:
      break;
  }
  Translation t;
  t.recognised = false;
  return t;
}

}  // namespace vern
