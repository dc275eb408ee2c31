// dpkg version ordering: `[epoch:]upstream[-revision]` compared the way
// `dpkg --compare-versions` does (deb-version(7)): epochs numerically, then
// upstream and revision with verrevcmp, where `~` sorts before everything,
// even the end of the string, and letters sort before other symbols.
//
// Total on every input: a string dpkg would reject (a non-numeric epoch, bad
// characters) is still ordered consistently, so callers can sort with it.
#pragma once

#include <string_view>

namespace vern::vulndb {

// -1, 0 or 1 as a is older than, equal to or newer than b.
int dpkg_compare(std::string_view a, std::string_view b);

}  // namespace vern::vulndb
