// Format detection and dispatch: decides what a file is (by name, then by
// content) and hands it to the right translator.
#pragma once

#include <string_view>

#include "sources/translation.h"

namespace vern {

enum class Format {
  unknown,
  kubernetes,
  compose,
  dockerfile,      // Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*, *.dockerfile
  shell,           // *.sh, *.bash, or a shell shebang
  makefile,        // Makefile, GNUmakefile, *.mk
  github_actions,  // .github/workflows/*.yml|yaml
  gitlab_ci,       // .gitlab-ci.yml
  markdown,        // *.md, *.markdown
  daemon_json,     // daemon.json
};

// The format suggested by the file name alone. YAML/JSON files whose name says
// nothing return unknown; translate_file then looks inside.
Format format_by_name(std::string_view path);

// True when the file is worth reading during a directory walk (name suggests a
// format we know, or a YAML/JSON extension, or no extension for shebang checks).
bool worth_reading(std::string_view path);

// The error for a file named explicitly that vern does not read: "not a
// recognised format" followed by `why` (" (a Helm template: ...)", or empty).
Error not_recognised(std::string_view path, std::string_view why);

// Detects the format of `content` and translates it. When `explicit_path` is
// true (named on the command line) an unrecognised file is an error ("not a
// recognised format"); otherwise it is skipped quietly (recognised == false).
// `dockerfile_target` is the stage a Dockerfile is built to (`--target`);
// empty means its last stage.
Translation translate_file(std::string_view path, std::string_view content, bool explicit_path,
                           std::string_view dockerfile_target = {});

}  // namespace vern
