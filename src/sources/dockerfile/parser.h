// Dockerfile parser following BuildKit's syntax: parser directives (`# syntax=`,
// `# escape=`), comments, line continuations (comments and blank lines inside a
// continued instruction are dropped), here-documents (`<<EOF`, `<<-EOF`,
// `<<"EOF"`, several on one line), instruction flags (`--mount=…`), exec form
// (JSON array) and shell form, case-insensitive keywords.
//
// It produces instructions with their text and the file position of every
// character; it knows nothing of what the instructions mean.
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/located.h"
#include "sources/shell/source_text.h"
#include "util/result.h"

namespace vern::dockerfile {

struct Heredoc {
  std::string name;         // the delimiter word
  bool expand = true;       // false when the delimiter is quoted (<<"EOF")
  bool strip_tabs = false;  // <<-EOF
  Location where;           // the `<<` marker
  shell::SourceText body;   // the lines between the marker's line and the delimiter
};

struct Flag {
  std::string name;   // without dashes, as written
  std::string value;  // after '='; empty for a bare flag
  bool has_value = false;
  Location where;        // the leading `--`
  Location value_where;  // the value's first character (== where without one)
};

struct Instruction {
  std::string keyword;  // upper case ("RUN")
  Location where;       // the keyword
  std::vector<Flag> flags;
  // The arguments after the flags, continuation lines joined (the escape
  // character and newline removed), positions kept.
  shell::SourceText args;
  bool exec_form = false;            // args is a JSON array of strings
  std::vector<std::string> exec;     // its elements when exec_form
  std::vector<Location> exec_where;  // where each element's text starts
  std::vector<Heredoc> heredocs;     // RUN/COPY/ADD here-documents, in order
  // The full instruction text after the keyword (flags included), for ONBUILD.
  std::string raw;
};

struct Parsed {
  char escape = '\\';
  std::string syntax;  // `# syntax=` directive, empty when none
  std::vector<Instruction> instructions;
  std::vector<Error> errors;  // positions filled; file left empty
};

// Largest Dockerfile accepted; larger input yields one error.
inline constexpr std::size_t k_max_dockerfile_bytes = 8u << 20;

Parsed parse(std::string_view content);

}  // namespace vern::dockerfile
