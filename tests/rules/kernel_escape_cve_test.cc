#include <gtest/gtest.h>

#include "rules/host_finding.h"
#include "rules/host_rule_support.h"

namespace vern {
extern const Rule k_kernel_escape_cve;

namespace {

std::vector<std::string> kernel(std::string version, std::string release = "") {
  HostFacts h = test::host_facts();
  h.kernel_version = version;
  h.kernel_release = release.empty() ? version : release;
  return test::host_messages(k_kernel_escape_cve, h);
}

std::vector<std::string> runc(std::string version, std::string package = "") {
  HostFacts h = test::host_facts();
  h.runc_version = version;
  h.runc_package = package;
  return test::host_messages(k_kernel_escape_cve, h);
}

TEST(KernelEscapeCve, DirtyPipeRangeByBranch) {
  EXPECT_EQ(kernel("5.10.101"),
            std::vector<std::string>{"kernel 5.10.101 is vulnerable to CVE-2022-0847 (Dirty Pipe), "
                                     "fixed in 5.10.102"});
  EXPECT_TRUE(kernel("5.10.102").empty());
  EXPECT_EQ(kernel("5.16.10").size(), 1u);
  EXPECT_TRUE(kernel("5.16.11").empty());
  EXPECT_TRUE(kernel("5.7.19").empty());
  EXPECT_TRUE(kernel("6.1.55").empty());
}

TEST(KernelEscapeCve, DirtyCowRangeByBranch) {
  EXPECT_EQ(kernel("4.4.25"),
            std::vector<std::string>{
                "kernel 4.4.25 is vulnerable to CVE-2016-5195 (Dirty COW), fixed in 4.4.26"});
  EXPECT_TRUE(kernel("4.4.26").empty());
  EXPECT_TRUE(kernel("4.9").empty());
}

TEST(KernelEscapeCve, ReleaseNamedWhenItDiffersFromTheVersion) {
  EXPECT_EQ(kernel("5.10.92", "5.10.0-11-amd64"),
            std::vector<std::string>{"kernel (release 5.10.0-11-amd64) 5.10.92 is vulnerable to "
                                     "CVE-2022-0847 (Dirty Pipe), fixed in 5.10.102"});
}

TEST(KernelEscapeCve, VendorBackportKernelsAreNotJudgedByVersion) {
  HostFacts h = test::host_facts();
  h.kernel_release = "3.10.0-1160.el7.x86_64";
  h.kernel_version = "3.10.0";
  h.kernel_vendor_backports = true;
  EXPECT_TRUE(test::host_messages(k_kernel_escape_cve, h).empty());
}

TEST(KernelEscapeCve, RuncVersions) {
  EXPECT_EQ(runc("1.0.0-rc5").size(), 2u);
  EXPECT_EQ(runc("1.0.0-rc6"),
            std::vector<std::string>{"runc 1.0.0-rc6 is vulnerable to CVE-2024-21626 (runc leaked "
                                     "file descriptor (Leaky Vessels)), fixed in 1.1.12"});
  EXPECT_EQ(runc("1.1.11").size(), 1u);
  EXPECT_TRUE(runc("1.1.12").empty());
  EXPECT_TRUE(runc("1.2.0").empty());
}

TEST(KernelEscapeCve, DistributionBackportIsRecognised) {
  EXPECT_EQ(runc("1.1.5+ds1").size(), 1u);
  EXPECT_TRUE(runc("1.1.5+ds1", "1.1.5+ds1-1+deb12u1").empty());
}

TEST(KernelEscapeCve, ContainerdShimCve) {
  HostFacts h = test::host_facts();
  h.containerd_version = "1.4.2";
  EXPECT_EQ(test::host_messages(k_kernel_escape_cve, h).size(), 1u);
  h.containerd_version = "1.6.20~ds1";
  EXPECT_TRUE(test::host_messages(k_kernel_escape_cve, h).empty());
}

TEST(KernelEscapeCve, UnknownVersionsSayNothing) {
  EXPECT_TRUE(test::host_messages(k_kernel_escape_cve, test::host_facts()).empty());
}

TEST(DottedVersion, ParsesRuntimeSpellings) {
  EXPECT_LT(compare_versions(parse_dotted_version("1.0.0~rc93+ds1"), parse_dotted_version("1.0.0")),
            0);
  EXPECT_LT(compare_versions(parse_dotted_version("1.0.0-rc6"), parse_dotted_version("1.0.0-rc10")),
            0);
  EXPECT_EQ(compare_versions(parse_dotted_version("v1.1.5"), parse_dotted_version("1.1.5+ds1")), 0);
  EXPECT_FALSE(parse_dotted_version("abc").valid);
}

}  // namespace
}  // namespace vern
