#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_container_socket_mount;

namespace {

using test::container;
using test::volume;
using test::workload;

TEST(ContainerSocketMount, Cases) {
  test::expect_cases(
      k_container_socket_mount,
      {
          {"compose docker.sock",
           workload(Surface::compose)
               .with(container("web"))
               .mount(volume("bind", "/var/run/docker.sock")),
           {"service \"web\" mounts the container engine socket /var/run/docker.sock"}},
          {"kubernetes hostPath containerd.sock",
           workload(Surface::kubernetes)
               .with(container())
               .mount(volume("hostPath", "/run/containerd/containerd.sock")),
           {"volume \"vol\" mounts the container engine socket /run/containerd/containerd.sock"}},
          {"the /var/run folder with a trailing slash",
           workload(Surface::run).with(container()).mount(volume("bind", "/var/run/")),
           {"docker run mounts /var/run/, a folder that holds container engine sockets"}},
          {"read-only does not help",
           [] {
             auto v = volume("bind", "/var/run/docker.sock");
             v.read_only = true;
             return workload(Surface::compose).with(container("web")).mount(v);
           }(),
           {"service \"web\" mounts the container engine socket /var/run/docker.sock (read-only, "
            "which leaves the API writable)"}},
          {"a named volume",
           workload(Surface::compose).with(container("web")).mount(volume("volume")),
           {}},
          {"a sensitive path is not a socket",
           workload(Surface::compose).with(container("web")).mount(volume("bind", "/etc")),
           {}},
          {"a variable is unknown",
           workload(Surface::compose).with(container("web")).mount(volume("bind", "${SOCK}")),
           {}},
          {"a variable mounted at the socket's path is the socket",
           [] {
             auto v = volume("bind");
             v.host_path = Located<std::string>::dynamic(test::line(30));
             v.target = "/var/run/docker.sock";
             return workload(Surface::compose).with(container("web")).mount(v);
           }(),
           {"service \"web\" mounts a host path set by a variable at /var/run/docker.sock, the "
            "container engine socket's path"}},
          {"a variable mounted elsewhere is unknown",
           [] {
             auto v = volume("bind");
             v.host_path = Located<std::string>::dynamic(test::line(30));
             v.target = "/var/run";
             return workload(Surface::compose).with(container("web")).mount(v);
           }(),
           {}},
      });
}

}  // namespace
}  // namespace vern
