// rpm version ordering. rpm_vercmp is rpmvercmp(): versions split into
// alphanumeric segments (other characters only separate), numbers compare
// numerically and beat letters, `~` sorts before everything (pre-releases)
// and `^` after the base version but before anything else (snapshots).
// rpm_compare orders full `[epoch:]version[-release]` strings the way rpm 4.18's
// `rpm.vercmp` does: epoch, then version, then release only when both have one.
//
// rpm_vercmp is a total order on every input. rpm_compare is not transitive
// across strings with and without a release (1.0-1 = 1.0 = 1.0-2), exactly as
// rpm behaves; callers that sort should give every operand a release or none.
#pragma once

#include <string_view>

namespace vern::vulndb {

// -1, 0 or 1 as a is older than, equal to or newer than b.
int rpm_vercmp(std::string_view a, std::string_view b);

// -1, 0 or 1 comparing two EVR strings.
int rpm_compare(std::string_view a, std::string_view b);

}  // namespace vern::vulndb
