#include "rules/host_path.h"

#include <gtest/gtest.h>

namespace vern {
namespace {

TEST(NormalizeHostPath, CollapsesSlashesAndDots) {
  EXPECT_EQ(normalize_host_path("/var//run/"), "/var/run");
  EXPECT_EQ(normalize_host_path("//"), "/");
  EXPECT_EQ(normalize_host_path("/srv/../etc/./passwd"), "/etc/passwd");
  EXPECT_EQ(normalize_host_path("/.."), "/");
  EXPECT_EQ(normalize_host_path("./data/"), "data");
  EXPECT_EQ(normalize_host_path("."), ".");
  EXPECT_EQ(normalize_host_path("~/"), "~");
}

TEST(ClassifyHostPath, Table) {
  struct Case {
    const char* path;
    HostPathKind kind;
  };
  const Case cases[] = {
      {"/var/run/docker.sock", HostPathKind::socket},
      {"/run/containerd/containerd.sock", HostPathKind::socket},
      {"/var/run/crio/crio.sock", HostPathKind::socket},
      {"/run/user/1000/podman/podman.sock", HostPathKind::socket},
      {"~/.docker/run/docker.sock", HostPathKind::socket},
      {"/var/run", HostPathKind::socket},
      {"/var/run/", HostPathKind::socket},
      {"/run", HostPathKind::socket},
      {"//var//run//", HostPathKind::socket},
      {"/run/containerd", HostPathKind::socket},
      {"/var/run/crio/", HostPathKind::socket},
      {"/var/run/cri-dockerd.sock", HostPathKind::socket},
      {"/run/containerd/io.containerd.runtime.v2.task", HostPathKind::other},
      {"/var/run/secrets", HostPathKind::other},
      {"/", HostPathKind::sensitive},
      {"/home", HostPathKind::sensitive},
      {"/home/", HostPathKind::sensitive},
      {"/root", HostPathKind::sensitive},
      {"~", HostPathKind::sensitive},
      {"/etc", HostPathKind::sensitive},
      {"/etc/ssl/certs", HostPathKind::sensitive},
      {"/proc", HostPathKind::sensitive},
      {"/sys/fs/cgroup", HostPathKind::sensitive},
      {"/dev", HostPathKind::sensitive},
      {"/boot", HostPathKind::sensitive},
      {"/var/lib/docker", HostPathKind::sensitive},
      {"/var/lib/docker/volumes", HostPathKind::sensitive},
      {"/var/lib/kubelet/pods", HostPathKind::sensitive},
      {"/lib/modules", HostPathKind::sensitive},
      {"/srv/../etc", HostPathKind::sensitive},
      {"/home/alice/data", HostPathKind::other},
      {"/root2", HostPathKind::other},
      {"/etcetera", HostPathKind::other},
      {"/var/lib/dockerd", HostPathKind::other},
      {"~/data", HostPathKind::other},
      {"./config", HostPathKind::other},
      {"/opt/app", HostPathKind::other},
      {"${HOME}", HostPathKind::unknown},
      {"$DATA/etc", HostPathKind::unknown},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(classify_host_path(c.path), c.kind) << c.path;
  }
}

}  // namespace
}  // namespace vern
