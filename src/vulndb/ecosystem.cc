#include "vulndb/ecosystem.h"

#include <cctype>
#include <vector>

#include "util/strings.h"

namespace vern::vulndb {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t at = s.find(sep);
    out.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

// "3.19.1" -> "3.19"; "12.5" -> "12" when `parts` is 1.
std::string leading_parts(std::string_view version, int parts) {
  std::size_t at = 0;
  for (int i = 0; i < parts; ++i) {
    at = version.find('.', at);
    if (at == std::string_view::npos) return std::string(version);
    if (i + 1 < parts) ++at;
  }
  return std::string(version.substr(0, at));
}

bool starts_with_digit(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

}  // namespace

std::string ecosystem_from_osv(std::string_view name) {
  auto parts = split(name, ':');
  std::string distro = to_lower(parts[0]);
  std::string_view release = parts.size() > 1 ? parts[1] : std::string_view();
  if (distro == "alpine") {
    return ecosystem_from_alpine_branch(release);
  }
  if (distro == "debian" || distro == "rocky linux" || distro == "almalinux" ||
      distro == "mageia" || distro == "opensuse" || distro == "suse" || distro == "wolfi" ||
      distro == "chainguard") {
    if (distro == "rocky linux") distro = "rocky";
    if (release.empty()) return distro;
    // "Rocky Linux:9" and "AlmaLinux:9" are major releases already.
    return distro + ":" + to_lower(release);
  }
  if (distro == "ubuntu") {
    // "Ubuntu:22.04:LTS", "Ubuntu:Pro:18.04:LTS", "Ubuntu:Pro:FIPS:20.04:LTS".
    std::string key = "ubuntu";
    for (std::size_t i = 1; i < parts.size(); ++i) {
      if (parts[i] == "LTS") continue;
      key += ":" + to_lower(parts[i]);
    }
    return key;
  }
  if (distro == "red hat") {
    // "Red Hat:enterprise_linux:9::appstream", "Red Hat:rhel_eus:8.6::baseos".
    for (std::size_t i = 1; i < parts.size(); ++i) {
      if (starts_with_digit(parts[i])) return "rhel:" + leading_parts(parts[i], 1);
    }
    return "rhel";
  }
  return to_lower(name);
}

std::optional<std::string> ecosystem_from_debian_codename(std::string_view codename) {
  static constexpr struct {
    std::string_view name;
    std::string_view release;
  } k_releases[] = {{"jessie", "8"},    {"stretch", "9"}, {"buster", "10"}, {"bullseye", "11"},
                    {"bookworm", "12"}, {"trixie", "13"}, {"forky", "14"},  {"sid", "sid"}};
  for (const auto& r : k_releases) {
    if (r.name == codename) return "debian:" + std::string(r.release);
  }
  return std::nullopt;
}

std::string ecosystem_from_alpine_branch(std::string_view branch) {
  if (!branch.empty() && branch[0] == 'v') branch.remove_prefix(1);
  if (branch.empty()) return "alpine";
  return "alpine:" + to_lower(branch);
}

std::string ecosystem_for_os(const OsRelease& os) {
  std::string id = to_lower(os.id);
  const std::string& v = os.version_id;
  if (id == "debian") {
    if (!v.empty()) return "debian:" + leading_parts(v, 1);
    if (auto k = ecosystem_from_debian_codename(os.codename)) return *k;
    return "debian:sid";
  }
  if (id == "ubuntu") return v.empty() ? "" : "ubuntu:" + v;
  if (id == "alpine") return v.empty() ? "" : "alpine:" + leading_parts(v, 2);
  if (id == "rhel" || id == "centos" || id == "rocky" || id == "almalinux") {
    std::string distro = id == "centos" ? "rhel" : id;
    return v.empty() ? "" : distro + ":" + leading_parts(v, 1);
  }
  if (id == "wolfi" || id == "chainguard") return id;
  if (id.empty()) return "";
  return v.empty() ? id : id + ":" + v;
}

VersionScheme scheme_for_ecosystem(std::string_view key) {
  std::string_view distro = key.substr(0, key.find(':'));
  if (distro == "debian" || distro == "ubuntu") return VersionScheme::dpkg;
  if (distro == "alpine" || distro == "wolfi" || distro == "chainguard") return VersionScheme::apk;
  if (distro == "rhel" || distro == "rocky" || distro == "almalinux" || distro == "fedora" ||
      distro == "opensuse" || distro == "suse" || distro == "mageia" || distro == "openeuler") {
    return VersionScheme::rpm;
  }
  return VersionScheme::unknown;
}

}  // namespace vern::vulndb
