// Build and script facts: what a Dockerfile says beyond its final container
// (stages, ARGs, ADD/COPY sources, RUN commands) and the shell commands found in
// scripts, CI files and docs. Translators fill these; rules such as
// pipe-to-shell, remote-add, secret-in-build-arg, copy-whole-context and
// invalid-command read them. Plain values, no behaviour beyond small queries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/image_ref.h"
#include "model/located.h"
#include "model/surface.h"
#include "model/workload.h"

namespace vern {

struct ShellPipeline;

// One word of a shell command after quote removal. `literal` is false when the
// word holds an expansion whose value is unknown (`$VAR`, `$(cmd)`, a glob is
// still literal text); `text` then keeps the word as written.
struct ShellWord {
  std::string text;
  Location where;
  bool literal = true;
  // Commands inside `$(…)`, backticks or `<(…)` within this word, in order.
  std::vector<ShellPipeline> substitutions;
};

// A simple command: its words, including leading assignments and prefix
// commands (`sudo -E`, `exec`, `time`, `env X=1`, `nohup`, `command`).
struct ShellCommand {
  std::vector<ShellWord> words;
  // Index in `words` of the command that actually runs after the prefixes and
  // assignments; == words.size() when there is none (a bare assignment).
  std::size_t command_index = 0;
  Location where;  // first word
  // Words given to the command's standard input by `<<<` here-strings, in order.
  std::vector<ShellWord> here_strings;

  // The word that names the program run, or nullptr.
  const ShellWord* program() const {
    return command_index < words.size() ? &words[command_index] : nullptr;
  }
};

// Commands joined by `|`. A list of pipelines joined by `;`, `&&`, `||`, `&`
// or newlines is kept as separate pipelines.
struct ShellPipeline {
  std::vector<ShellCommand> commands;
  Location where;
};

// The commands of one place: a Dockerfile RUN instruction, a shell script, a
// Makefile recipe, a CI step, a Markdown code block.
struct ShellScript {
  Surface surface = Surface::run;  // dockerfile for RUN instructions
  std::string file;
  std::string object;  // names the place in findings: "Dockerfile", "script deploy.sh"
  Location where;
  std::vector<ShellPipeline> pipelines;
};

// A problem with a `docker run`/`create` line that the docker CLI would reject.
struct CommandIssue {
  std::string file;
  std::string object;   // "docker run nginx"
  Location where;       // the offending word
  std::string message;  // "unknown flag --d", "flag --name needs a value"
};

// `ARG name[=default]`.
struct BuildArg {
  std::string name;
  Location where;
  Located<std::string> default_value;  // absent when no default is written
  int stage = -1;                      // index of the stage; -1 before the first FROM
  // `ONBUILD ARG`: declared in every build FROM this image.
  bool onbuild = false;
};

// `ADD`/`COPY` and their sources.
struct BuildCopy {
  std::string instruction;  // "ADD" or "COPY", upper case
  Location where;           // the instruction keyword
  std::vector<Located<std::string>> sources;
  std::string destination;
  bool from_other = false;    // `--from=` (another stage or image): not the build context
  bool has_checksum = false;  // `ADD --checksum=`
  bool heredoc = false;       // sources are here-documents
  // `ONBUILD ADD`: runs in the builds FROM this image, with their context.
  bool onbuild = false;
  int stage = 0;
};

struct BuildStage {
  std::string name;  // `AS name`, lower case; empty when unnamed
  Location where;    // the FROM keyword
  Located<ImageRef> base;
  int parent = -1;  // index of the earlier stage `base` names, or -1
  // Every variable this stage's own ENV instructions set, in order, a name
  // set twice included (not those inherited from `parent`).
  std::vector<EnvVar> env;
  // What its `ONBUILD ENV` instructions set in every image built FROM it.
  std::vector<EnvVar> onbuild_env;
};

enum class IgnoreFile : std::uint8_t { unknown, present, missing };

// One Dockerfile's build facts. The final container itself is a Workload.
struct BuildFile {
  std::string file;
  Location where;  // the first instruction
  std::vector<BuildStage> stages;
  int target = -1;  // index of the stage that is built (the last, or --target)
  std::vector<BuildArg> args;
  std::vector<BuildCopy> copies;
  // A `.dockerignore` (or `<Dockerfile>.dockerignore`) beside the Dockerfile.
  IgnoreFile dockerignore = IgnoreFile::unknown;
};

}  // namespace vern
