// Limits that aliases must not get around, and integer reads at the edges of
// 64 bits: regressions found while fuzzing the YAML layer.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "yaml/node.h"

namespace vern::yaml {
namespace {

// Expanded size of a node, aliases counted each time they are used.
std::size_t expanded(const Node* n) {
  std::size_t size = 1;
  for (const Node* item : n->items()) size += expanded(item);
  for (const Node::Entry& e : n->entries()) size += expanded(e.key) + expanded(e.value);
  return size;
}

// Levels of collections, aliases followed.
std::size_t nesting(const Node* n) {
  std::size_t deepest = 0;
  for (const Node* item : n->items()) deepest = std::max(deepest, nesting(item));
  for (const Node::Entry& e : n->entries()) deepest = std::max(deepest, nesting(e.value));
  return n->is_scalar() ? 0 : deepest + 1;
}

// Each level wraps its aliases in a plain (unanchored) list: `&b [[*a, *a, *a]]`.
std::string wrapped_bomb(int levels) {
  std::string s = "a: &a [x, x, x]\n";
  char prev = 'a';
  for (int i = 1; i <= levels; ++i) {
    char c = char('a' + i);
    s += std::string(1, c) + ": &" + c + " [[*" + prev + ", *" + prev + ", *" + prev + "]]\n";
    prev = c;
  }
  return s;
}

TEST(YamlAliasLimits, AliasesInsidePlainCollectionsCountTowardsMaxNodes) {
  Limits limits;
  limits.max_nodes = 1000;
  // Level 5 alone expands to more than 3^5 * 3 nodes; the stream well over 1000.
  Stream s = parse(wrapped_bomb(5), limits);
  ASSERT_FALSE(s.errors.empty());
  EXPECT_EQ(s.errors[0].kind, Error::Kind::limit_exceeded);
  EXPECT_GE(s.errors[0].line, 2);
}

TEST(YamlAliasLimits, StreamsWithinMaxNodesStillLoadWithAliasesExpanded) {
  Limits limits;
  limits.max_nodes = 1000;
  Stream s = parse(wrapped_bomb(2), limits);
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  ASSERT_EQ(s.documents.size(), 1u);
  const Node* c = s.documents[0].root->get("c");
  ASSERT_NE(c, nullptr);
  // c = [[b, b, b]], b = [[a, a, a]] (14 nodes), a = [x, x, x] (4 nodes).
  EXPECT_EQ(expanded(c), 2u + 3 * 14);
  EXPECT_LE(expanded(s.documents[0].root), limits.max_nodes);
}

TEST(YamlAliasLimits, AliasCannotNestBeyondMaxDepth) {
  Limits limits;
  limits.max_depth = 8;
  // Each anchor is 4 levels deep where it is written; the alias puts the
  // first one under 4 more levels.
  Stream s = parse("a: &a [[[[x]]]]\nb: [[[[*a]]]]\n", limits);
  ASSERT_FALSE(s.errors.empty());
  EXPECT_EQ(s.errors[0].kind, Error::Kind::limit_exceeded);
  EXPECT_EQ(s.errors[0].line, 2);
}

TEST(YamlAliasLimits, AliasWithinMaxDepthLoads) {
  Limits limits;
  limits.max_depth = 8;
  Stream s = parse("a: &a [[[[x]]]]\nb: [[*a]]\n", limits);
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  EXPECT_EQ(nesting(s.documents[0].root), 7u);
}

TEST(YamlAliasLimits, MergedEntriesCountTowardsMaxNodes) {
  Limits limits;
  limits.max_nodes = 200;
  // base has 41 nodes; every alias of m brings all of them in again.
  std::string s = "base: &base {";
  for (int i = 0; i < 20; ++i) s += (i ? ", k" : "k") + std::to_string(i) + ": v";
  s += "}\nm: &m {<<: *base}\nl: [*m, *m, *m, *m, *m]\n";
  Stream st = parse(s, limits);
  ASSERT_FALSE(st.errors.empty());
  EXPECT_EQ(st.errors[0].kind, Error::Kind::limit_exceeded);
  EXPECT_EQ(st.errors[0].line, 3);
}

TEST(YamlAliasLimits, NodeLimitErrorPointsAtTheNode) {
  Limits limits;
  limits.max_nodes = 5;
  Stream s = parse("a: 1\nb: 2\nc: 3\n", limits);
  ASSERT_FALSE(s.errors.empty());
  EXPECT_EQ(s.errors[0].kind, Error::Kind::limit_exceeded);
  EXPECT_EQ(s.errors[0].line, 3);
  EXPECT_EQ(s.errors[0].column, 1);
}

TEST(YamlNode, AsIntRejectsValuesBeyond64Bits) {
  Stream s = parse(
      "max: 9223372036854775807\nmin: -9223372036854775808\nover: 9223372036854775808\n"
      "nines: 9999999999999999999\nunder: -9223372036854775809\n");
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  const Node* r = s.documents[0].root;
  EXPECT_EQ(r->get("max")->as_int(), INT64_MAX);
  EXPECT_EQ(r->get("min")->as_int(), INT64_MIN);
  EXPECT_EQ(r->get("over")->as_int(), std::nullopt);
  EXPECT_EQ(r->get("nines")->as_int(), std::nullopt);
  EXPECT_EQ(r->get("under")->as_int(), std::nullopt);
}

TEST(YamlNode, AsIntTakesOneSignOnly) {
  Stream s = parse("a: +7\nb: +-7\nc: --7\nd: '-'\ne: '+'\n");
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  const Node* r = s.documents[0].root;
  EXPECT_EQ(r->get("a")->as_int(), 7);
  EXPECT_EQ(r->get("b")->as_int(), std::nullopt);
  EXPECT_EQ(r->get("c")->as_int(), std::nullopt);
  EXPECT_EQ(r->get("d")->as_int(), std::nullopt);
  EXPECT_EQ(r->get("e")->as_int(), std::nullopt);
}

}  // namespace
}  // namespace vern::yaml
