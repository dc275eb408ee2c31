// Builders for the build and script facts of model/build.h and for daemon
// configurations, for the Dockerfile, script and daemon.json rule tests.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "model/inventory.h"
#include "rules/model_builder.h"

namespace vern::test {

// A command of literal words on `at_line`; words written "$X" are not literal.
inline ShellCommand cmd(std::initializer_list<std::string> words, int at_line = 1) {
  ShellCommand c;
  int col = 1;
  for (const std::string& w : words) {
    c.words.push_back(ShellWord{w, line(at_line, col), !w.starts_with('$'), {}});
    col += int(w.size()) + 1;
  }
  c.where = line(at_line);
  // Leading sudo is a prefix: the program is the next word.
  c.command_index = !c.words.empty() && c.words[0].text == "sudo" ? 1 : 0;
  return c;
}

inline ShellPipeline pipe(std::initializer_list<ShellCommand> commands) {
  ShellPipeline p;
  p.commands = commands;
  if (!p.commands.empty()) p.where = p.commands.front().where;
  return p;
}

// `c` with the command substitution `inner` inside its word `word`.
inline ShellCommand with_substitution(ShellCommand c, std::size_t word, ShellPipeline inner) {
  c.words.at(word).literal = false;
  c.words.at(word).substitutions.push_back(std::move(inner));
  return c;
}

inline Inventory scripts(Surface surface, std::initializer_list<ShellPipeline> pipelines) {
  Inventory inv;
  ShellScript s;
  s.surface = surface;
  s.file = surface == Surface::dockerfile ? "Dockerfile" : "deploy.sh";
  s.object = surface == Surface::dockerfile ? "Dockerfile" : "script";
  s.pipelines = pipelines;
  inv.scripts.push_back(std::move(s));
  return inv;
}

inline Inventory build(BuildFile b) {
  b.file = "Dockerfile";
  Inventory inv;
  inv.build_files.push_back(std::move(b));
  return inv;
}

inline BuildCopy copy(std::string instruction, std::vector<std::string> sources, int at_line = 3) {
  BuildCopy c;
  c.instruction = std::move(instruction);
  c.where = line(at_line);
  for (std::string& s : sources) {
    c.sources.push_back(s.starts_with('$') ? dyn<std::string>(line(at_line, 5))
                                           : lit(std::move(s), line(at_line, 5)));
  }
  c.destination = "/app/";
  return c;
}

// A daemon.json whose settings are all absent (pointing at line 1).
inline DaemonConfig daemon() {
  DaemonConfig d;
  d.file = "daemon.json";
  d.label = "daemon.json";
  d.where = line(1);
  d.tls_verify = absent<bool>();
  d.userns_remap = absent<std::string>();
  d.icc = absent<bool>();
  d.no_new_privileges = absent<bool>();
  d.live_restore = absent<bool>();
  return d;
}

inline Inventory daemon_inventory(DaemonConfig d) {
  Inventory inv;
  inv.daemon_configs.push_back(std::move(d));
  return inv;
}

inline std::vector<std::string> messages(const std::vector<Finding>& found) {
  std::vector<std::string> out;
  for (const Finding& f : found) out.push_back(f.message);
  return out;
}

}  // namespace vern::test
