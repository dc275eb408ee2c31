#include "rules/catalog.h"

#include <algorithm>
#include <array>

namespace vern {

// Each rule is defined in its own file (src/rules/<slug>.cc).
// Keep both lists sorted by slug; a test checks the order.

extern const Rule k_apparmor_unconfined;
extern const Rule k_capabilities_not_dropped;
extern const Rule k_container_socket_mount;
extern const Rule k_copy_whole_context;
extern const Rule k_dangerous_capability;
extern const Rule k_database_on_public_network;
extern const Rule k_default_bridge_network;
extern const Rule k_deprecated_api;
extern const Rule k_disallowed_volume_type;
extern const Rule k_docker_api_exposed;
extern const Rule k_docker_socket_permissions;
extern const Rule k_exposed_database_port;
extern const Rule k_host_ipc;
extern const Rule k_host_network;
extern const Rule k_host_pid;
extern const Rule k_host_port;
extern const Rule k_host_user_namespace;
extern const Rule k_image_latest_tag;
extern const Rule k_image_not_pinned;
extern const Rule k_inter_container_communication;
extern const Rule k_invalid_command;
extern const Rule k_kernel_escape_cve;
extern const Rule k_live_restore_disabled;
extern const Rule k_lsm_disabled;
extern const Rule k_missing_network_policy;
extern const Rule k_namespace_without_pod_security;
extern const Rule k_no_cpu_limit;
extern const Rule k_no_healthcheck;
extern const Rule k_no_memory_limit;
extern const Rule k_no_new_privileges_default;
extern const Rule k_no_pids_limit;
extern const Rule k_pipe_to_shell;
extern const Rule k_port_all_interfaces;
extern const Rule k_privilege_escalation;
extern const Rule k_privileged;
extern const Rule k_privileged_port;
extern const Rule k_psp_not_restricted;
extern const Rule k_remote_add;
extern const Rule k_root_user;
extern const Rule k_seccomp_unconfined;
extern const Rule k_secret_deleted_in_later_layer;
extern const Rule k_secret_file_in_image;
extern const Rule k_secret_in_build_arg;
extern const Rule k_secret_in_env;
extern const Rule k_sensitive_host_mount;
extern const Rule k_service_account_token_mounted;
extern const Rule k_setuid_file;
extern const Rule k_shared_kernel_host;
extern const Rule k_untrusted_registry;
extern const Rule k_userns_remap_disabled;
extern const Rule k_vulnerable_package;
extern const Rule k_world_writable_file;
extern const Rule k_writable_root_filesystem;

static constexpr std::array<const Rule*, 53> k_catalog = {
    &k_apparmor_unconfined,
    &k_capabilities_not_dropped,
    &k_container_socket_mount,
    &k_copy_whole_context,
    &k_dangerous_capability,
    &k_database_on_public_network,
    &k_default_bridge_network,
    &k_deprecated_api,
    &k_disallowed_volume_type,
    &k_docker_api_exposed,
    &k_docker_socket_permissions,
    &k_exposed_database_port,
    &k_host_ipc,
    &k_host_network,
    &k_host_pid,
    &k_host_port,
    &k_host_user_namespace,
    &k_image_latest_tag,
    &k_image_not_pinned,
    &k_inter_container_communication,
    &k_invalid_command,
    &k_kernel_escape_cve,
    &k_live_restore_disabled,
    &k_lsm_disabled,
    &k_missing_network_policy,
    &k_namespace_without_pod_security,
    &k_no_cpu_limit,
    &k_no_healthcheck,
    &k_no_memory_limit,
    &k_no_new_privileges_default,
    &k_no_pids_limit,
    &k_pipe_to_shell,
    &k_port_all_interfaces,
    &k_privilege_escalation,
    &k_privileged,
    &k_privileged_port,
    &k_psp_not_restricted,
    &k_remote_add,
    &k_root_user,
    &k_seccomp_unconfined,
    &k_secret_deleted_in_later_layer,
    &k_secret_file_in_image,
    &k_secret_in_build_arg,
    &k_secret_in_env,
    &k_sensitive_host_mount,
    &k_service_account_token_mounted,
    &k_setuid_file,
    &k_shared_kernel_host,
    &k_untrusted_registry,
    &k_userns_remap_disabled,
    &k_vulnerable_package,
    &k_world_writable_file,
    &k_writable_root_filesystem,
};

std::span<const Rule* const> catalog() { return k_catalog; }

const Rule* find_rule(std::string_view slug) {
  for (const Rule* r : k_catalog) {
    if (r->info.slug == slug) return r;
  }
  return nullptr;
}

}  // namespace vern
