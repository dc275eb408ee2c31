// Dockerfile translator: a Dockerfile/Containerfile into one Workload (surface
// dockerfile, kind "Dockerfile") whose single Container is the stage that is
// built (the last, or the --target), plus the build facts (stages, ARGs,
// ADD/COPY, RUN commands as shell pipelines) in Inventory::build_files and
// Inventory::scripts.
//
// Stage semantics follow BuildKit: a stage `FROM` an earlier stage inherits its
// USER, ENV, EXPOSE and HEALTHCHECK and is not an image reference; ARGs before
// the first FROM are visible in FROM lines only (inside a stage after `ARG NAME`);
// `${VAR:-default}` resolves to the default when VAR has no known value; a
// reference that stays unresolved is marked dynamic, never guessed.
// Thread safety: pure functions (find_dockerignore reads the file system).
#pragma once

#include <string>
#include <string_view>

#include "model/build.h"
#include "sources/translation.h"

namespace vern {

struct DockerfileOptions {
  // The stage to build (`docker build --target`); empty builds the last stage.
  std::string target;
  // Whether a .dockerignore sits beside the Dockerfile. Default: unknown, which
  // keeps copy-whole-context quiet.
  IgnoreFile dockerignore = IgnoreFile::unknown;
};

Translation translate_dockerfile(std::string_view path, std::string_view content,
                                 const DockerfileOptions& options = {});

// `<dir>/<name>.dockerignore` or `<dir>/.dockerignore` beside `dockerfile_path`.
IgnoreFile find_dockerignore(std::string_view dockerfile_path);

}  // namespace vern
