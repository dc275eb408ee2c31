// Differential tests: the comparators against the real dpkg and rpm on
// generated version pairs. Skipped when the program is not installed.
#include <gtest/gtest.h>

#include <sstream>

#include "vulndb/version/dpkg.h"
#include "vulndb/version/oracle.h"
#include "vulndb/version/rpm.h"

namespace vern::vulndb {
namespace {

using testing::run_program;
using testing::VersionGenerator;

bool dpkg_valid_upstream_end(const std::string& v) {
  // dpkg rejects an upstream part that ends in '-' handled as empty revision.
  return !v.empty() && v.back() != '-' && v.back() != ':';
}

std::string dpkg_version(VersionGenerator& g, const std::string& base) {
  std::string v = base;
  if (g.below(4) == 0) v = std::to_string(g.below(3)) + ":" + v;
  if (g.below(2) == 0)
    v += "-" + g.pick({"1", "0", "2", "1+deb12u1", "1~bpo1", "9+b1", "1ubuntu0.2"});
  return v;
}

int dpkg_oracle(const std::string& a, const std::string& b) {
  if (run_program({"dpkg", "--compare-versions", a, "lt", b}).exit_code == 0) return -1;
  if (run_program({"dpkg", "--compare-versions", a, "eq", b}).exit_code == 0) return 0;
  return 1;
}

TEST(DpkgCompare, AgreesWithDpkgOnGeneratedPairs) {
  if (!testing::program_exists("dpkg")) GTEST_SKIP() << "dpkg is not installed";
  const std::vector<std::string> extras = {"~rc1", "~", "+dfsg", ".0", "a", "+b1", "~~", "+", "0"};
  VersionGenerator g(20240611);
  int compared = 0;
  for (int i = 0; i < 250; ++i) {
    std::string base = g.upstream(extras);
    std::string a = dpkg_version(g, base);
    std::string b = dpkg_version(g, g.mutate(base, extras));
    if (!dpkg_valid_upstream_end(a) || !dpkg_valid_upstream_end(b)) continue;
    int want = dpkg_oracle(a, b);
    EXPECT_EQ(dpkg_compare(a, b), want) << a << " vs " << b;
    ++compared;
  }
  EXPECT_GT(compared, 200);
}

std::string rpm_version(VersionGenerator& g, const std::string& base, bool release) {
  std::string v = base;
  if (g.below(4) == 0) v = std::to_string(g.below(3)) + ":" + v;
  if (release) v += "-" + g.pick({"1", "1.el9", "2.el9_3", "0.rc1.fc39", "1^20240101", "3~beta"});
  return v;
}

TEST(RpmCompare, AgreesWithRpmOnGeneratedPairs) {
  if (!testing::program_exists("rpm")) GTEST_SKIP() << "rpm is not installed";
  const std::vector<std::string> extras = {"~rc1", "^git5", "~", "^", ".0", "a", "_1", "+b", "p1"};
  VersionGenerator g(7);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (int i = 0; i < 400; ++i) {
    std::string base = g.upstream(extras);
    bool release = g.below(2) == 0;
    pairs.emplace_back(rpm_version(g, base, release),
                       rpm_version(g, g.mutate(base, extras), release));
  }
  // One rpm run evaluates every pair.
  std::string script = "%{lua:";
  for (const auto& [a, b] : pairs) script += " print(rpm.vercmp(\"" + a + "\",\"" + b + "\") .. \" \")";
  script += "}";
  auto r = run_program({"rpm", "--eval", script});
  ASSERT_EQ(r.exit_code, 0);
  std::istringstream lines(r.out);
  for (const auto& [a, b] : pairs) {
    int want = 0;
    ASSERT_TRUE(lines >> want) << "rpm printed too few results";
    EXPECT_EQ(rpm_compare(a, b), want) << a << " vs " << b;
  }
}

}  // namespace
}  // namespace vern::vulndb
