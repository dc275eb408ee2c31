// Small helpers the importers share for reading parsed JSON defensively.
// Internal to the vulndb layer.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "util/result.h"

namespace vern::vulndb {

// Parses `text`; a syntax error or truncation becomes an Error naming `name`
// and the byte offset.
Result<nlohmann::json> parse_json(std::string_view text, std::string_view name);

// The member `key` of an object, or null when `j` is not an object or lacks it.
const nlohmann::json* member(const nlohmann::json& j, const char* key);

// The string member `key`, or "" when absent or not a string.
std::string string_member(const nlohmann::json& j, const char* key);

// True iff `s` is a non-empty token without whitespace or control bytes
// (ids, package names and versions are stored separated by those).
bool clean_token(std::string_view s);

// The first line of `s`, at most 200 bytes, without trailing spaces.
std::string first_line(std::string_view s);

}  // namespace vern::vulndb
