// pipe-to-shell: a RUN instruction or a script line runs a downloaded script
// unverified: `curl … | sh`, `wget -O- … | bash`, `sh -c "$(curl …)"`,
// `bash <(curl …)`, `source /dev/stdin <<< "$(curl …)"`, `curl … | pwsh -`,
// and PowerShell's own `iwr … | iex`. POSIX shell is read from tokenized
// commands, never from substrings; PowerShell text (a `-Command` argument, a
// RUN under `SHELL ["powershell", …]`) by its words.
#include <cctype>
#include <string>
#include <string_view>

#include "rules/object_finding.h"
#include "util/strings.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "pipe-to-shell",
    .title = "Downloaded script piped into a shell",
    .severity = Severity::high,
    .surfaces = {Surface::dockerfile, Surface::run},
    .rationale =
        "Piping a download straight into a shell runs whatever the server sends, unverified "
        "and unrecorded: a compromised host, a hijacked DNS name or a truncated transfer "
        "executes as the build or deploy user (often root).",
    .remedy =
        "Download to a file, verify its checksum or signature, then run it: curl -fsSLo "
        "install.sh URL && echo '<sha256>  install.sh' | sha256sum -c - && sh install.sh",
};

constexpr int k_max_depth = 24;

std::string_view name_of(const ShellWord& w) {
  std::string_view t = w.text;
  std::size_t slash = t.rfind('/');
  return slash == std::string_view::npos ? t : t.substr(slash + 1);
}

bool short_cluster(std::string_view a) { return a.size() > 1 && a[0] == '-' && a[1] != '-'; }

// True iff the command downloads to standard output.
bool downloads_to_stdout(const ShellCommand& c) {
  const ShellWord* prog = c.program();
  if (!prog || !prog->literal) return false;
  std::string_view name = name_of(*prog);
  const auto& w = c.words;
  if (name == "curl") {
    for (std::size_t k = c.command_index + 1; k < w.size(); ++k) {
      std::string_view a = w[k].text;
      if (a == "--output" || a == "-o") return k + 1 < w.size() && w[k + 1].text == "-";
      if (a.starts_with("--output=")) return a == "--output=-";
      if (a == "--remote-name" || a == "--remote-name-all") return false;
      if (short_cluster(a) && a.find('O') != std::string_view::npos) return false;
      if (short_cluster(a) && a.find('o') != std::string_view::npos) {
        std::string_view rest = a.substr(a.find('o') + 1);
        if (rest.empty()) return k + 1 < w.size() && w[k + 1].text == "-";
        return rest == "-";
      }
    }
    return true;
  }
  if (name == "wget") {
    for (std::size_t k = c.command_index + 1; k < w.size(); ++k) {
      std::string_view a = w[k].text;
      std::string_view value;
      if (a.starts_with("--output-document=")) {
        value = a.substr(18);
      } else if (a == "--output-document") {
        value = k + 1 < w.size() ? std::string_view(w[k + 1].text) : "";
      } else if (short_cluster(a) && a.find('O') != std::string_view::npos) {
        value = a.substr(a.find('O') + 1);
        if (value.empty() && k + 1 < w.size()) value = w[k + 1].text;
      } else {
        continue;
      }
      return value == "-" || value == "/dev/stdout";
    }
    return false;
  }
  return false;
}

bool is_shell(std::string_view n) {
  return n == "sh" || n == "bash" || n == "zsh" || n == "dash" || n == "ksh" || n == "ash";
}

bool is_powershell(std::string_view n) {
  std::string l = to_lower(n);
  return l == "pwsh" || l == "pwsh.exe" || l == "powershell" || l == "powershell.exe";
}

// PowerShell's parameters that take a value (so the next word is not a file).
bool powershell_takes_value(std::string_view lowered) {
  for (std::string_view p : {"-executionpolicy", "-ep", "-ex", "-workingdirectory", "-wd",
                             "-outputformat", "-of", "-o", "-inputformat", "-if", "-inp",
                             "-windowstyle", "-w", "-configurationname", "-settingsfile"}) {
    if (lowered == p) return true;
  }
  return false;
}

bool is_command_parameter(std::string_view lowered) {
  return lowered == "-command" || lowered == "-c" || lowered == "-com";
}

// True iff PowerShell runs its standard input: `pwsh -`, `-Command -`,
// `-File -`, or no script or command at all (it reads commands from a pipe).
bool powershell_runs_stdin(const ShellCommand& c) {
  const auto& w = c.words;
  for (std::size_t k = c.command_index + 1; k < w.size(); ++k) {
    std::string a = to_lower(w[k].text);
    if (a == "-") return true;
    if (is_command_parameter(a) || a == "-file" || a == "-f") {
      return k + 1 < w.size() && w[k + 1].text == "-";
    }
    if (a == "-encodedcommand" || a == "-e" || a == "-ec") return false;
    if (powershell_takes_value(a)) {
      ++k;
      continue;
    }
    if (a.starts_with('-')) continue;
    return false;  // a script file (pwsh) or a command (Windows PowerShell)
  }
  return true;
}

// The PowerShell code a `pwsh`/`powershell` command runs from its arguments:
// what follows `-Command`, or, for Windows PowerShell, its first word that is
// not a parameter. Empty when it runs a file or its standard input.
std::string powershell_code(const ShellCommand& c) {
  const ShellWord* prog = c.program();
  bool windows_powershell = prog && to_lower(name_of(*prog)).starts_with("powershell");
  const auto& w = c.words;
  std::size_t from = w.size();
  for (std::size_t k = c.command_index + 1; k < w.size(); ++k) {
    std::string a = to_lower(w[k].text);
    if (is_command_parameter(a)) {
      from = k + 1;
      break;
    }
    if (a == "-file" || a == "-f" || a == "-encodedcommand" || a == "-e" || a == "-ec") return {};
    if (powershell_takes_value(a)) {
      ++k;
      continue;
    }
    if (a.starts_with('-')) continue;
    if (!windows_powershell) return {};  // pwsh runs a script file
    from = k;
    break;
  }
  std::string code;
  for (std::size_t j = from; j < w.size(); ++j) {
    code += w[j].text;
    code += ' ';
  }
  return code;
}

// True iff PowerShell code runs what it downloads: Invoke-Expression (`iex`)
// or a script block made from text, together with a download to memory
// (Invoke-WebRequest/Invoke-RestMethod and their aliases, WebClient's
// DownloadString). Compared word by word, in any case.
bool powershell_runs_download(std::string_view code) {
  bool evaluates = false, creates = false, script_block = false, downloads = false;
  std::size_t i = 0;
  while (i < code.size()) {
    auto word_char = [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_';
    };
    if (!word_char(code[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < code.size() && word_char(code[j])) ++j;
    std::string w = to_lower(code.substr(i, j - i));
    i = j;
    if (w == "iex" || w == "invoke-expression") evaluates = true;
    if (w == "create") creates = true;
    if (w == "scriptblock") script_block = true;
    if (w == "iwr" || w == "irm" || w == "invoke-webrequest" || w == "invoke-restmethod" ||
        w == "downloadstring" || w == "curl" || w == "wget") {
      downloads = true;
    }
  }
  return downloads && (evaluates || (creates && script_block));
}

bool is_interpreter(std::string_view n) {
  return n == "python" || n == "python2" || n == "python3" || n == "perl" || n == "ruby" ||
         n == "node" || n == "php";
}

// A path that names the process's own standard input.
bool is_stdin_path(std::string_view a) {
  return a == "/dev/stdin" || a == "/dev/fd/0" || a == "/proc/self/fd/0";
}

// True iff the command executes its standard input as code.
bool runs_stdin(const ShellCommand& c) {
  const ShellWord* prog = c.program();
  if (!prog || !prog->literal) return false;
  std::string_view name = name_of(*prog);
  if (name == "source" || name == ".") {
    std::size_t k = c.command_index + 1;
    return k < c.words.size() && is_stdin_path(c.words[k].text);
  }
  if (is_powershell(name)) return powershell_runs_stdin(c);
  bool shell = is_shell(name);
  if (!shell && !is_interpreter(name)) return false;
  for (std::size_t k = c.command_index + 1; k < c.words.size(); ++k) {
    std::string_view a = c.words[k].text;
    if (a == "-" || is_stdin_path(a)) return true;
    if (a == "--") continue;
    if (short_cluster(a)) {
      if (shell && a.find('s') != std::string_view::npos) return true;
      if (a.find('c') != std::string_view::npos || (!shell && (a == "-e" || a == "-m"))) {
        return false;
      }
      continue;
    }
    if (a.starts_with("--")) continue;
    return false;  // a script file
  }
  return true;
}

// A command that runs code given as an argument or file: shells, eval, source.
bool runs_argument(const ShellCommand& c) {
  const ShellWord* prog = c.program();
  if (!prog || !prog->literal) return false;
  std::string_view n = name_of(*prog);
  return is_shell(n) || is_interpreter(n) || n == "eval" || n == "source" || n == ".";
}

bool substitution_downloads(const ShellWord& w) {
  for (const ShellPipeline& p : w.substitutions) {
    for (const ShellCommand& c : p.commands) {
      if (downloads_to_stdout(c)) return true;
    }
  }
  return false;
}

void walk(const ShellScript& s, const std::vector<ShellPipeline>& pipelines, FindingSink& out,
          int depth) {
  for (const ShellPipeline& p : pipelines) {
    for (std::size_t i = 0; i < p.commands.size(); ++i) {
      const ShellCommand& c = p.commands[i];
      if (downloads_to_stdout(c)) {
        for (std::size_t j = i + 1; j < p.commands.size(); ++j) {
          if (!runs_stdin(p.commands[j])) continue;
          out.add(make_object_finding(k_info, s.file, c.where, s.object,
                                      std::string(name_of(*c.program())) +
                                          " output is piped into " +
                                          std::string(name_of(*p.commands[j].program())) +
                                          ": a downloaded script runs unverified"));
          break;
        }
      }
      if (runs_stdin(c)) {
        for (const ShellWord& here : c.here_strings) {
          if (!substitution_downloads(here)) continue;
          out.add(make_object_finding(k_info, s.file, c.where, s.object,
                                      std::string(name_of(*c.program())) +
                                          " runs a download given as a here-string: a "
                                          "downloaded script runs unverified"));
          break;
        }
      }
      if (runs_argument(c)) {
        for (std::size_t k = c.command_index + 1; k < c.words.size(); ++k) {
          if (!substitution_downloads(c.words[k])) continue;
          out.add(make_object_finding(k_info, s.file, c.where, s.object,
                                      std::string(name_of(*c.program())) +
                                          " runs the output of a download: a downloaded "
                                          "script runs unverified"));
          break;
        }
      }
      if (const ShellWord* prog = c.program(); prog && prog->literal &&
                                               is_powershell(name_of(*prog)) &&
                                               powershell_runs_download(powershell_code(c))) {
        out.add(make_object_finding(k_info, s.file, c.where, s.object,
                                    std::string(name_of(*prog)) +
                                        " evaluates what it downloads (Invoke-Expression): a "
                                        "downloaded script runs unverified"));
      }
      if (depth >= k_max_depth) continue;
      for (const ShellWord& w : c.words) walk(s, w.substitutions, out, depth + 1);
      for (const ShellWord& w : c.here_strings) walk(s, w.substitutions, out, depth + 1);
    }
  }
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const ShellScript& s : inventory.scripts) {
    if (!k_info.surfaces.has(s.surface)) continue;
    walk(s, s.pipelines, out, 0);
  }
}

}  // namespace

extern const Rule k_pipe_to_shell{k_info, RuleScope::unit, check};

}  // namespace vern
