#include "util/strings.h"

#include <gtest/gtest.h>

namespace vern {
namespace {

TEST(ToLower, LowersAsciiLettersOnly) {
  EXPECT_EQ(to_lower("PowerShell.EXE"), "powershell.exe");
  EXPECT_EQ(to_lower("A-1_Z"), "a-1_z");
  EXPECT_EQ(to_lower(""), "");
  EXPECT_EQ(to_lower("\xC3\x89t\xC3\xA9"), "\xC3\x89t\xC3\xA9");  // bytes outside ASCII stay
}

TEST(Iequals, ComparesAsciiLettersInAnyCase) {
  EXPECT_TRUE(iequals("Latest", "LATEST"));
  EXPECT_FALSE(iequals("latest", "latest1"));
}

}  // namespace
}  // namespace vern
