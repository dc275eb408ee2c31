#include "sources/shell/handed_on.h"

#include "sources/shell/stdin_script.h"

namespace vern::shell {
namespace {

// ssh options that take a value (`ssh -p 2222 -i key host cmd`).
bool ssh_takes_value(std::string_view opt) {
  return opt.size() == 2 &&
         std::string_view("BbcDEeFIiJLlmOoPpQRSWw").find(opt[1]) != std::string_view::npos;
}

// The commands in one word of text. A word with spaces was quoted, so its
// text starts a column after the word.
std::vector<ShellPipeline> commands_in(const ShellWord& w) {
  Location start = w.where;
  if (w.text.find(' ') != std::string::npos) ++start.column;
  return tokenize(SourceText::whole(w.text, start));
}

}  // namespace

std::optional<std::vector<ShellPipeline>> handed_on(const ShellCommand& cmd) {
  const ShellWord* prog = cmd.program();
  if (!prog || !prog->literal) return std::nullopt;
  const auto& words = cmd.words;
  std::string_view name = program_name(*prog);
  std::size_t j = cmd.command_index + 1;
  if (is_shell_name(name)) {
    for (; j + 1 < words.size(); ++j) {
      std::string_view t = words[j].text;
      if (t == "-o" || t == "+o" || t == "-O" || t == "+O") {
        ++j;  // the option's name
        continue;
      }
      if (t.size() < 2 || (t[0] != '-' && t[0] != '+') || t[1] == '-') break;
      if (t[0] == '-' && t.find('c') != std::string_view::npos) {
        if (!words[j + 1].literal) break;
        return commands_in(words[j + 1]);
      }
    }
    return std::nullopt;
  }
  if (name != "ssh") return std::nullopt;
  while (j < words.size() && words[j].text.size() > 1 && words[j].text[0] == '-') {
    j += ssh_takes_value(words[j].text) ? 2 : 1;
  }
  if (j + 1 >= words.size()) return std::nullopt;  // no host, or no remote command
  ++j;                                             // the host
  if (j + 1 == words.size()) {
    if (!words[j].literal) return std::nullopt;
    return commands_in(words[j]);
  }
  ShellPipeline p;
  p.where = words[j].where;
  ShellCommand remote;
  remote.where = words[j].where;
  remote.words.assign(words.begin() + std::ptrdiff_t(j), words.end());
  p.commands.push_back(std::move(remote));
  return std::vector<ShellPipeline>{std::move(p)};
}

}  // namespace vern::shell
