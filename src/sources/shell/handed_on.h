// Commands that one command hands to another to run as text: a shell's `-c`
// script, and ssh's remote command.
#pragma once

#include <optional>
#include <vector>

#include "sources/shell/tokenizer.h"

namespace vern::shell {

// The commands `cmd` hands on: the script of `sh -c '…'` (`bash -lc`,
// `bash -o pipefail -c`), or the remote command of `ssh host '…'` / `ssh host
// docker run …`, at their own positions in the file. nullopt when `cmd` hands
// on nothing, or only text that is not written out (a variable).
std::optional<std::vector<ShellPipeline>> handed_on(const ShellCommand& cmd);

}  // namespace vern::shell
