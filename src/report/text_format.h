// Plain-text pieces shared by the reporters: terminal-safe text, the source
// excerpt with its caret, the location label and the summary sentence.
// Pure functions over strings; no I/O.
#pragma once

#include <string>
#include <string_view>

#include "report/reporter.h"
#include "rules/finding.h"

namespace vern {

// `text` with control characters (C0, DEL, C1, and tab unless keep_tabs)
// replaced, so that input files cannot send escape sequences to a terminal.
std::string printable(std::string_view text, bool keep_tabs = false);

// One source line and a caret line that points at a column of it.
struct Excerpt {
  std::string line;   // printable, without the line break; clipped with "..." when long
  std::string caret;  // whitespace (tabs where `line` has tabs) then '^'
};

// The excerpt of `source_line` pointing at 1-based `column`, counted in
// characters (UTF-8 code points). A column past the end points just after the
// last character; column <= 0 points at the first. Lines longer than
// k_excerpt_max_bytes are cut to a window around the column.
inline constexpr size_t k_excerpt_max_bytes = 160;
Excerpt make_excerpt(std::string_view source_line, int column);

// "file:line:col" (or "file:line") when the finding has a position, else its
// object, else its file.
std::string location_label(const Finding& finding);

// "12 findings (2 critical, 5 high) in 7 files; 1 error; 3 suppressed".
std::string summary_sentence(const Summary& summary);

}  // namespace vern
