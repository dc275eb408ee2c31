#include "scan/source_lines.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

namespace vern {

namespace {

// Masks the value that follows the name at `column` (1-based) on `line`:
// `DB_PASSWORD: hunter2` -> `DB_PASSWORD: ****`. The value ends at the end of
// a quoted string, else at white space.
void mask_value_at(std::string& line, int column) {
  size_t i = column > 0 ? size_t(column - 1) : 0;
  auto name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  };
  while (i < line.size() && name_char(line[i])) ++i;
  while (i < line.size() && (line[i] == '=' || line[i] == ':' || line[i] == ' ' || line[i] == '\t'))
    ++i;
  if (i >= line.size()) return;
  char quote = (line[i] == '"' || line[i] == '\'') ? line[i] : 0;
  if (quote) ++i;
  size_t start = i;
  while (i < line.size() && (quote ? line[i] != quote : !(line[i] == ' ' || line[i] == '\t'))) ++i;
  if (i > start) line.replace(start, i - start, "****");
}

bool reveals_secret(const Finding& f) { return f.rule.rfind("secret-", 0) == 0; }

}  // namespace

void fill_source_lines(std::string_view content, std::vector<Finding>& findings) {
  if (findings.empty()) return;
  std::vector<size_t> starts{0};
  for (size_t i = content.find('\n'); i != std::string_view::npos; i = content.find('\n', i + 1)) {
    starts.push_back(i + 1);
  }
  auto line_text = [&](int line) {
    size_t b = starts[size_t(line) - 1];
    size_t e = content.find('\n', b);
    if (e == std::string_view::npos) e = content.size();
    if (e > b && content[e - 1] == '\r') --e;
    return std::string(content.substr(b, std::min<size_t>(e - b, 400)));
  };
  // Lines that hold a secret are shown masked, to every finding on them.
  std::map<int, std::string> masked;
  for (const Finding& f : findings) {
    int line = f.where.line;
    if (!reveals_secret(f) || line <= 0 || size_t(line) > starts.size()) continue;
    auto it = masked.try_emplace(line, line_text(line)).first;
    mask_value_at(it->second, f.where.column);
  }
  for (Finding& f : findings) {
    int line = f.where.line;
    if (line <= 0 || size_t(line) > starts.size()) continue;
    auto it = masked.find(line);
    f.source_line = it != masked.end() ? it->second : line_text(line);
  }
}

}  // namespace vern
