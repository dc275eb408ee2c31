// Interest: which layer entries an image read keeps content of, and which look
// like secrets. Paths are normalised layer paths: relative, no leading slash
// ("etc/os-release"). Classification only; rules decide what to report.
#pragma once

#include <string>
#include <string_view>

namespace vern {

enum class KeepReason {
  none,
  os_release,  // etc/os-release, usr/lib/os-release, alpine-release, debian_version, ...
  package_db,  // dpkg status and status.d, apk installed, rpmdb.sqlite, rpm Packages
  credential,  // a file whose name suggests credentials; its content decides
};

// Why the content of `path` should be kept, or none.
KeepReason keep_reason(std::string_view path);

// The kind of secret a file is by its name alone ("SSH private key" for
// .ssh/id_rsa, "dotenv file" for .env), or empty.
std::string_view secret_kind_by_name(std::string_view path);

// The kind of secret a credential file (KeepReason::credential) is given its
// content ("npm token" for an .npmrc with _authToken), or empty.
std::string_view secret_kind_by_content(std::string_view path, std::string_view content);

// True iff `data` holds a PEM private key header ("-----BEGIN ... PRIVATE KEY-----").
bool has_private_key(std::string_view data);

}  // namespace vern
