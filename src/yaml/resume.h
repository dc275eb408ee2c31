// Where loading resumes after a syntax error. Internal to src/yaml.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace vern::yaml {

// The offset of the first line at or after line `from` (1-based; `offset`
// is where line `first_line` starts) that opens a document with `---`, and
// that line's number; nullopt when there is none.
std::optional<std::pair<std::size_t, int>> next_document_start(std::string_view content,
                                                               std::size_t offset, int first_line,
                                                               int from);

// The offset of the last line after line `first_line` and at or before line
// `to` that opens a document with `---` (`offset` is where `first_line`
// starts), and that line's number; nullopt when there is none.
std::optional<std::pair<std::size_t, int>> last_document_start(std::string_view content,
                                                               std::size_t offset, int first_line,
                                                               int to);

}  // namespace vern::yaml
