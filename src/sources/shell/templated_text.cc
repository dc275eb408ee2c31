#include "sources/shell/templated_text.h"

namespace vern::shell {
namespace {

// An unknown value: a shell variable nobody sets.
constexpr std::string_view k_unknown = "${__vern_unknown}";

// Index of the `close` that ends an expansion opened just before `from`.
std::size_t matching(std::string_view s, std::size_t from, char open, char close) {
  int level = 1;
  for (std::size_t k = from; k < s.size(); ++k) {
    if (s[k] == open) ++level;
    if (s[k] == close && --level == 0) return k;
  }
  return std::string_view::npos;
}

}  // namespace

void append_templated(SourceText& out, std::string_view line, Location start, Templating kind,
                      const TemplateVars& vars) {
  if (kind == Templating::none) {
    out.append(line, start);
    return;
  }
  std::size_t plain = 0;  // start of the pending literal chunk
  auto flush = [&](std::size_t end) {
    if (end > plain) {
      out.append(line.substr(plain, end - plain), Location{start.line, start.column + int(plain)});
    }
  };
  auto value = [&](std::size_t at, std::string_view text) {
    Location loc{start.line, start.column + int(at)};
    if (text.empty()) return;
    out.append(text, loc);
  };
  std::size_t k = 0;
  while (k < line.size()) {
    if (kind == Templating::github) {
      if (line.compare(k, 3, "${{") == 0) {
        std::size_t close = line.find("}}", k + 3);
        if (close == std::string_view::npos) break;
        flush(k);
        value(k, k_unknown);
        k = close + 2;
        plain = k;
        continue;
      }
      ++k;
      continue;
    }
    // Make: `$$` is a dollar for the shell; `$(X)`, `${X}`, `$X` are Make's.
    if (line[k] != '$' || k + 1 >= line.size()) {
      ++k;
      continue;
    }
    flush(k);
    char n = line[k + 1];
    std::size_t next = k + 2;
    std::string_view replacement = k_unknown;
    if (n == '$') {
      replacement = "$";
    } else if (n == '(' || n == '{') {
      std::size_t close = matching(line, k + 2, n, n == '(' ? ')' : '}');
      if (close == std::string_view::npos) close = line.size() - 1;
      std::string_view name = line.substr(k + 2, close - k - 2);
      if (auto it = vars.find(name); it != vars.end()) replacement = it->second;
      next = close + 1;
    } else if (auto it = vars.find(std::string_view(&line[k + 1], 1)); it != vars.end()) {
      replacement = it->second;
    }
    value(k, replacement);
    k = next;
    plain = k;
  }
  flush(line.size());
}

}  // namespace vern::shell
