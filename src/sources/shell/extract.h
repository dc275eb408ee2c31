// Finding shell commands where people write them: shell scripts, Makefile
// recipes, GitHub Actions `run:` steps, GitLab CI `script:`/`before_script:`/
// `after_script:`, and Markdown fenced code blocks (sh, bash, shell, console,
// with `$ ` prompts). Every translator tokenizes the commands, records them
// in Inventory::scripts (Markdown blocks excepted: docs show commands, they do
// not run them) and turns each `docker run`/`create`/`podman run` into a
// Workload of surface `run` (see docker_run.h).
// Thread safety: pure functions.
#pragma once

#include <string_view>

#include "sources/translation.h"

namespace vern {

// Largest script, Makefile, CI file or Markdown file read.
inline constexpr std::size_t k_max_script_bytes = 4u << 20;

Translation translate_shell_script(std::string_view path, std::string_view content);
Translation translate_makefile(std::string_view path, std::string_view content);
Translation translate_github_actions(std::string_view path, std::string_view content);
Translation translate_gitlab_ci(std::string_view path, std::string_view content);
Translation translate_markdown(std::string_view path, std::string_view content);

// True when the first line is a POSIX-shell shebang (sh, bash, dash, ash, ksh,
// zsh; directly or through `env`).
bool has_shell_shebang(std::string_view content);

}  // namespace vern
