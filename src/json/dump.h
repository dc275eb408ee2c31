// dump_json: serializes a JSON value for output. Unlike nlohmann's plain dump(),
// it never throws on text that is not valid UTF-8 (input files can hold any
// bytes): invalid sequences become U+FFFD, so reporters always write valid JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace vern {

// `value` as JSON text; compact when indent < 0, else pretty with `indent` spaces.
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

}  // namespace vern
