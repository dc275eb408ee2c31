// Compose variable interpolation, statically: what a value is when the
// environment is unknown.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vern::compose {

// The literal value of `text` after interpolation, or nullopt when it depends
// on the environment. `$$` is a literal `$`; `${VAR:-default}` and
// `${VAR-default}` with a non-empty default count as their default (the
// catalog treats such defaults as literals); `${VAR}`, `$VAR`, `${VAR:?err}`
// and an empty default are dynamic.
std::optional<std::string> interpolate(std::string_view text);

// As interpolate(), but an empty default counts as the empty string: where
// nothing written has a meaning of its own (`${BIND:-}:80:80` binds every
// interface unless BIND is set).
std::optional<std::string> interpolate_keeping_empty(std::string_view text);

}  // namespace vern::compose
