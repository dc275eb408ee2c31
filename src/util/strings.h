// Small string helpers with no knowledge of vern.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vern {

// Levenshtein distance, for "did you mean ...?" hints.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// True iff `a` and `b` are equal, ASCII letters compared case-insensitively.
bool iequals(std::string_view a, std::string_view b);

// `text` with ASCII letters in lower case.
std::string to_lower(std::string_view text);

// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

}  // namespace vern
