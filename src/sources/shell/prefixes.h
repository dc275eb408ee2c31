// Prefix commands: words before the program that actually runs (`sudo -E`,
// `exec`, `time -p`, `env X=1`, `nohup`, `command`, `nice -n 5`, `timeout 5`,
// `xargs -r` (not `xargs -I {}`, whose input lands anywhere in the command),
// reserved words such as `if`/`then`/`do`/`!`) and leading `NAME=value`.
#pragma once

#include <cstddef>
#include <vector>

#include "model/build.h"

namespace vern::shell {

// Index in `words` of the program that runs; words.size() when there is none.
// `assignment[k]` tells whether words[k] is a `NAME=value` word.
std::size_t command_index(const std::vector<ShellWord>& words, const std::vector<bool>& assignment);

}  // namespace vern::shell
