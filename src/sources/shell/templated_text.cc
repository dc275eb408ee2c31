#include "sources/shell/templated_text.h"

namespace vern::shell {
namespace {

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
  // GitHub's `${{ expr }}` reads to the tokenizer as one unknown `${…}`
  // expansion; mark_templated() covers the quoted cases.
  if (kind != Templating::make) {
    out.append(line, start);
    return;
  }
  std::size_t plain = 0;  // start of the pending literal chunk
  auto flush = [&](std::size_t end) {
    if (end > plain) {
      out.append(line.substr(plain, end - plain), Location{start.line, start.column + int(plain)});
    }
  };
  std::size_t k = 0;
  while (k < line.size()) {
    // Make: `$$` is a dollar for the shell; `$(X)`, `${X}`, `$X` are Make's.
    if (line[k] != '$' || k + 1 >= line.size()) {
      ++k;
      continue;
    }
    char n = line[k + 1];
    std::size_t next = k + 2;
    std::string_view name = line.substr(k + 1, 1);
    if (n == '(' || n == '{') {
      std::size_t close = matching(line, k + 2, n, n == '(' ? ')' : '}');
      if (close == std::string_view::npos) close = line.size() - 1;
      name = line.substr(k + 2, close - k - 2);
      next = close + 1;
    }
    auto it = vars.find(name);
    if (n != '$' && it == vars.end()) {  // unknown: left as written, not literal to the shell
      k = next;
      continue;
    }
    flush(k);
    out.append(n == '$' ? std::string_view("$") : std::string_view(it->second),
               Location{start.line, start.column + int(k)});
    k = next;
    plain = k;
  }
  flush(line.size());
}

namespace {

void mark(std::vector<ShellPipeline>& pipelines, std::string_view marker, int depth) {
  for (ShellPipeline& p : pipelines) {
    for (ShellCommand& c : p.commands) {
      for (ShellWord& w : c.words) {
        if (w.text.find(marker) != std::string::npos) w.literal = false;
        if (depth < 24) mark(w.substitutions, marker, depth + 1);
      }
    }
  }
}

}  // namespace

void mark_templated(std::vector<ShellPipeline>& pipelines, Templating kind) {
  if (kind == Templating::none) return;
  mark(pipelines, kind == Templating::github ? "${{" : "$", 0);
}

}  // namespace vern::shell
