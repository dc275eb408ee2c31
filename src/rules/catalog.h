// The catalog: the one explicit, sorted list of every rule.
#pragma once

#include <span>
#include <string_view>

#include "rules/rule.h"

namespace vern {

// Every rule, sorted by slug. The pointers live for the whole program.
std::span<const Rule* const> catalog();

// The rule with this slug, or nullptr.
const Rule* find_rule(std::string_view slug);

}  // namespace vern
