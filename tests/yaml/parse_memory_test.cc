#include "yaml/parse_memory.h"

#include <gtest/gtest.h>
#include <yaml.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "yaml/node.h"

// Code linked into this test binary is routed like libyaml, so malloc here
// reaches the region the same way libyaml's calls do.

namespace vern::yaml {
namespace {

// Builds with sanitizers keep libyaml on the system allocator: nothing to test there.
class ParseMemory : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!parse_memory_enabled()) GTEST_SKIP() << "libyaml uses the system allocator in this build";
  }
};

TEST_F(ParseMemory, LibyamlAllocatesFromTheRegionInsideAScopeOnly) {
  {
    ParseMemoryScope scope;
    yaml_parser_t parser;
    ASSERT_TRUE(yaml_parser_initialize(&parser));
    EXPECT_TRUE(in_parse_memory(parser.buffer.start));
    EXPECT_GT(parse_memory_used(), 0u);
    yaml_parser_delete(&parser);
  }
  EXPECT_EQ(parse_memory_used(), 0u);
  yaml_parser_t parser;
  ASSERT_TRUE(yaml_parser_initialize(&parser));
  EXPECT_FALSE(in_parse_memory(parser.buffer.start));
  yaml_parser_delete(&parser);
}

TEST_F(ParseMemory, BlocksAreAlignedAndReallocKeepsTheirBytes) {
  ParseMemoryScope scope;
  auto* a = static_cast<char*>(std::malloc(3));
  auto* b = static_cast<char*>(std::malloc(40));
  ASSERT_TRUE(in_parse_memory(a) && in_parse_memory(b));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a) % 16, 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(b) % 16, 0u);
  std::memcpy(a, "ab", 3);
  std::memcpy(b, "the last block grows where it is", 33);
  // b is the last block: it grows in place.
  const auto b_at = reinterpret_cast<std::uintptr_t>(b);
  const auto a_at = reinterpret_cast<std::uintptr_t>(a);
  auto* b2 = static_cast<char*>(std::realloc(b, 4000));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(b2), b_at);
  EXPECT_STREQ(b2, "the last block grows where it is");
  // a is not: it moves, with its bytes.
  auto* a2 = static_cast<char*>(std::realloc(a, 100));
  EXPECT_NE(reinterpret_cast<std::uintptr_t>(a2), a_at);
  EXPECT_TRUE(in_parse_memory(a2));
  EXPECT_STREQ(a2, "ab");
  std::free(a2);
  std::free(b2);
}

TEST_F(ParseMemory, WhatDoesNotFitTheRegionComesFromTheSystem) {
  ParseMemoryScope scope;
  void* huge = std::malloc(std::size_t{65} << 20);
  ASSERT_NE(huge, nullptr);
  EXPECT_FALSE(in_parse_memory(huge));
  std::memset(huge, 1, 4096);
  std::free(huge);
  // A region block reallocated past the region's size moves to the system.
  auto* small = static_cast<char*>(std::malloc(8));
  std::memcpy(small, "kept", 5);
  auto* moved = static_cast<char*>(std::realloc(small, std::size_t{65} << 20));
  ASSERT_NE(moved, nullptr);
  EXPECT_FALSE(in_parse_memory(moved));
  EXPECT_STREQ(moved, "kept");
  std::free(moved);
}

TEST_F(ParseMemory, TheOutermostScopeEmptiesTheRegion) {
  ParseMemoryScope outer;
  void* a = std::malloc(32);
  std::size_t used = parse_memory_used();
  {
    ParseMemoryScope inner;
    void* b = std::malloc(32);
    EXPECT_TRUE(in_parse_memory(b));
    std::free(b);
  }
  EXPECT_GT(parse_memory_used(), used);  // the inner scope did not empty it
  EXPECT_TRUE(in_parse_memory(a));
  std::free(a);
}

TEST_F(ParseMemory, EachThreadHasItsOwnRegion) {
  ParseMemoryScope scope;
  void* mine = std::malloc(16);
  bool theirs_in_mine = true;
  bool theirs_in_theirs = false;
  std::thread t([&] {
    ParseMemoryScope other;
    void* theirs = std::malloc(16);
    theirs_in_theirs = in_parse_memory(theirs);
    theirs_in_mine = in_parse_memory(mine);
    std::free(theirs);
  });
  t.join();
  EXPECT_TRUE(theirs_in_theirs);
  EXPECT_FALSE(theirs_in_mine);
  std::free(mine);
}

TEST(YamlParse, LeavesNothingInTheParseRegion) {
  std::string text = "a: &x {b: [1, 2, \"three\"]}\nc: *x\nd: |\n  block\n  text\n---\n[unclosed\n";
  Stream s = parse(text);
  ASSERT_EQ(s.documents.size(), 1u);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.documents[0].root->get("c")->get("b")->items()[2]->text(), "three");
  EXPECT_EQ(s.documents[0].root->get("d")->text(), "block\ntext\n");
  EXPECT_EQ(parse_memory_used(), 0u);
}

}  // namespace
}  // namespace vern::yaml
