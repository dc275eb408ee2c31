// RUN instructions as shell commands: the shell form tokenized by the shell
// tokenizer (here-documents run as scripts when the command is only the
// here-document or feeds it to a shell), the exec form taken word for word
// (`["sh", "-c", "…"]` tokenizes the script).
#pragma once

#include "model/build.h"
#include "sources/dockerfile/parser.h"

namespace vern::dockerfile {

// The commands of one RUN. `posix_shell` is false after a `SHELL` naming
// PowerShell or cmd, whose RUN text is not POSIX shell (exec form still counts).
// file and object are left for the caller.
ShellScript run_script(const Instruction& ins, bool posix_shell);

}  // namespace vern::dockerfile
