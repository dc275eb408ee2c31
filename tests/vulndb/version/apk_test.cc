#include "vulndb/version/apk.h"

#include <gtest/gtest.h>

#include "vulndb/version/table_reader.h"

namespace vern::vulndb {
namespace {

// Checks one `A OP B` line: OP is a combination of < > = and ~ (fuzzy);
// a leading `!` means the relation must not hold.
void check_relation(const testing::VectorLine& l) {
  ASSERT_EQ(l.fields.size(), 3u) << "line " << l.line;
  std::string op = l.fields[1];
  bool negate = !op.empty() && op[0] == '!';
  if (negate) op.erase(0, 1);
  bool fuzzy = op.find('~') != std::string::npos;
  int c =
      fuzzy ? apk_compare_fuzzy(l.fields[0], l.fields[2]) : apk_compare(l.fields[0], l.fields[2]);
  bool holds = (c < 0 && op.find('<') != std::string::npos) ||
               (c > 0 && op.find('>') != std::string::npos) ||
               (c == 0 && (op.find('=') != std::string::npos || fuzzy));
  EXPECT_EQ(holds, !negate) << l.fields[0] << ' ' << l.fields[1] << ' ' << l.fields[2] << " (line "
                            << l.line << ", got " << c << ")";
  if (!fuzzy && !negate) {
    EXPECT_EQ(apk_compare(l.fields[2], l.fields[0]), -c) << "line " << l.line;
  }
}

void check_file(const std::string& name, std::size_t at_least) {
  auto lines = testing::read_vectors(name);
  ASSERT_GE(lines.size(), at_least);
  for (const auto& l : lines) {
    if (l.fields.size() == 1) {
      const std::string& v = l.fields[0];
      if (v[0] == '!') {
        EXPECT_FALSE(apk_valid(std::string_view(v).substr(1))) << v << " (line " << l.line << ")";
      } else {
        EXPECT_TRUE(apk_valid(v)) << v << " (line " << l.line << ")";
      }
      continue;
    }
    check_relation(l);
  }
}

TEST(ApkCompare, UpstreamVectorsV2) { check_file("apk-v2-version.data", 700); }

TEST(ApkCompare, UpstreamVectorsV3) { check_file("apk-v3-version.data", 750); }

TEST(ApkCompare, SuffixOrder) {
  const char* ordered[] = {"1.0_alpha", "1.0_beta", "1.0_pre", "1.0_rc", "1.0",
                           "1.0_cvs",   "1.0_svn",  "1.0_git", "1.0_hg", "1.0_p"};
  for (std::size_t i = 0; i + 1 < std::size(ordered); ++i) {
    EXPECT_LT(apk_compare(ordered[i], ordered[i + 1]), 0) << ordered[i];
  }
}

TEST(ApkCompare, PatchAndRevision) {
  EXPECT_LT(apk_compare("9.3_p2-r0", "9.3_p2-r1"), 0);
  EXPECT_GT(apk_compare("9.3_p2-r0", "9.3-r9"), 0);
  EXPECT_LT(apk_compare("1.2.4-r2", "1.2.4_git20230717-r0"), 0);
}

}  // namespace
}  // namespace vern::vulndb
