// Shell tokenizer: splits POSIX-shell text into pipelines of simple commands
// with quote removal, escapes, continuations, comments, redirections,
// here-documents (read as commands when fed to a shell), command
// substitutions and the common prefix commands.
// It never runs anything and never guesses: a word holding an unknown
// variable is marked not literal. Variables assigned earlier in the same text
// with a literal value (`IMAGE=nginx:1.25`) are substituted.
//
// Thread safety: pure functions. Input size is the caller's to bound; nesting
// of substitutions is limited to k_max_depth.
#pragma once

#include <string_view>
#include <vector>

#include "model/build.h"
#include "sources/shell/source_text.h"

namespace vern::shell {

inline constexpr int k_max_depth = 24;

// Tokenizes all of `src`.
std::vector<ShellPipeline> tokenize(const SourceText& src);

// Convenience for tests: the text of a file starting at line 1, column 1.
std::vector<ShellPipeline> tokenize(std::string_view text);

// The program name of a word, without its folder ("/usr/bin/curl" -> "curl").
std::string_view program_name(const ShellWord& word);
std::string_view program_name(std::string_view text);

}  // namespace vern::shell
