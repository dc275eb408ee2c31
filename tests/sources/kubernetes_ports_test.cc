// Port numbers outside 0-65535 in a pod spec: found while fuzzing the
// Kubernetes translator, where 4294967376 used to wrap around to port 80.
#include <gtest/gtest.h>

#include "sources/kubernetes/translate.h"

namespace vern {
namespace {

Translation pod_with_ports(const std::string& ports) {
  return translate_kubernetes("pod.yaml",
                              "apiVersion: v1\n"
                              "kind: Pod\n"
                              "metadata: {name: p}\n"
                              "spec:\n"
                              "  containers:\n"
                              "    - name: c\n"
                              "      image: nginx\n"
                              "      ports:\n" +
                                  ports);
}

TEST(KubernetesPorts, HostPortBeyond16BitsIsAnErrorNotAWrappedPort) {
  Translation t = pod_with_ports("        - {containerPort: 8080, hostPort: 4294967376}\n");
  ASSERT_EQ(t.inventory.workloads.size(), 1u);
  const std::vector<PortMapping>& ports = t.inventory.workloads[0].containers[0].ports;
  ASSERT_EQ(ports.size(), 1u);
  EXPECT_TRUE(ports[0].k8s_host_port);
  EXPECT_EQ(ports[0].host_first, 0);  // unknown, not 80
  EXPECT_EQ(ports[0].container_first, 8080);
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].line, 9);  // the port entry
  EXPECT_NE(t.errors[0].message.find("hostPort"), std::string::npos);
}

TEST(KubernetesPorts, NegativeContainerPortIsAnError) {
  Translation t = pod_with_ports("        - containerPort: -443\n");
  ASSERT_EQ(t.inventory.workloads.size(), 1u);
  const std::vector<PortMapping>& ports = t.inventory.workloads[0].containers[0].ports;
  ASSERT_EQ(ports.size(), 1u);
  EXPECT_EQ(ports[0].container_first, 0);
  EXPECT_FALSE(ports[0].published);
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_NE(t.errors[0].message.find("containerPort"), std::string::npos);
}

TEST(KubernetesPorts, PortsAtTheEdgesOfTheRangeAreKept) {
  Translation t = pod_with_ports("        - {containerPort: 65535, hostPort: 1}\n");
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].message;
  const PortMapping& p = t.inventory.workloads[0].containers[0].ports.at(0);
  EXPECT_EQ(p.container_first, 65535);
  EXPECT_EQ(p.host_first, 1);
  EXPECT_TRUE(p.published);
}

}  // namespace
}  // namespace vern
