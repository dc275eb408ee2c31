// Ecosystems: the (distribution, release) an advisory applies to, spelled one
// way whatever the source called it, and the version ordering that applies.
//
// Canonical keys are lower case "<distro>:<release>": "debian:12",
// "alpine:3.19", "ubuntu:22.04", "rhel:9", "rocky:9". OSV names that are not
// distributions ("PyPI", "npm", ...) are kept, lower-cased, as their own key.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/package.h"
#include "vulndb/version/scheme.h"

namespace vern::vulndb {

// The canonical key of an OSV ecosystem name ("Debian:12", "Alpine:v3.19",
// "Ubuntu:22.04:LTS", "Red Hat:enterprise_linux:9::appstream").
std::string ecosystem_from_osv(std::string_view name);

// The key for a Debian release codename ("bookworm" -> "debian:12"); nullopt
// for a codename this version of vern does not know.
std::optional<std::string> ecosystem_from_debian_codename(std::string_view codename);

// The key for an Alpine secdb branch ("v3.19" -> "alpine:3.19").
std::string ecosystem_from_alpine_branch(std::string_view branch);

// The key for an installed OS (/etc/os-release facts); empty when unknown.
std::string ecosystem_for_os(const OsRelease& os);

// The version ordering of a canonical key.
VersionScheme scheme_for_ecosystem(std::string_view key);

}  // namespace vern::vulndb
