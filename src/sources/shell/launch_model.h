// Maps the value of one recognised `docker run` flag into the Workload and its
// Container. Knows docker's spellings (`-v src:dst:ro`, `--mount k=v,…`,
// `--security-opt seccomp=unconfined`), nothing about what is secure.
#pragma once

#include <string>

#include "model/workload.h"
#include "sources/shell/docker_flags.h"

namespace vern::shell {

struct FlagValue {
  std::string text;  // the value, or "true"/"false" for a boolean flag
  Location where;    // the flag
  bool literal = true;
};

// Applies `value` of flag `id`. REQUIRES: w.containers.size() == 1.
void apply_flag(FlagId id, const FlagValue& value, Workload& w);

}  // namespace vern::shell
