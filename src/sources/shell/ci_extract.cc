// GitHub Actions (workflows and composite actions) and GitLab CI: the shell
// text of `run:` steps and of `script:`/`before_script:`/`after_script:`,
// with positions in the YAML file.
#include <optional>
#include <string>
#include <vector>

#include "sources/shell/extract.h"
#include "sources/shell/extract_common.h"
#include "sources/shell/templated_text.h"
#include "yaml/node.h"

namespace vern {
namespace {

using shell::SourceText;
using shell::Templating;

bool only_blanks(std::string_view s) {
  return s.find_first_not_of(" \t\n") == std::string_view::npos;
}

// Maps a folded (`>`) or plain multi-line scalar back onto the file: every
// non-blank file line from the scalar's start must appear, trimmed, in the
// folded text in order, separated only by the blanks and newlines folding put
// there (which become synthetic). nullopt when the text cannot be matched.
std::optional<SourceText> folded_text(std::string_view text,
                                      const std::vector<std::string_view>& lines, std::size_t row,
                                      std::size_t col, bool block, Templating kind) {
  SourceText out;
  std::size_t pos = 0;
  for (std::size_t r = block ? row + 1 : row; r < lines.size() && !only_blanks(text.substr(pos));
       ++r) {
    std::string_view line = lines[r];
    std::size_t begin = r == row ? col : line.find_first_not_of(" \t");
    if (begin == std::string_view::npos || begin >= line.size()) continue;
    std::size_t end = line.find_last_not_of(" \t\r");
    if (end == std::string_view::npos || end < begin) continue;
    std::string_view content = line.substr(begin, end + 1 - begin);
    std::size_t found = text.find(content, pos);
    if (found == std::string::npos || !only_blanks(text.substr(pos, found - pos))) {
      return std::nullopt;
    }
    out.append_synthetic(text.substr(pos, found - pos));
    shell::append_templated(out, content, Location{int(r) + 1, int(begin) + 1}, kind, {});
    pos = found + content.size();
  }
  if (!only_blanks(text.substr(pos))) return std::nullopt;
  out.append_synthetic(text.substr(pos));
  out.append_synthetic("\n");
  return out;
}

// Rebuilds the text of a YAML scalar with file positions. Literal block
// scalars (`|`) keep one text line per file line; folded and plain scalars
// are mapped back line by line when their text allows; others (quoted scalars
// with escapes) are placed at their start.
SourceText scalar_text(const yaml::Node& node, const std::vector<std::string_view>& lines,
                       Templating kind) {
  SourceText out;
  Location at = node.where();
  std::size_t row = std::size_t(at.line > 0 ? at.line - 1 : 0);
  std::string_view first = row < lines.size() ? lines[row] : std::string_view();
  std::size_t col = std::size_t(at.column > 0 ? at.column - 1 : 0);
  char indicator = col < first.size() ? first[col] : '\0';
  std::string_view text = node.text();
  if (indicator == '|') {
    // Indentation: that of the first non-blank content line.
    std::size_t indent = 0;
    for (std::size_t r = row + 1; r < lines.size(); ++r) {
      std::size_t k = lines[r].find_first_not_of(' ');
      if (k != std::string_view::npos &&
          lines[r].find_first_not_of(" \t\r") != std::string_view::npos) {
        indent = k;
        break;
      }
    }
    std::vector<std::string_view> text_lines = shell::split_lines(text);
    for (std::size_t k = 0; k < text_lines.size(); ++k) {
      shell::append_templated(out, text_lines[k], Location{at.line + 1 + int(k), int(indent) + 1},
                              kind, {});
      out.append_synthetic("\n");
    }
    return out;
  }
  if (indicator != '"' && indicator != '\'') {
    if (auto mapped = folded_text(text, lines, row, col, indicator == '>', kind)) return *mapped;
  }
  int column = at.column + (indicator == '"' || indicator == '\'' ? 1 : 0);
  std::vector<std::string_view> text_lines = shell::split_lines(text);
  for (std::size_t k = 0; k < text_lines.size(); ++k) {
    shell::append_templated(out, text_lines[k], Location{at.line, column}, kind, {});
    out.append_synthetic("\n");
  }
  return out;
}

bool posix_shell(const yaml::Node* shell_node) {
  if (!shell_node || !shell_node->is_scalar()) return true;
  std::string_view s = shell_node->text();
  return s.starts_with("bash") || s.starts_with("sh") || s.find("{0}") != std::string_view::npos;
}

// The `run:` steps of a job, or of a composite action, in a POSIX shell.
void github_steps(Translation& t, std::string_view path, const std::vector<std::string_view>& lines,
                  const yaml::Node* steps, const yaml::Node* default_shell, bool windows) {
  if (!steps || !steps->is_sequence()) return;
  for (const yaml::Node* step : steps->items()) {
    if (!step->is_mapping()) continue;
    const yaml::Node* run = step->get("run");
    if (!run || !run->is_scalar()) continue;
    const yaml::Node* sh = step->get("shell");
    if (!sh) sh = default_shell;
    if (!posix_shell(sh) || (!sh && windows)) continue;
    shell::add_script(t, path, "GitHub Actions step", run->where(),
                      scalar_text(*run, lines, Templating::github), true, Templating::github);
  }
}

void github_job(Translation& t, std::string_view path, const std::vector<std::string_view>& lines,
                const yaml::Node& job, const yaml::Node* default_shell) {
  const yaml::Node* defaults = job.get("defaults");
  const yaml::Node* run_defaults = defaults ? defaults->get("run") : nullptr;
  const yaml::Node* job_shell = run_defaults ? run_defaults->get("shell") : nullptr;
  if (!job_shell) job_shell = default_shell;
  const yaml::Node* runs_on = job.get("runs-on");
  bool windows =
      runs_on && runs_on->is_scalar() && runs_on->text().find("windows") != std::string::npos;
  github_steps(t, path, lines, job.get("steps"), job_shell, windows);
}

void gitlab_scripts(Translation& t, std::string_view path,
                    const std::vector<std::string_view>& lines, const yaml::Node* node,
                    const std::string& object, int depth) {
  if (!node || depth > 4) return;
  if (node->is_scalar()) {
    shell::add_script(t, path, object, node->where(), scalar_text(*node, lines, Templating::none),
                      true);
  } else if (node->is_sequence()) {
    for (const yaml::Node* item : node->items()) {
      gitlab_scripts(t, path, lines, item, object, depth + 1);
    }
  }
}

yaml::Stream parse_yaml(std::string_view path, std::string_view content, Translation& t) {
  yaml::Stream stream = yaml::parse(content);
  for (Error e : stream.errors) {
    e.file = std::string(path);
    t.errors.push_back(std::move(e));
  }
  return stream;
}

}  // namespace

Translation translate_github_actions(std::string_view path, std::string_view content) {
  Translation t;
  if (!shell::within_limit(path, content, t)) return t;
  yaml::Stream stream = parse_yaml(path, content, t);
  std::vector<std::string_view> lines = shell::split_lines(content);
  for (const yaml::Document& doc : stream.documents) {
    // A composite action (`action.yml`): `runs.steps`, each naming its shell.
    const yaml::Node* runs = doc.root->get("runs");
    if (runs && runs->is_mapping()) {
      github_steps(t, path, lines, runs->get("steps"), nullptr, false);
    }
    const yaml::Node* jobs = doc.root->get("jobs");
    if (!jobs || !jobs->is_mapping()) continue;
    const yaml::Node* defaults = doc.root->get("defaults");
    const yaml::Node* run = defaults ? defaults->get("run") : nullptr;
    const yaml::Node* shell_node = run ? run->get("shell") : nullptr;
    for (const yaml::Node::Entry& e : jobs->entries()) {
      if (e.value->is_mapping()) github_job(t, path, lines, *e.value, shell_node);
    }
  }
  return t;
}

Translation translate_gitlab_ci(std::string_view path, std::string_view content) {
  Translation t;
  if (!shell::within_limit(path, content, t)) return t;
  yaml::Stream stream = parse_yaml(path, content, t);
  std::vector<std::string_view> lines = shell::split_lines(content);
  for (const yaml::Document& doc : stream.documents) {
    if (!doc.root->is_mapping()) continue;
    for (const yaml::Node::Entry& e : doc.root->entries()) {
      if (!e.value->is_mapping()) continue;
      std::string object = "GitLab CI job " + std::string(e.key->text());
      for (std::string_view key : {"before_script", "script", "after_script"}) {
        gitlab_scripts(t, path, lines, e.value->get(key), object, 0);
      }
    }
  }
  return t;
}

}  // namespace vern
