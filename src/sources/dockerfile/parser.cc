#include "sources/dockerfile/parser.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "util/strings.h"

namespace vern::dockerfile {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_lines(std::string_view content) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) {
      if (pos < content.size()) lines.push_back(content.substr(pos));
      break;
    }
    lines.push_back(content.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

// `# key=value` parser directives at the top of the file.
std::size_t read_directives(const std::vector<std::string_view>& lines, Parsed& out) {
  std::size_t i = 0;
  for (; i < lines.size(); ++i) {
    std::string_view l = trim_right(trim_left(lines[i]));
    if (l.empty() || l[0] != '#') break;
    l = trim_left(l.substr(1));
    std::size_t eq = l.find('=');
    if (eq == std::string_view::npos) break;
    std::string key = to_lower(trim_right(l.substr(0, eq)));
    std::string_view value = trim_left(l.substr(eq + 1));
    bool name_ok = !key.empty();
    for (char c : key) name_ok = name_ok && std::isalpha(static_cast<unsigned char>(c));
    if (!name_ok) break;
    if (key == "escape") {
      if (value == "`" || value == "\\") {
        out.escape = value[0];
      } else {
        out.errors.push_back(Error::invalid(
            "invalid escape token '" + std::string(value) + "' does not match ` or \\", int(i) + 1,
            1));
      }
    } else if (key == "syntax") {
      out.syntax = std::string(value);
    }
  }
  return i;
}

bool is_comment(std::string_view line) {
  std::string_view t = trim_left(line);
  return !t.empty() && t[0] == '#';
}

// Finds here-document markers in the instruction text.
void find_heredocs(const shell::SourceText& text, std::vector<Heredoc>& out) {
  const std::string& s = text.text();
  char quote = 0;
  for (std::size_t k = 0; k + 1 < s.size(); ++k) {
    char c = s[k];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      continue;
    }
    if (c != '<' || s[k + 1] != '<' || (k + 2 < s.size() && s[k + 2] == '<')) continue;
    // BuildKit looks for here-documents at the start of a word only, so
    // `$((1<<2))` and `cat<<EOF` are not markers.
    if (k > 0 && !blank(s[k - 1]) && s[k - 1] != '\n') continue;
    Heredoc h;
    h.where = text.at(k);
    std::size_t j = k + 2;
    if (j < s.size() && s[j] == '-') {
      h.strip_tabs = true;
      ++j;
    }
    char q = 0;
    if (j < s.size() && (s[j] == '"' || s[j] == '\'')) q = s[j++];
    std::size_t start = j;
    while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_' ||
                            s[j] == '-' || s[j] == '.' || s[j] == '/')) {
      ++j;
    }
    if (j == start) continue;
    h.name = s.substr(start, j - start);
    if (q) {
      if (j < s.size() && s[j] == q) ++j;
      h.expand = false;
    }
    out.push_back(std::move(h));
    k = j - 1;
  }
}

void split_flags(Instruction& ins, const shell::SourceText& rest) {
  const std::string& s = rest.text();
  std::size_t k = 0;
  while (true) {
    while (k < s.size() && (blank(s[k]) || s[k] == '\n')) ++k;
    if (k + 2 > s.size() || s.compare(k, 2, "--") != 0) break;
    std::size_t end = k;
    while (end < s.size() && !blank(s[end]) && s[end] != '\n') ++end;
    std::string_view word(s.data() + k + 2, end - k - 2);
    Flag f;
    f.where = rest.at(k);
    f.value_where = f.where;
    std::size_t eq = word.find('=');
    f.name = std::string(word.substr(0, eq));
    if (eq != std::string_view::npos) {
      f.value = std::string(word.substr(eq + 1));
      f.has_value = true;
      f.value_where = rest.at(k + 2 + eq + 1);
    }
    ins.flags.push_back(std::move(f));
    k = end;
  }
  while (k < s.size() && (blank(s[k]) || s[k] == '\n')) ++k;
  ins.args = rest.slice(k, s.size());
}

// The offsets in `array`, a valid JSON array of strings, of each string's
// opening quote.
std::vector<std::size_t> string_starts(std::string_view array) {
  std::vector<std::size_t> out;
  bool in_string = false;
  for (std::size_t i = 0; i < array.size(); ++i) {
    char c = array[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
      out.push_back(i);
    }
  }
  return out;
}

void detect_exec_form(Instruction& ins) {
  std::string_view text = ins.args.text();
  std::string_view t = trim_right(trim_left(text));
  if (t.empty() || t.front() != '[' || t.back() != ']') return;
  nlohmann::json j = nlohmann::json::parse(t, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return;
  std::vector<std::string> items;
  for (const auto& e : j) {
    if (!e.is_string()) return;
    items.push_back(e.get<std::string>());
  }
  ins.exec_form = true;
  ins.exec = std::move(items);
  const std::size_t base = std::size_t(t.data() - text.data());
  for (std::size_t offset : string_starts(t))
    ins.exec_where.push_back(ins.args.at(base + offset + 1));
}

}  // namespace

Parsed parse(std::string_view content) {
  Parsed out;
  if (content.size() > k_max_dockerfile_bytes) {
    out.errors.push_back(Error::limit("Dockerfile larger than 8 MiB"));
    return out;
  }
  // A NUL byte: a binary file under a Dockerfile's name. One error, not one
  // per line of garbage.
  if (std::size_t nul = content.find('\0'); nul != std::string_view::npos) {
    std::string_view before = content.substr(0, nul);
    std::size_t line_start = before.rfind('\n');
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    out.errors.push_back(Error::invalid("binary content (a NUL byte): not a text Dockerfile",
                                        1 + int(std::count(before.begin(), before.end(), '\n')),
                                        1 + int(nul - line_start)));
    return out;
  }
  // BuildKit ignores a UTF-8 byte order mark before the first line.
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  std::vector<std::string_view> lines = split_lines(content);
  std::size_t i = read_directives(lines, out);
  while (i < lines.size()) {
    std::string_view first = trim_left(lines[i]);
    if (trim_right(first).empty() || first[0] == '#') {
      ++i;
      continue;
    }
    // Assemble the logical line.
    shell::SourceText text;
    std::string_view piece = first;
    int col = int(lines[i].size() - first.size()) + 1;
    while (true) {
      int line_no = int(i) + 1;
      std::string_view body = trim_right(piece);
      ++i;
      if (!body.empty() && body.back() == out.escape) {
        text.append(body.substr(0, body.size() - 1), Location{line_no, col});
        while (i < lines.size() && (trim_right(lines[i]).empty() || is_comment(lines[i]))) ++i;
        if (i >= lines.size()) break;
        text.append_synthetic(" ");
        piece = lines[i];
        col = 1;
        continue;
      }
      text.append(body, Location{line_no, col});
      break;
    }
    const std::string& s = text.text();
    std::size_t kw_end = 0;
    while (kw_end < s.size() && !blank(s[kw_end]) && s[kw_end] != '\n') ++kw_end;
    Instruction ins;
    ins.where = text.at(0);
    for (std::size_t k = 0; k < kw_end; ++k) {
      ins.keyword += char(std::toupper(static_cast<unsigned char>(s[k])));
    }
    shell::SourceText rest = text.slice(kw_end, s.size());
    ins.raw = std::string(trim_left(rest.text()));
    split_flags(ins, rest);
    detect_exec_form(ins);
    if (!ins.exec_form && (ins.keyword == "RUN" || ins.keyword == "COPY" || ins.keyword == "ADD")) {
      find_heredocs(ins.args, ins.heredocs);
    }
    for (Heredoc& h : ins.heredocs) {
      bool closed = false;
      while (i < lines.size()) {
        std::string_view l = lines[i];
        std::string_view cmp = l;
        if (h.strip_tabs) {
          while (!cmp.empty() && cmp.front() == '\t') cmp.remove_prefix(1);
        }
        if (!cmp.empty() && cmp.back() == '\r') cmp.remove_suffix(1);
        int line_no = int(i) + 1;
        ++i;
        if (cmp == h.name) {
          closed = true;
          break;
        }
        h.body.append(l, Location{line_no, 1});
        h.body.append_synthetic("\n");
      }
      if (!closed) {
        out.errors.push_back(Error::invalid("here-document '" + h.name + "' is not terminated",
                                            h.where.line, h.where.column));
      }
    }
    if (ins.keyword.empty()) continue;
    out.instructions.push_back(std::move(ins));
  }
  return out;
}

}  // namespace vern::dockerfile
