// Shared steps of the script translators: size limit, line splitting, and
// turning one piece of shell text into a ShellScript plus its launches.
#pragma once

#include <string_view>
#include <vector>

#include "sources/shell/source_text.h"
#include "sources/shell/templated_text.h"
#include "sources/translation.h"

namespace vern::shell {

// False (and an error in `t`) when `content` is larger than k_max_script_bytes.
bool within_limit(std::string_view path, std::string_view content, Translation& t);

// Lines without their '\n'.
std::vector<std::string_view> split_lines(std::string_view content);

// Tokenizes `text`, adds the container launches it holds to `t` and, when
// `record` is true, the commands themselves as a ShellScript named `object`.
// Words holding an expansion of `templating` are not literal.
void add_script(Translation& t, std::string_view path, std::string_view object, Location where,
                const SourceText& text, bool record, Templating templating = Templating::none);

}  // namespace vern::shell
