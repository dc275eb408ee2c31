// VersionScheme: which package manager's ordering applies to an ecosystem's
// versions, and one entry point that compares with it.
#pragma once

#include <cstdint>
#include <string_view>

namespace vern::vulndb {

enum class VersionScheme : std::uint8_t {
  dpkg,     // Debian, Ubuntu
  apk,      // Alpine, Wolfi, Chainguard
  rpm,      // Red Hat, Rocky, AlmaLinux, Fedora, SUSE, ...
  unknown,  // ordering not known: only exact version lists can match
};

// -1, 0 or 1. For `unknown`, 0 iff the strings are identical, else byte order.
int compare_versions(VersionScheme scheme, std::string_view a, std::string_view b);

}  // namespace vern::vulndb
