// Engine translator: a Docker Engine API container object into the model.
// Two shapes share one translation, because their HostConfig is the same:
// - the inspect object of `GET /containers/{id}/json` (Config, HostConfig,
//   resolved Mounts, NetworkSettings, Name, Id), for `vern host`;
// - the body of `POST /containers/create` (Config fields at the top level,
//   HostConfig, NetworkingConfig), for the Docker authorization plugin.
// It knows the API's spelling and defaults, never what is secure.
//
// The Workload has kind "container", name "<name> (<first 12 of the id>)"
// (or the name alone when no id is known) and no file or line positions.
// Thread safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "model/surface.h"
#include "model/workload.h"
#include "util/result.h"

namespace vern {

// Largest JSON text the string overloads accept (an inspect object is a few KiB).
inline constexpr std::size_t k_engine_max_json_bytes = 8u << 20;

// Translates one inspect object. `surface` is Surface::host for a live daemon.
// Fails (invalid_input) when the text is not JSON or not an object with a
// HostConfig or Config.
Result<Workload> translate_container_inspect_json(const nlohmann::json& inspect,
                                                  Surface surface = Surface::host);
Result<Workload> translate_container_inspect(std::string_view json_text,
                                             Surface surface = Surface::host);

// Translates a container-create request body. `name` is the `?name=` query
// parameter (may be empty). Missing fields stay absent in the model (the
// daemon's defaults apply), which is what the rules need to judge a request.
Result<Workload> translate_container_create_json(const nlohmann::json& body, std::string_view name,
                                                 Surface surface = Surface::enforcement);
Result<Workload> translate_container_create(std::string_view json_text, std::string_view name,
                                            Surface surface = Surface::enforcement);

// "name (0123456789ab)": the label the Workload carries; `name` loses a leading '/'.
std::string engine_container_label(std::string_view name, std::string_view id);

}  // namespace vern
