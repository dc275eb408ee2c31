#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_sensitive_host_mount;

namespace {

using test::container;
using test::volume;
using test::workload;

test::WorkloadBuilder compose_mount(const std::string& path) {
  return workload(Surface::compose).with(container("web")).mount(volume("bind", path));
}

TEST(SensitiveHostMount, Cases) {
  test::expect_cases(
      k_sensitive_host_mount,
      {
          {"/etc", compose_mount("/etc"), {"service \"web\" mounts host path /etc"}},
          {"below /etc",
           compose_mount("/etc/nginx/"),
           {"service \"web\" mounts host path /etc/nginx/"}},
          {"root of the host", compose_mount("/"), {"service \"web\" mounts host path /"}},
          {"~ is a home folder", compose_mount("~"), {"service \"web\" mounts host path ~"}},
          {"~/data is not", compose_mount("~/data"), {}},
          {"a folder of a user's home", compose_mount("/home/alice/site"), {}},
          {"project folder", compose_mount("./data"), {}},
          {"variable", compose_mount("${DATA_DIR}"), {}},
          {"docker.sock is the socket rule's", compose_mount("/var/run/docker.sock"), {}},
          {"/var/run is the socket rule's", compose_mount("/var/run"), {}},
          {"kubernetes hostPath /proc",
           workload(Surface::kubernetes).with(container()).mount(volume("hostPath", "/proc")),
           {"volume \"vol\" mounts host path /proc"}},
          {"read-only is named",
           [] {
             auto v = volume("bind", "/var/lib/kubelet");
             v.read_only = true;
             return workload(Surface::host).with(container("web")).mount(v);
           }(),
           {"container \"web\" mounts host path /var/lib/kubelet (read-only)"}},
      });
}

TEST(SensitiveHostMount, PointsAtTheHostPath) {
  auto found =
      test::run_rule(k_sensitive_host_mount, workload(Surface::compose)
                                                 .with(container("web"))
                                                 .mount(volume("bind", "/etc", test::line(33, 9))));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where, test::line(33, 9));
  EXPECT_EQ(found[0].object, "service web");
}

}  // namespace
}  // namespace vern
