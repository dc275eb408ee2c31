#include "image/interest.h"

#include <array>

namespace vern {

namespace {

std::string_view base_name(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Package manager files whose content builds the package inventory.
constexpr std::array<std::string_view, 6> k_package_dbs = {
    "var/lib/dpkg/status",      "lib/apk/db/installed",
    "var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite",
    "var/lib/rpm/Packages",     "usr/lib/sysimage/rpm/Packages",
};

constexpr std::array<std::string_view, 6> k_os_files = {
    "etc/os-release",     "usr/lib/os-release", "etc/alpine-release",
    "etc/debian_version", "etc/redhat-release", "etc/lsb-release",
};

}  // namespace

KeepReason keep_reason(std::string_view path) {
  for (std::string_view p : k_package_dbs) {
    if (path == p) return KeepReason::package_db;
  }
  if (starts_with(path, "var/lib/dpkg/status.d/") && !ends_with(path, ".md5sums") &&
      path.find('/', 22) == std::string_view::npos) {
    return KeepReason::package_db;
  }
  for (std::string_view p : k_os_files) {
    if (path == p) return KeepReason::os_release;
  }
  std::string_view base = base_name(path);
  if (base == ".npmrc" || base == ".pypirc" || base == ".netrc" ||
      ends_with(path, ".docker/config.json") || ends_with(path, ".kube/config")) {
    return KeepReason::credential;
  }
  return KeepReason::none;
}

std::string_view secret_kind_by_name(std::string_view path) {
  std::string_view base = base_name(path);
  if (base == "id_rsa" || base == "id_dsa" || base == "id_ecdsa" || base == "id_ed25519") {
    return "SSH private key";
  }
  if (base == ".env" ||
      (starts_with(base, ".env.") && !ends_with(base, ".example") && !ends_with(base, ".sample") &&
       !ends_with(base, ".template") && !ends_with(base, ".dist"))) {
    return "dotenv file";
  }
  if (ends_with(path, ".aws/credentials")) return "AWS credentials";
  if (base == ".git-credentials") return "git credentials";
  if (ends_with(path, "gcloud/application_default_credentials.json") ||
      ends_with(path, "gcloud/credentials.db")) {
    return "Google Cloud credentials";
  }
  if (ends_with(path, ".azure/accessTokens.json") ||
      ends_with(path, ".azure/msal_token_cache.json")) {
    return "Azure credentials";
  }
  return {};
}

std::string_view secret_kind_by_content(std::string_view path, std::string_view content) {
  std::string_view base = base_name(path);
  if (base == ".npmrc") {
    if (content.find("_authToken") != std::string_view::npos ||
        content.find("_auth=") != std::string_view::npos ||
        content.find("_password") != std::string_view::npos) {
      return "npm token";
    }
    return {};
  }
  if (base == ".pypirc") {
    return content.find("password") != std::string_view::npos ? "PyPI credentials"
                                                              : std::string_view{};
  }
  if (base == ".netrc") {
    return content.find("password") != std::string_view::npos ? "netrc credentials"
                                                              : std::string_view{};
  }
  if (ends_with(path, ".docker/config.json")) {
    return content.find("\"auth\"") != std::string_view::npos ? "Docker registry credentials"
                                                              : std::string_view{};
  }
  if (ends_with(path, ".kube/config")) {
    return (content.find("token:") != std::string_view::npos ||
            content.find("client-key-data:") != std::string_view::npos)
               ? "Kubernetes credentials"
               : std::string_view{};
  }
  return {};
}

bool has_private_key(std::string_view data) {
  constexpr std::string_view k_begin = "-----BEGIN ";
  constexpr std::string_view k_end = "PRIVATE KEY-----";
  std::size_t at = 0;
  while ((at = data.find(k_begin, at)) != std::string_view::npos) {
    std::string_view rest = data.substr(at + k_begin.size(), 40);
    std::size_t eol = rest.find('\n');
    if (rest.substr(0, eol).find(k_end) != std::string_view::npos) return true;
    at += k_begin.size();
  }
  return false;
}

}  // namespace vern
