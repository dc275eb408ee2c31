// What a command does with its standard input: whether a shell it runs reads
// its program from there, so a here-document fed to it is a script. Shared by
// the shell tokenizer and Dockerfile RUN here-documents.
#pragma once

#include <string_view>

#include "model/build.h"

namespace vern::shell {

// sh, bash, zsh, dash, ksh or ash.
bool is_shell_name(std::string_view name);

// True iff `c` runs a shell that reads its program from standard input, so a
// here-document fed to it is a script: `sh`, `bash -s -- arg`, `sudo bash -e`,
// and on another host `ssh host`, `ssh -p 22 host 'bash -s'`. Not `bash -c …`,
// `bash script.sh` or `ssh host 'cat > f'`.
bool reads_script_from_stdin(const ShellCommand& c);

}  // namespace vern::shell
