#include "sources/dockerfile/run_commands.h"

#include <string_view>

#include "sources/shell/tokenizer.h"

namespace vern::dockerfile {
namespace {

bool is_shell(std::string_view name) {
  return name == "sh" || name == "bash" || name == "ash" || name == "dash" || name == "zsh" ||
         name == "ksh";
}

void append(std::vector<ShellPipeline>& to, std::vector<ShellPipeline> from) {
  for (ShellPipeline& p : from) to.push_back(std::move(p));
}

// True when the here-documents of this RUN are scripts: the command line is
// nothing but redirections, or it runs a shell without `-c`.
bool heredocs_are_scripts(const std::vector<ShellPipeline>& line) {
  if (line.empty()) return true;
  for (const ShellPipeline& p : line) {
    for (const ShellCommand& c : p.commands) {
      const ShellWord* prog = c.program();
      if (!prog || !is_shell(shell::program_name(*prog))) continue;
      bool dash_c = false;
      for (std::size_t k = c.command_index + 1; k < c.words.size(); ++k) {
        dash_c |= c.words[k].text == "-c";
      }
      if (!dash_c) return true;
    }
  }
  return false;
}

}  // namespace

ShellScript run_script(const Instruction& ins, bool posix_shell) {
  ShellScript script;
  script.surface = Surface::dockerfile;
  script.where = ins.where;
  Location at = ins.args.size() ? ins.args.at(0) : ins.where;
  if (ins.exec_form) {
    const auto& e = ins.exec;
    if (e.size() >= 3 && is_shell(e[0].substr(e[0].rfind('/') + 1)) && e[1] == "-c") {
      shell::SourceText text;
      text.append(e[2], at);
      script.pipelines = shell::tokenize(text);
      return script;
    }
    ShellPipeline p;
    p.where = at;
    ShellCommand cmd;
    cmd.where = at;
    for (const std::string& s : e) cmd.words.push_back(ShellWord{s, at, true, {}});
    if (!cmd.words.empty()) {
      p.commands.push_back(std::move(cmd));
      script.pipelines.push_back(std::move(p));
    }
    return script;
  }
  if (!posix_shell) return script;
  script.pipelines = shell::tokenize(ins.args);
  if (!ins.heredocs.empty() && heredocs_are_scripts(script.pipelines)) {
    for (const Heredoc& h : ins.heredocs) append(script.pipelines, shell::tokenize(h.body));
  }
  return script;
}

}  // namespace vern::dockerfile
