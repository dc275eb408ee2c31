#include <gtest/gtest.h>

#include "rules/host_rule_support.h"

namespace vern {
extern const Rule k_shared_kernel_host;

namespace {

HostFacts virt(Virtualization v, std::string tech, std::vector<std::string> evidence) {
  HostFacts h = test::host_facts();
  h.virtualization = v;
  h.virtualization_technology = std::move(tech);
  h.virtualization_evidence = std::move(evidence);
  return h;
}

TEST(SharedKernelHost, OpenVzContainerFires) {
  auto f = test::run_on_host(k_shared_kernel_host, virt(Virtualization::shared_kernel, "openvz",
                                                        {"/proc/vz exists without /proc/bc"}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "the Docker host runs inside a shared-kernel openvz environment: /proc/vz exists "
            "without /proc/bc");
  EXPECT_EQ(f[0].object, "host web-1");
  EXPECT_EQ(f[0].severity, Severity::high);
}

TEST(SharedKernelHost, HardwareVmBareMetalAndUnknownDoNotFire) {
  for (Virtualization v :
       {Virtualization::hardware_vm, Virtualization::bare_metal, Virtualization::unknown}) {
    EXPECT_TRUE(
        test::host_messages(k_shared_kernel_host, virt(v, "kvm", {"/.dockerenv exists"})).empty());
  }
}

}  // namespace
}  // namespace vern
