// Words and variables of Dockerfile instructions, as BuildKit's shell lexer
// reads them: whitespace-separated words with quotes, the escape character, and
// `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`.
// An unknown variable without a default leaves the word unresolved; nothing is
// guessed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/located.h"
#include "sources/shell/source_text.h"

namespace vern::dockerfile {

struct RawWord {
  std::string text;  // as written, quotes kept
  Location where;
};

// Splits on unquoted blanks and newlines.
std::vector<RawWord> split_words(const shell::SourceText& text, char escape);

// Variables in scope: name -> value; nullopt for an ARG declared without a
// default (its value is whatever the build passes: unknown).
using Vars = std::map<std::string, std::optional<std::string>, std::less<>>;

struct Expanded {
  std::string text;
  bool resolved = true;  // false when a variable's value is unknown
};

// Removes quotes and escapes and substitutes variables.
Expanded process_word(std::string_view raw, const Vars& vars, char escape);

}  // namespace vern::dockerfile
