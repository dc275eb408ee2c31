// Builds shell text from a host format that expands its own variables before
// the shell runs (Make's `$(VAR)` and `$$`, GitHub's `${{ expr }}`), keeping
// the file position of every character. Make variables whose value is known
// are substituted; unknown expansions stay as written, and mark_templated()
// then makes every word holding one not literal (even inside shell quotes).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/build.h"
#include "sources/shell/source_text.h"

namespace vern::shell {

enum class Templating { none, make, github };

using TemplateVars = std::map<std::string, std::string, std::less<>>;

// Appends `line` (whose first character is at `start`) to `out`.
void append_templated(SourceText& out, std::string_view line, Location start, Templating kind,
                      const TemplateVars& vars);

// Marks words that hold an expansion of the host format as not literal.
void mark_templated(std::vector<ShellPipeline>& pipelines, Templating kind);

}  // namespace vern::shell
