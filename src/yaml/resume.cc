#include "yaml/resume.h"

namespace vern::yaml {

std::optional<std::pair<std::size_t, int>> next_document_start(std::string_view content,
                                                               std::size_t offset, int first_line,
                                                               int from) {
  int line = first_line;
  while (offset < content.size()) {
    std::string_view rest = content.substr(offset);
    if (line >= from && rest.starts_with("---") &&
        (rest.size() == 3 || rest[3] == ' ' || rest[3] == '\t' || rest[3] == '\r' ||
         rest[3] == '\n')) {
      return std::pair{offset, line};
    }
    std::size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) break;
    offset += nl + 1;
    ++line;
  }
  return std::nullopt;
}

}  // namespace vern::yaml
