#include "vulndb/version/dpkg.h"

#include <gtest/gtest.h>

#include "vulndb/version/table_reader.h"

namespace vern::vulndb {
namespace {

TEST(DpkgCompare, UpstreamVectors) {
  auto lines = testing::read_vectors("dpkg-versions.data");
  ASSERT_GE(lines.size(), 40u);
  for (const auto& l : lines) {
    ASSERT_EQ(l.fields.size(), 3u) << "line " << l.line;
    int want = std::stoi(l.fields[2]);
    EXPECT_EQ(dpkg_compare(l.fields[0], l.fields[1]), want) << "line " << l.line;
    EXPECT_EQ(dpkg_compare(l.fields[1], l.fields[0]), -want) << "line " << l.line;
  }
}

TEST(DpkgCompare, TildeSortsBeforeEverything) {
  EXPECT_LT(dpkg_compare("1.0~rc1", "1.0"), 0);
  EXPECT_LT(dpkg_compare("1.0~~", "1.0~"), 0);
  EXPECT_LT(dpkg_compare("2.36-9+deb12u3~bpo", "2.36-9+deb12u3"), 0);
}

TEST(DpkgCompare, EpochWins) {
  EXPECT_GT(dpkg_compare("1:1.0", "9.9"), 0);
  EXPECT_EQ(dpkg_compare("0:1.0-1", "1.0-1"), 0);
  EXPECT_GT(dpkg_compare("100000000000000000000:1", "99999999999999999999:1"), 0);
}

TEST(DpkgCompare, RevisionAfterLastDash) {
  EXPECT_LT(dpkg_compare("1.2-3-4", "1.2-3-5"), 0);
  EXPECT_EQ(dpkg_compare("1.2", "1.2-0"), 0);
  EXPECT_LT(dpkg_compare("2.36-9+deb12u3", "2.36-9+deb12u4"), 0);
}

}  // namespace
}  // namespace vern::vulndb
