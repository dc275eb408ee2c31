// Builds shell text from a host format that expands its own variables before
// the shell runs (Make's `$(VAR)` and `$$`, GitHub's `${{ expr }}`), keeping
// the file position of every character. Expansions whose value is known are
// substituted; unknown ones become an unknown shell variable so the tokenizer
// marks their word not literal.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "sources/shell/source_text.h"

namespace vern::shell {

enum class Templating { none, make, github };

using TemplateVars = std::map<std::string, std::string, std::less<>>;

// Appends `line` (whose first character is at `start`) to `out`.
void append_templated(SourceText& out, std::string_view line, Location start, Templating kind,
                      const TemplateVars& vars);

}  // namespace vern::shell
