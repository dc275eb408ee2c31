#include "yaml/resume.h"

namespace vern::yaml {

namespace {

// Whether the line that `rest` starts with opens a document.
bool opens_document(std::string_view rest) {
  return rest.starts_with("---") && (rest.size() == 3 || rest[3] == ' ' || rest[3] == '\t' ||
                                     rest[3] == '\r' || rest[3] == '\n');
}

}  // namespace

std::optional<std::pair<std::size_t, int>> next_document_start(std::string_view content,
                                                               std::size_t offset, int first_line,
                                                               int from) {
  int line = first_line;
  while (offset < content.size()) {
    std::string_view rest = content.substr(offset);
    if (line >= from && opens_document(rest)) return std::pair{offset, line};
    std::size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) break;
    offset += nl + 1;
    ++line;
  }
  return std::nullopt;
}

std::optional<std::pair<std::size_t, int>> last_document_start(std::string_view content,
                                                               std::size_t offset, int first_line,
                                                               int to) {
  std::optional<std::pair<std::size_t, int>> found;
  std::pair<std::size_t, int> at{offset, first_line};
  // Each search starts at the marker found before it: one pass in all.
  while (auto next = next_document_start(content, at.first, at.second, at.second + 1)) {
    if (next->second > to) break;
    found = at = *next;
  }
  return found;
}

}  // namespace vern::yaml
