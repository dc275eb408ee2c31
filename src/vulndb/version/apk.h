// apk (Alpine) version ordering, following apk-tools:
// `digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]`, where the suffixes
// order _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p,
// a number with a leading zero compares as a string against its peer, and at
// the first difference in shape the shorter version is older unless the longer
// one continues with a pre-release suffix.
//
// Total on every input: an invalid version is ordered up to its first invalid
// token, as apk itself does, so callers can sort with it.
#pragma once

#include <string_view>

namespace vern::vulndb {

// -1, 0 or 1 as a is older than, equal to or newer than b.
int apk_compare(std::string_view a, std::string_view b);

// Like apk_compare, but a version equal to b up to b's end compares equal to it
// (apk's `~` dependency operator: 3.6.9 ~ 3.6).
int apk_compare_fuzzy(std::string_view a, std::string_view b);

// True iff apk would accept `v` as a version.
bool apk_valid(std::string_view v);

}  // namespace vern::vulndb
