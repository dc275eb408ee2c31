#include "host/collect.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "host/virtualization.h"

namespace vern::host {
namespace {

RootFs tree(const std::string& name) {
  return RootFs(std::string(VERN_SOURCE_DIR) + "/tests/host/testdata/virt/" + name);
}

HostFacts virt(const std::string& name, const std::string& cpuid = "") {
  HostFacts f;
  detect_virtualization(tree(name), cpuid, f);
  return f;
}

bool has_evidence(const HostFacts& f, std::string_view needle) {
  for (const std::string& e : f.virtualization_evidence) {
    if (e.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(Virtualization, KvmGuestWithDockerenvIsAKvmGuest) {
  HostFacts f = virt("kvm", "KVMKVMKVM");
  EXPECT_EQ(f.virtualization, Virtualization::hardware_vm);
  EXPECT_EQ(f.virtualization_technology, "kvm");
  EXPECT_TRUE(has_evidence(f, "CPUID"));
  EXPECT_TRUE(has_evidence(f, "DMI sys_vendor: \"QEMU\""));
  EXPECT_TRUE(has_evidence(f, "/.dockerenv"));
}

TEST(Virtualization, KvmGuestDecidedFromFilesWithoutCpuid) {
  HostFacts f = virt("kvm");
  EXPECT_EQ(f.virtualization, Virtualization::hardware_vm);
  EXPECT_EQ(f.virtualization_technology, "qemu");
  EXPECT_TRUE(has_evidence(f, "hypervisor CPU flag"));
}

TEST(Virtualization, OpenVzContainerIsSharedKernel) {
  HostFacts f = virt("openvz");
  EXPECT_EQ(f.virtualization, Virtualization::shared_kernel);
  EXPECT_EQ(f.virtualization_technology, "openvz");
}

TEST(Virtualization, OpenVzHostNodeIsNotAContainer) {
  HostFacts f = virt("openvz_node");
  EXPECT_EQ(f.virtualization, Virtualization::bare_metal);
  EXPECT_TRUE(has_evidence(f, "host node"));
}

TEST(Virtualization, LxcFromPid1Environment) {
  HostFacts f = virt("lxc");
  EXPECT_EQ(f.virtualization, Virtualization::shared_kernel);
  EXPECT_EQ(f.virtualization_technology, "lxc");
  EXPECT_TRUE(has_evidence(f, "container=lxc"));
  EXPECT_TRUE(has_evidence(f, "lxc.payload.web"));
}

TEST(Virtualization, DockerInDockerOnAVmIsSharedKernel) {
  // The hypervisor below is real, but the Docker host is a container on it.
  HostFacts f = virt("dind", "KVMKVMKVM");
  EXPECT_EQ(f.virtualization, Virtualization::shared_kernel);
  EXPECT_EQ(f.virtualization_technology, "docker");
  EXPECT_TRUE(has_evidence(f, "overlay in docker"));
}

TEST(Virtualization, DockerCgroupV1PathIsSharedKernel) {
  HostFacts f = virt("docker_v1");
  EXPECT_EQ(f.virtualization, Virtualization::shared_kernel);
  EXPECT_EQ(f.virtualization_technology, "docker");
}

TEST(Virtualization, BareMetalHasNoSignals) {
  HostFacts f = virt("bare_metal");
  EXPECT_EQ(f.virtualization, Virtualization::bare_metal);
  EXPECT_TRUE(f.virtualization_technology.empty());
}

TEST(Virtualization, DockerenvAloneDecidesNothing) {
  HostFacts f = virt("dockerenv_only");
  EXPECT_EQ(f.virtualization, Virtualization::unknown);
  EXPECT_TRUE(has_evidence(f, "/.dockerenv"));
}

TEST(Kernel, DebianReleaseUsesPackageVersionFromProcVersion) {
  HostFacts f;
  collect_kernel(tree("kvm"), f);
  EXPECT_EQ(f.kernel_release, "5.10.0-21-amd64");
  EXPECT_EQ(f.kernel_version, "5.10.162");
  EXPECT_FALSE(f.kernel_vendor_backports);
}

TEST(Kernel, UbuntuUsesVersionSignature) {
  HostFacts f;
  collect_kernel(tree("ubuntu"), f);
  EXPECT_EQ(f.kernel_version, "5.15.64");
}

TEST(Kernel, RhelKernelIsMarkedAsCarryingBackports) {
  HostFacts f;
  collect_kernel(tree("rhel"), f);
  EXPECT_EQ(f.kernel_version, "3.10.0");
  EXPECT_TRUE(f.kernel_vendor_backports);
}

TEST(Kernel, VirtuozzoKernelIsMarkedAsCarryingBackports) {
  HostFacts f;
  collect_kernel(tree("openvz"), f);
  EXPECT_EQ(f.kernel_release, "3.10.0-1160.80.1.vz7.191.4");
  EXPECT_TRUE(f.kernel_vendor_backports);
}

TEST(Lsm, AppArmorWithEnforcedProfilesIsEnforcing) {
  HostFacts f;
  collect_lsm(tree("lsm_apparmor"), f);
  EXPECT_EQ(f.apparmor.mode, LsmMode::enforcing);
  EXPECT_NE(f.apparmor.detail.find("2 profiles"), std::string::npos);
  EXPECT_EQ(f.selinux.mode, LsmMode::absent);
}

TEST(Lsm, SelinuxPermissiveAndNoAppArmor) {
  HostFacts f;
  collect_lsm(tree("lsm_selinux_permissive"), f);
  EXPECT_EQ(f.selinux.mode, LsmMode::permissive);
  EXPECT_EQ(f.apparmor.mode, LsmMode::absent);
}

TEST(Dockerd, FindsConfigFileAndHostsOnTheCommandLine) {
  DockerdCommandLine cmd = find_dockerd(tree("ubuntu"));
  ASSERT_TRUE(cmd.found);
  EXPECT_EQ(cmd.pid, 812);
  EXPECT_EQ(cmd.config_file, "/etc/docker/custom.json");
  EXPECT_EQ(daemon_config_path(cmd), "/etc/docker/custom.json");
  ASSERT_EQ(cmd.hosts.size(), 2u);
  EXPECT_EQ(cmd.hosts[1], "tcp://0.0.0.0:2375");
  EXPECT_EQ(flag_value(cmd.args, "--live-restore"), std::string());
  EXPECT_FALSE(flag_value(cmd.args, "--icc").has_value());
}

TEST(Dockerd, DefaultConfigPathWithoutDaemon) {
  DockerdCommandLine cmd = find_dockerd(tree("bare_metal"));
  EXPECT_FALSE(cmd.found);
  EXPECT_EQ(daemon_config_path(cmd), "/etc/docker/daemon.json");
}

TEST(Socket, ReadsOwnerModeAndGroupName) {
  char tmpl[] = "/tmp/vern-sock-XXXXXX";
  std::string dir = ::mkdtemp(tmpl);
  std::string path = dir + "/docker.sock";
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(::chmod(path.c_str(), 0666), 0);
  HostFacts f;
  collect_socket(tree("ubuntu"), path, f);
  ::close(fd);
  ::unlink(path.c_str());
  ::rmdir(dir.c_str());
  ASSERT_TRUE(f.socket.found);
  EXPECT_EQ(f.socket.mode, 0666u);
  EXPECT_EQ(f.socket.uid, ::getuid());
  if (::getuid() == 0) {
    EXPECT_EQ(f.socket.owner, "root");
  }
}

TEST(Socket, MissingSocketIsNotFound) {
  HostFacts f;
  collect_socket(tree("ubuntu"), "/nonexistent-vern/docker.sock", f);
  EXPECT_FALSE(f.socket.found);
  EXPECT_FALSE(f.socket.error.empty());
}

}  // namespace
}  // namespace vern::host
