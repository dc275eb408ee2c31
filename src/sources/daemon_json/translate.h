// daemon.json translator: the Docker daemon configuration file into a
// DaemonConfig (hosts, tlsverify, userns-remap, icc, no-new-privileges,
// live-restore), each setting with the position of its key, or of the
// top-level object when absent.
// Thread safety: pure function.
#pragma once

#include <string_view>

#include "sources/translation.h"

namespace vern {

// Largest daemon.json accepted (real ones are a few hundred bytes).
inline constexpr std::size_t k_max_daemon_json_bytes = 1u << 20;

// Translates `content`. A file that is not a JSON object is an error.
Translation translate_daemon_json(std::string_view path, std::string_view content);

}  // namespace vern
