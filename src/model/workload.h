// Workload and Container: the one model every surface is translated into.
// A Kubernetes pod template, a Compose service, a Dockerfile's final stage, a
// `docker run` line, a running container and an image config all become a
// Workload; rules read only these structs.
//
// Conventions shared by all translators:
// - Located<T>::where points at the value, or at the key that should hold it
//   (the container entry, the service key, the `docker` word) when absent.
// - A value the source spells with an unresolved variable is Presence::dynamic;
//   rules never guess it.
// - Pod-level Kubernetes settings that containers inherit (runAsNonRoot,
//   runAsUser, seccompProfile) are already resolved into each Container.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/image_ref.h"
#include "model/located.h"
#include "model/surface.h"

namespace vern {

// An environment variable. value is literal for a plain value, dynamic for an
// interpolation or reference (`${X}`, valueFrom), absent when no value is given.
struct EnvVar {
  std::string name;
  Location where;  // the variable's name
  Located<std::string> value;
};

// A port the container listens on, and whether and where it is published.
struct PortMapping {
  Location where;
  int container_first = 0;  // container side; 0 when unknown
  int container_last = 0;   // == container_first unless a range
  bool published = false;   // reachable from outside the container's network
  // Host address it binds; absent means every interface. "0.0.0.0" and "::"
  // are kept as written (rules treat them as every interface too).
  Located<std::string> host_ip;
  int host_first = 0;  // 0: random or unknown
  int host_last = 0;
  std::string protocol = "tcp";
  bool k8s_host_port = false;  // published through a Kubernetes `hostPort`
  // The container port's own value when it is written apart from the mapping
  // (Kubernetes `containerPort`); unknown when `where` is the place for both.
  Location container_where;
  // The mapping as written when a variable without a default leaves part of
  // it unknown (`${APP_PORT}:8065`), for messages; empty otherwise.
  std::string written;
};

// A volume or mount. For Kubernetes these are the pod's volumes (type as the
// API names it: hostPath, emptyDir, configMap, ...); for Compose, `docker run`
// and live containers they are the mounts (bind, volume, tmpfs, npipe).
struct Volume {
  std::string type;                // "bind", "volume", "tmpfs", "hostPath", "emptyDir", "nfs", ...
  std::string name;                // pod volume name or named volume
  Located<std::string> host_path;  // bind source / hostPath.path; literal only for host paths
  std::string target;              // container path, when known
  bool read_only = false;
  // An image volume's reference (Kubernetes `image.reference`, Compose
  // `type: image` source): absent for other volumes. Image rules check it.
  Located<ImageRef> image;
  Location where;
};

struct Capabilities {
  std::vector<Located<std::string>> add;  // as written (any case, with or without CAP_)
  std::vector<Located<std::string>> drop;
  Location where;  // where a `drop` list would go (securityContext / service key / docker word)
};

// Normalised profile spellings used by seccomp and apparmor fields.
inline constexpr const char* k_profile_unconfined = "Unconfined";
inline constexpr const char* k_profile_runtime_default = "RuntimeDefault";
inline constexpr const char* k_profile_localhost = "Localhost";

// Each limit is literal only when a limit is set (a non-zero value; > 0 for
// PIDs). A value that means "no limit" (`mem_limit: 0`, `pids_limit: -1`) is
// written_absent: absent at the place it is written, with what was written.
struct Resources {
  Located<std::string> memory_limit;
  Located<std::string> cpu_limit;
  Located<std::string> pids_limit;
};

enum class ContainerRole : std::uint8_t { main, init, ephemeral };

struct Container {
  std::string name;  // container name, service name, stage name; may be empty
  Location where;    // the container's entry: where missing settings would be written
  ContainerRole role = ContainerRole::main;

  Located<ImageRef> image;

  // Identity. `user` is the Docker spelling "user[:group]"; Kubernetes uses the
  // two securityContext fields instead (already merged with the pod's).
  Located<std::string> user;
  Located<bool> run_as_non_root;
  Located<std::int64_t> run_as_user;

  Located<bool> privileged;
  Located<bool> allow_privilege_escalation;  // Kubernetes
  Located<bool> no_new_privileges;           // Docker security_opt / --security-opt
  Capabilities caps;
  Located<std::string> seccomp;   // k_profile_* or a profile path
  Located<std::string> apparmor;  // k_profile_* or a profile name
  Located<bool> read_only_rootfs;

  std::vector<PortMapping> ports;
  std::vector<EnvVar> env;
  Resources resources;
  // HEALTHCHECK of a Dockerfile's final stage or an image config; literal false
  // for `HEALTHCHECK NONE`. Other surfaces leave it absent.
  Located<bool> healthcheck;
};

// Object-level suppression written on the object itself (Kubernetes
// annotation `vern.dev/ignore`).
struct InlineSuppression {
  std::string rule;
  Location where;
};

struct Workload {
  Surface surface = Surface::kubernetes;
  std::string file;  // path as given on the command line; empty for live objects
  std::string kind;  // "Deployment", "service", "stage", "docker run", "container", "image"
  std::string name;
  std::string ns;  // Kubernetes namespace ("default" when unset); empty elsewhere
  std::string api_version;
  Location where;  // the object's first line (k8s: `apiVersion`/`kind`; compose: service key)

  std::vector<Container> containers;
  // Images the workload uses besides its containers' own: the FROM of earlier
  // Dockerfile stages. Image rules check these too.
  std::vector<Located<ImageRef>> other_images;

  // Namespaces shared with the host: Kubernetes pod fields, or the Docker modes.
  Located<bool> host_network;
  Located<bool> host_pid;
  Located<bool> host_ipc;
  Located<std::string>
      network_mode;  // Docker/Compose network mode as written ("bridge", "none", ...)
  Located<std::string> userns_mode;  // "host" or empty

  std::vector<Volume> volumes;

  // Compose and `docker run`: networks joined by name (absent list = the default network).
  std::vector<Located<std::string>> networks;
  bool networks_written = false;
  // Only part of the workload is written here. Compose: the service names
  // neither an image nor a build, so it cannot run on its own: it amends a
  // service defined elsewhere (an override file's entry, `extends` of another
  // file's service). `docker run`: options come from a variable
  // (`docker run $OPTS --rm app`, a wrapper's `docker run "$@"`). What it
  // leaves unset is unknown here, not absent; findings about missing
  // settings, which point at `where`, are not made for it.
  bool partial = false;

  // Kubernetes pod-level facts.
  Location pod_spec_where;  // the pod spec (`spec:` / `template.spec:`)
  // `spec.os.name: windows`: the API refuses the Linux-only securityContext
  // fields (capabilities, seccompProfile, allowPrivilegeEscalation,
  // readOnlyRootFilesystem, ...), so rules do not ask for them.
  bool windows = false;
  Located<bool> automount_sa_token;
  std::string service_account;  // "default" when unset
  std::vector<InlineSuppression> suppressions;

  // "Deployment prod/web", "service db", "container web (3f2a1c)": names the
  // object in findings.
  std::string label() const;
  // Appends label() to `out`.
  void append_label(std::string& out) const;
};

}  // namespace vern
