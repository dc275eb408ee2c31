#include "sources/shell/extract.h"

#include <cctype>
#include <string>
#include <vector>

#include "sources/shell/docker_run.h"
#include "sources/shell/extract_common.h"
#include "sources/shell/templated_text.h"
#include "sources/shell/tokenizer.h"

namespace vern {
namespace {

using shell::SourceText;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// `NAME = value`, `NAME := value`, `NAME ?= value` (optionally `export`ed) at
// the start of a Makefile line; the value is expanded with the variables so far.
void make_assignment(std::string_view line, shell::TemplateVars& vars) {
  std::string_view l = trim(line);
  if (l.starts_with("export ")) l = trim(l.substr(7));
  std::size_t k = 0;
  while (k < l.size() && (std::isalnum(static_cast<unsigned char>(l[k])) || l[k] == '_' ||
                          l[k] == '.' || l[k] == '-')) {
    ++k;
  }
  if (k == 0) return;
  std::string name(l.substr(0, k));
  std::string_view rest = trim(l.substr(k));
  bool conditional = false, append = false;
  if (rest.starts_with("::=")) {
    rest.remove_prefix(3);
  } else if (rest.starts_with(":=") || rest.starts_with("?=") || rest.starts_with("+=")) {
    conditional = rest[0] == '?';
    append = rest[0] == '+';
    rest.remove_prefix(2);
  } else if (rest.starts_with("=")) {
    rest.remove_prefix(1);
  } else {
    return;
  }
  if (conditional && vars.count(name)) return;
  // Expand references to earlier variables; an unknown one makes the value unknown.
  SourceText expanded;
  shell::append_templated(expanded, trim(rest), Location{1, 1}, shell::Templating::make, vars);
  std::string value = expanded.text();
  if (value.find('$') != std::string::npos) {  // an unknown expansion
    vars.erase(name);
    return;
  }
  if (append && vars.count(name)) {
    vars[name] += ' ' + value;
  } else {
    vars[name] = value;
  }
}

}  // namespace

bool has_shell_shebang(std::string_view content) {
  if (!content.starts_with("#!")) return false;
  std::string_view first = content.substr(2, content.find('\n') - 2);
  first = trim(first);
  std::string_view prog = first.substr(0, first.find(' '));
  std::string_view rest = prog.size() < first.size() ? trim(first.substr(prog.size())) : "";
  std::string_view base = prog.substr(prog.rfind('/') + 1);
  if (base == "env") {
    if (rest.starts_with("-S ")) rest = trim(rest.substr(3));
    base = rest.substr(0, rest.find(' '));
  }
  return base == "sh" || base == "bash" || base == "dash" || base == "ash" || base == "ksh" ||
         base == "zsh" || base == "busybox";
}

Translation translate_shell_script(std::string_view path, std::string_view content) {
  Translation t;
  if (!shell::within_limit(path, content, t)) return t;
  shell::add_script(t, path, "script", Location{1, 1}, SourceText::whole(content), true);
  return t;
}

Translation translate_makefile(std::string_view path, std::string_view content) {
  Translation t;
  if (!shell::within_limit(path, content, t)) return t;
  shell::TemplateVars vars;
  std::vector<std::string_view> lines = shell::split_lines(content);
  std::size_t i = 0;
  while (i < lines.size()) {
    std::string_view line = lines[i];
    if (!line.starts_with('\t')) {
      if (!trim(line).starts_with('#')) make_assignment(line, vars);
      ++i;
      continue;
    }
    // A recipe: consecutive tab-indented lines; each is one shell invocation,
    // a trailing backslash continues it onto the next line.
    SourceText text;
    Location start{int(i) + 1, 2};
    while (i < lines.size() && lines[i].starts_with('\t')) {
      std::string_view body = lines[i].substr(1);
      int col = 2;
      while (!body.empty() && (body[0] == '@' || body[0] == '-' || body[0] == '+')) {
        body.remove_prefix(1);
        ++col;
      }
      shell::append_templated(text, body, Location{int(i) + 1, col}, shell::Templating::make, vars);
      text.append_synthetic("\n");
      ++i;
    }
    shell::add_script(t, path, "Makefile recipe", start, text, true, shell::Templating::make);
  }
  return t;
}

namespace {
// True iff `line` starts a docker or podman command (`docker run …`,
// `sudo podman run …`).
bool launches_container(std::string_view line) {
  if (line.starts_with("sudo ")) line = trim(line.substr(5));
  return line.starts_with("docker ") || line.starts_with("podman ");
}

// The commands of lines [body, end) of a Markdown code block. With `prompts`,
// only lines after a `$ ` prompt (and their continuations) are commands; with
// `only_launches`, only lines that run docker or podman (and theirs).
SourceText code_block_text(const std::vector<std::string_view>& lines, std::size_t body,
                           std::size_t end, bool prompts, bool only_launches) {
  SourceText text;
  bool continued = false;
  for (std::size_t k = body; k < end; ++k) {
    std::string_view raw = lines[k];
    std::size_t indent = raw.find_first_not_of(" \t");
    if (indent == std::string_view::npos) indent = raw.size();
    std::string_view line = raw.substr(indent);
    int col = int(indent) + 1;
    if (prompts && !continued) {
      if (!line.starts_with("$ ")) continue;  // output, not a command
      line.remove_prefix(2);
      col += 2;
    }
    if (only_launches && !continued && !launches_container(line)) continue;
    text.append(line, Location{int(k) + 1, col});
    text.append_synthetic("\n");
    continued = !trim(line).empty() && trim(line).back() == '\\';
  }
  return text;
}

bool has_prompts(const std::vector<std::string_view>& lines, std::size_t body, std::size_t end) {
  for (std::size_t k = body; k < end; ++k) {
    if (trim(lines[k]).starts_with("$ ")) return true;
  }
  return false;
}

// Indented by four columns or more (a tab counts as four).
bool indented_code(std::string_view line) {
  return line.starts_with("    ") || line.starts_with("\t");
}

}  // namespace

Translation translate_markdown(std::string_view path, std::string_view content) {
  Translation t;
  if (!shell::within_limit(path, content, t)) return t;
  std::vector<std::string_view> lines = shell::split_lines(content);
  bool after_blank = true;  // the previous line is blank, or there is none
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = trim(lines[i]);
    // An indented code block starts after a blank line (an indented line
    // after text continues its paragraph). Such blocks are often commands
    // under a list item: their lines that run docker or podman are read.
    if (after_blank && !l.empty() && indented_code(lines[i])) {
      std::size_t end = i;
      while (end < lines.size() && (trim(lines[end]).empty() || indented_code(lines[end]))) ++end;
      SourceText text = code_block_text(lines, i, end, has_prompts(lines, i, end), true);
      shell::add_script(t, path, "Markdown code block", Location{int(i) + 1, 1}, text, false);
      i = end - 1;
      after_blank = trim(lines[i]).empty();
      continue;
    }
    after_blank = l.empty();
    if (!l.starts_with("```") && !l.starts_with("~~~")) continue;
    std::string_view fence = l.substr(0, l.find_first_not_of(l[0]));
    std::string_view info = trim(l.substr(fence.size()));
    info = info.substr(0, info.find_first_of(" {,"));
    bool shellish = info == "sh" || info == "bash" || info == "shell" || info == "console" ||
                    info == "zsh" || info == "shell-session" || info == "sh-session" ||
                    info == "terminal";
    // A block without a language is often a shell session too: its lines
    // that run docker or podman are read, and nothing else.
    const bool untagged = info.empty();
    std::size_t body = i + 1, end = body;
    while (end < lines.size() && !trim(lines[end]).starts_with(fence)) ++end;
    i = end;
    after_blank = true;
    if (!shellish && !untagged) continue;
    bool prompts = info == "console" || info == "shell-session" || info == "sh-session" ||
                   info == "terminal" || has_prompts(lines, body, end);
    shell::add_script(t, path, "Markdown code block", Location{int(body), 1},
                      code_block_text(lines, body, end, prompts, untagged), false);
  }
  return t;
}

}  // namespace vern
