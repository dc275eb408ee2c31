// RUN instructions as shell commands: the shell form tokenized by the shell
// tokenizer (here-documents run as scripts when the command is only the
// here-document or feeds it to a shell), the exec form taken word for word
// (`["sh", "-c", "…"]` tokenizes the script).
#pragma once

#include "model/build.h"
#include "sources/dockerfile/parser.h"

namespace vern::dockerfile {

// The commands of one RUN under the stage's `SHELL` (`shell`; empty for the
// default `/bin/sh -c`). A POSIX shell's text is tokenized; another shell's
// (PowerShell, cmd) is one command, the shell's words and then the text as
// one word, which is how Docker runs it. file and object are left for the
// caller.
ShellScript run_script(const Instruction& ins, const std::vector<std::string>& shell);

// True iff `shell` (a SHELL instruction's words; empty for the default) runs
// POSIX shell text: not PowerShell and not cmd.
bool is_posix_shell(const std::vector<std::string>& shell);

}  // namespace vern::dockerfile
