// Compose translator: a Compose file into one Workload per service, plus the
// project's networks.
#pragma once

#include <string_view>

#include "sources/translation.h"
#include "yaml/node.h"

namespace vern {

// Translates a Compose file. `path` is stored in the model objects and errors.
Translation translate_compose(std::string_view path, std::string_view content);
Translation translate_compose(std::string_view path, const yaml::Document& doc);

}  // namespace vern
