// Package: one installed OS package found in an image, with the layer that
// added it. The vulnerability matcher reads these.
#pragma once

#include <string>
#include <vector>

namespace vern {

enum class PackageFormat { dpkg, apk, rpm };

struct Package {
  PackageFormat format = PackageFormat::dpkg;
  std::string name;
  std::string version;       // full version as the package manager writes it (epoch:upstream-revision)
  std::string architecture;
  std::string source_name;   // dpkg Source:, apk o:, rpm SOURCERPM name; == name when none
  std::string source_version;  // source package version when it differs, else == version
  std::string layer;         // diff_id (sha256:...) of the layer that added it
};

// The OS of an image, from /etc/os-release and friends.
struct OsRelease {
  std::string id;          // "debian", "alpine", "rhel", "ubuntu", ...
  std::string version_id;  // "12", "3.19.1", "9.3"
  std::string codename;    // "bookworm" when known
  std::string pretty_name;
};

struct PackageInventory {
  OsRelease os;
  std::vector<Package> packages;
};

}  // namespace vern
