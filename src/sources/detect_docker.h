// Format detection for the Docker surfaces: Dockerfiles/Containerfiles, shell
// scripts, Makefiles, GitHub Actions workflows, GitLab CI files, Markdown and
// daemon.json. detect.cc consults these before its YAML sniffing.
#pragma once

#include <string_view>

#include "sources/detect.h"
#include "sources/translation.h"

namespace vern {

// The format a path names (dockerfile, shell, makefile, github_actions,
// gitlab_ci, markdown, daemon_json), or unknown.
Format docker_format_by_name(std::string_view path);

// True iff `f` is one of the formats above.
bool is_docker_format(Format f);

// True for a file without extension whose first line is a shell shebang, so
// a directory walk reads it (reads at most 128 bytes of the file).
bool may_have_shebang(std::string_view path);

// Translates `content` as format `f`. REQUIRES: is_docker_format(f).
// A Dockerfile learns whether a .dockerignore sits beside it from the file system,
// and is built to `dockerfile_target` (empty: its last stage).
Translation translate_docker_format(Format f, std::string_view path, std::string_view content,
                                    std::string_view dockerfile_target = {});

}  // namespace vern
