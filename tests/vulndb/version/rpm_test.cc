#include "vulndb/version/rpm.h"

#include <gtest/gtest.h>

#include "vulndb/version/table_reader.h"

namespace vern::vulndb {
namespace {

TEST(RpmVercmp, UpstreamVectors) {
  auto lines = testing::read_vectors("rpm-versions.data");
  ASSERT_GE(lines.size(), 80u);
  for (const auto& l : lines) {
    ASSERT_EQ(l.fields.size(), 3u) << "line " << l.line;
    int want = std::stoi(l.fields[2]);
    EXPECT_EQ(rpm_vercmp(l.fields[0], l.fields[1]), want)
        << l.fields[0] << " vs " << l.fields[1] << " (line " << l.line << ")";
    EXPECT_EQ(rpm_compare(l.fields[0], l.fields[1]), want) << "line " << l.line;
  }
}

TEST(RpmCompare, EpochThenVersionThenRelease) {
  EXPECT_GT(rpm_compare("1:1.0-1", "2.0-1"), 0);
  EXPECT_LT(rpm_compare("1.0-1.el9", "1.0-2.el9"), 0);
  EXPECT_EQ(rpm_compare(":1.0", "0:1.0"), 0);
}

TEST(RpmCompare, MissingReleaseIsIgnored) {
  EXPECT_EQ(rpm_compare("1.0", "1.0-5"), 0);
  EXPECT_EQ(rpm_compare("1.0-5", "1.0"), 0);
}

TEST(RpmVercmp, CaretAndTilde) {
  EXPECT_GT(rpm_vercmp("1.0^git1", "1.0"), 0);
  EXPECT_LT(rpm_vercmp("1.0^git1", "1.0.1"), 0);
  EXPECT_LT(rpm_vercmp("1.0~rc1", "1.0"), 0);
}

}  // namespace
}  // namespace vern::vulndb
