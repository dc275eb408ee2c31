#include "rules/host_path.h"

#include <array>
#include <vector>

#include "rules/object_finding.h"

namespace vern {

namespace {

// The engines' sockets, and the Kubernetes CRI shims in front of Docker,
// which hand over the same control.
constexpr std::array<std::string_view, 6> k_socket_names = {"docker.sock",      "containerd.sock",
                                                            "crio.sock",        "podman.sock",
                                                            "cri-dockerd.sock", "dockershim.sock"};
// The folders that hold one: /var/run/docker.sock, /run/containerd/containerd.sock,
// /var/run/crio/crio.sock, /run/podman/podman.sock.
constexpr std::array<std::string_view, 8> k_socket_folders = {
    "/run",      "/var/run",      "/run/containerd", "/var/run/containerd",
    "/run/crio", "/var/run/crio", "/run/podman",     "/var/run/podman"};
constexpr std::array<std::string_view, 4> k_sensitive_exact = {"/", "/home", "/root", "~"};
constexpr std::array<std::string_view, 8> k_sensitive_trees = {
    "/etc",        "/proc", "/sys", "/dev", "/boot", "/var/lib/docker", "/var/lib/kubelet",
    "/lib/modules"};

bool at_or_below(std::string_view path, std::string_view tree) {
  return path == tree ||
         (path.size() > tree.size() && path.starts_with(tree) && path[tree.size()] == '/');
}

}  // namespace

std::string normalize_host_path(std::string_view path) {
  bool absolute = path.starts_with('/');
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(pos, slash - pos);
    pos = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == ".." && absolute) {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  // A relative path that is only `.` segments is the current folder.
  if (parts.empty() && !absolute) return path.empty() ? std::string() : std::string(".");
  std::string out;
  for (std::string_view part : parts) {
    out += '/';
    out += part;
  }
  if (out.empty()) out += '/';
  // Relative paths and `~` paths do not start with a slash.
  return absolute ? out : out.substr(1);
}

bool names_engine_socket(std::string_view path) {
  for (std::string_view name : k_socket_names) {
    if (path.ends_with(name)) return true;
  }
  return false;
}

HostPathKind classify_host_path(std::string_view raw) {
  if (raw.find('$') != std::string_view::npos) return HostPathKind::unknown;
  std::string path = normalize_host_path(raw);
  if (names_engine_socket(path)) return HostPathKind::socket;
  for (std::string_view folder : k_socket_folders) {
    if (path == folder) return HostPathKind::socket;
  }
  for (std::string_view exact : k_sensitive_exact) {
    if (path == exact) return HostPathKind::sensitive;
  }
  for (std::string_view tree : k_sensitive_trees) {
    if (at_or_below(path, tree)) return HostPathKind::sensitive;
  }
  return HostPathKind::other;
}

void check_persistent_volumes(const RuleInfo& info, HostPathKind kind, const Inventory& inventory,
                              FindingSink& out) {
  for (const PersistentVolume& v : inventory.persistent_volumes) {
    if (!v.host_path.is_literal() || classify_host_path(v.host_path.value) != kind) continue;
    out.add(make_object_finding(info, v.file, v.host_path.where,
                                kube_object_label("PersistentVolume", "", v.name),
                                "PersistentVolume \"" + v.name + "\" is host path " +
                                    v.host_path.value + ", mounted by every pod that claims it"));
  }
}

}  // namespace vern
