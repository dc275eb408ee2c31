#include "sources/dockerfile/run_commands.h"

#include <string>
#include <string_view>

#include "sources/shell/stdin_script.h"
#include "sources/shell/tokenizer.h"
#include "util/strings.h"

namespace vern::dockerfile {
namespace {

void append(std::vector<ShellPipeline>& to, std::vector<ShellPipeline> from) {
  for (ShellPipeline& p : from) to.push_back(std::move(p));
}

bool before_or_at(Location a, Location b) {
  return a.line < b.line || (a.line == b.line && a.column <= b.column);
}

// True when here-document `h` is a script: the command line is nothing but
// redirections (BuildKit runs the body with the default shell), or the
// command it is attached to is a shell reading its program from it. A here-document feeds
// the last command that starts at or before its marker (the first command
// when the marker comes first: `<<EOF bash`), so in
// `bash <<A && cat <<B > f` only A is a script.
bool heredoc_is_script(const std::vector<ShellPipeline>& line, const Heredoc& h) {
  const ShellCommand* owner = nullptr;
  for (const ShellPipeline& p : line) {
    for (const ShellCommand& c : p.commands) {
      if (!owner || before_or_at(c.where, h.where)) owner = &c;
    }
  }
  return !owner || shell::reads_script_from_stdin(*owner);
}

}  // namespace

bool is_posix_shell(const std::vector<std::string>& shell) {
  if (shell.empty()) return true;
  std::string prog = to_lower(shell::program_name(shell[0]));
  return prog.find("powershell") == std::string::npos && prog.find("pwsh") == std::string::npos &&
         prog.find("cmd") == std::string::npos;
}

ShellScript run_script(const Instruction& ins, const std::vector<std::string>& shell) {
  ShellScript script;
  script.surface = Surface::dockerfile;
  script.where = ins.where;
  Location at = ins.args.size() ? ins.args.at(0) : ins.where;
  if (ins.exec_form) {
    const auto& e = ins.exec;
    if (e.size() >= 3 && shell::is_shell_name(shell::program_name(e[0])) && e[1] == "-c") {
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
  if (!is_posix_shell(shell)) {
    ShellPipeline p;
    p.where = at;
    ShellCommand cmd;
    cmd.where = at;
    for (const std::string& s : shell) cmd.words.push_back(ShellWord{s, at, true, {}});
    cmd.words.push_back(ShellWord{ins.args.text(), at, true, {}});
    p.commands.push_back(std::move(cmd));
    script.pipelines.push_back(std::move(p));
    return script;
  }
  script.pipelines = shell::tokenize(ins.args);
  std::vector<ShellPipeline> line = script.pipelines;
  for (const Heredoc& h : ins.heredocs) {
    if (heredoc_is_script(line, h)) append(script.pipelines, shell::tokenize(h.body));
  }
  return script;
}

}  // namespace vern::dockerfile
