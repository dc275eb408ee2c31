// read_packages: the OS and the installed packages of an image, each package
// with the layer (diff_id) that installed its current version. This is the
// inventory API the vulnerability matcher builds on.
#pragma once

#include <string>
#include <vector>

#include "image/image.h"
#include "model/package.h"

namespace vern {

// dpkg (status and distroless status.d), apk and rpm (rpmdb.sqlite) packages,
// in database order. Problems reading a database are appended to `warnings`
// when given; they never hide the packages of the other databases.
PackageInventory read_packages(const Image& image, std::vector<std::string>* warnings = nullptr);

// The OS from /etc/os-release (or /usr/lib/os-release), falling back to
// /etc/alpine-release and /etc/debian_version.
OsRelease read_os_release(const Image& image);

// "pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12" and friends.
std::string package_url(const Package& p, const OsRelease& os);

}  // namespace vern
