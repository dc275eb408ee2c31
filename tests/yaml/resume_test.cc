#include "yaml/resume.h"

#include <gtest/gtest.h>

#include <string_view>
#include <utility>

namespace vern::yaml {
namespace {

TEST(NextDocumentStart, FindsTheFirstMarkerLineAtOrAfterTheGivenLine) {
  std::string_view text = "a: 1\n---\nb: [\n---\nc: 3\n";
  auto found = next_document_start(text, 0, 1, 3);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->second, 4);
  EXPECT_EQ(text.substr(found->first, 4), "---\n");
  // From line 2 the earlier marker is the one.
  EXPECT_EQ(next_document_start(text, 0, 1, 2), std::pair(std::size_t{5}, 2));
}

TEST(NextDocumentStart, CountsLinesFromTheOffsetItIsGiven) {
  std::string_view text = "x: 1\ny: [\nz\n--- # next\nw: 2\n";
  // Offset 5 is the start of line 7 of the whole file in this call.
  auto found = next_document_start(text, 5, 7, 8);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->first, 12u);
  EXPECT_EQ(found->second, 9);
}

TEST(NextDocumentStart, AcceptsOnlyThreeDashesOnTheirOwnOrBeforeSpaceOrLineEnd) {
  EXPECT_FALSE(next_document_start("---x\n----\n -- -\n", 0, 1, 1).has_value());
  EXPECT_EQ(next_document_start("a\n---", 0, 1, 1), std::pair(std::size_t{2}, 2));
  EXPECT_EQ(next_document_start("a\n---\r\nb", 0, 1, 1), std::pair(std::size_t{2}, 2));
  EXPECT_EQ(next_document_start("a\n---\tb", 0, 1, 1), std::pair(std::size_t{2}, 2));
}

TEST(NextDocumentStart, IsEmptyWhenNoMarkerFollows) {
  EXPECT_FALSE(next_document_start("---\na: 1\n", 0, 1, 2).has_value());
  EXPECT_FALSE(next_document_start("", 0, 1, 1).has_value());
}

TEST(LastDocumentStart, FindsTheLastMarkerLineAfterTheFirstAndUpToTheGivenLine) {
  std::string_view text = "---\na: 1\n---\nb: 2\n--- x\nc: 3\n---\n";
  EXPECT_EQ(last_document_start(text, 0, 1, 6), std::pair(std::size_t{18}, 5));
  EXPECT_EQ(last_document_start(text, 0, 1, 4), std::pair(std::size_t{9}, 3));
  EXPECT_EQ(last_document_start(text, 0, 1, 5), std::pair(std::size_t{18}, 5));
  // The first line itself does not count.
  EXPECT_FALSE(last_document_start(text, 0, 1, 2).has_value());
  // Lines are counted from the offset given: offset 9 starts line 3.
  EXPECT_EQ(last_document_start(text, 9, 3, 8), std::pair(std::size_t{29}, 7));
  EXPECT_FALSE(last_document_start("a: 1\nb: 2\n", 0, 1, 10).has_value());
}

}  // namespace
}  // namespace vern::yaml
