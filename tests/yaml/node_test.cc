#include "yaml/node.h"

#include <gtest/gtest.h>

#include <string>

namespace vern::yaml {
namespace {

TEST(YamlParse, KeepsLineAndColumnOnEveryNode) {
  Stream s = parse("a: 1\nlist:\n  - x\n  - {k: v}\n");
  ASSERT_TRUE(s.errors.empty());
  ASSERT_EQ(s.documents.size(), 1u);
  const Node* root = s.documents[0].root;
  ASSERT_TRUE(root->is_mapping());
  const Node* list = root->get("list");
  ASSERT_TRUE(list && list->is_sequence());
  EXPECT_EQ(list->items()[0]->where(), (Location{3, 5}));
  const Node* flow = list->items()[1];
  EXPECT_EQ(flow->get("k")->where(), (Location{4, 9}));
  EXPECT_EQ(root->find("list")->key->where(), (Location{2, 1}));
}

TEST(YamlParse, MultipleDocumentsAndErrorKeepsEarlierOnes) {
  Stream s = parse("a: 1\n---\nb: 2\n---\nc: [unclosed\n");
  ASSERT_EQ(s.documents.size(), 2u);
  ASSERT_FALSE(s.errors.empty());
  EXPECT_GE(s.errors[0].line, 5);
  EXPECT_NE(s.errors[0].message.find("YAML syntax error"), std::string::npos);
}

TEST(YamlParse, LoadingResumesAtTheNextDocumentAfterASyntaxError) {
  Stream s =
      parse("a: 1\n---\nb: [unclosed\nc: 2\n---\nd: 3\n---\ne: {\n--- \nf: *nowhere\n---\ng: 4\n");
  ASSERT_EQ(s.errors.size(), 3u);
  EXPECT_EQ(s.errors[0].kind, Error::Kind::invalid_input);
  EXPECT_GE(s.errors[0].line, 3);
  EXPECT_LE(s.errors[0].line, 5);
  EXPECT_GE(s.errors[1].line, 8);
  EXPECT_EQ(s.errors[2].line, 10);  // an unknown alias resumes too
  ASSERT_EQ(s.documents.size(), 3u);
  EXPECT_FALSE(s.documents[0].after_error);
  EXPECT_EQ(s.documents[0].root->get("a")->text(), "1");
  // Positions stay those of the file.
  EXPECT_TRUE(s.documents[1].after_error);
  EXPECT_EQ(s.documents[1].root->get("d")->where(), (Location{6, 4}));
  EXPECT_EQ(s.documents[1].where.line, 5);
  EXPECT_EQ(s.documents[2].root->get("g")->where(), (Location{12, 4}));
}

TEST(YamlParse, ASyntaxErrorWithNoLaterDocumentEndsTheStream) {
  Stream s = parse("--- {a: [\nb: 1\n");
  EXPECT_EQ(s.errors.size(), 1u);
  EXPECT_TRUE(s.documents.empty());
}

TEST(YamlParse, ALimitErrorEndsTheStreamWithoutResuming) {
  Limits limits;
  limits.max_depth = 2;
  Stream s = parse("a: [[[1]]]\n---\nb: 2\n", limits);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].kind, Error::Kind::limit_exceeded);
  EXPECT_TRUE(s.documents.empty());
}

TEST(YamlParse, ADuplicateKeyIsAnErrorAndTheLastValueIsRead) {
  Stream s = parse("spec:\n  hostPID: false\n  \"hostPID\": true\n  x: 1\n");
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].message,
            "duplicate key \"hostPID\" (first at line 2): the last value is read");
  EXPECT_EQ(s.errors[0].line, 3);
  EXPECT_EQ(s.errors[0].column, 3);
  ASSERT_EQ(s.documents.size(), 1u);
  const Node* spec = s.documents[0].root->get("spec");
  ASSERT_EQ(spec->entries().size(), 2u);
  EXPECT_EQ(spec->get("hostPID")->text(), "true");
  EXPECT_EQ(spec->find("hostPID")->key->where().line, 3);
}

TEST(YamlParse, ErrorsAreInFileOrderWhenADuplicateKeyIsAnAlias) {
  // The second duplicate is met last but located at its anchor, on line 1.
  Stream s = parse("a: &k key\nm:\n  x: 1\n  x: 2\nkey: 1\n*k: 2\n");
  ASSERT_EQ(s.errors.size(), 2u);
  EXPECT_EQ(s.errors[0].line, 1);
  EXPECT_NE(s.errors[0].message.find("\"key\""), std::string::npos);
  EXPECT_EQ(s.errors[1].line, 4);
  EXPECT_NE(s.errors[1].message.find("\"x\""), std::string::npos);
}

TEST(YamlParse, DuplicateKeysOfALargeMappingAreFoundToo) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  text += "k7: last\n";
  Stream s = parse(text);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].line, 101);
  EXPECT_EQ(s.documents[0].root->entries().size(), 100u);
  EXPECT_EQ(s.documents[0].root->get("k7")->text(), "last");
  // An explicit key beside a merged one is not a duplicate.
  EXPECT_TRUE(parse("a: &a {x: 1}\nb:\n  <<: *a\n  x: 2\n").errors.empty());
}

TEST(YamlParse, MergeKeysApplyWithExplicitKeysWinning) {
  Stream s = parse(
      "x-defaults: &d\n  restart: always\n  user: root\nservices:\n  web:\n    <<: *d\n"
      "    user: app\n");
  ASSERT_TRUE(s.errors.empty());
  const Node* web = s.documents[0].root->get("services")->get("web");
  ASSERT_TRUE(web);
  EXPECT_EQ(web->get("user")->text(), "app");
  EXPECT_EQ(web->get("restart")->text(), "always");
  EXPECT_EQ(web->get("restart")->where().line, 2);
  EXPECT_EQ(web->get("<<"), nullptr);
}

TEST(YamlParse, MergeKeyListEarlierSourceWins) {
  Stream s = parse("a: &a {k: 1}\nb: &b {k: 2, j: 3}\nc:\n  <<: [*a, *b]\n");
  ASSERT_TRUE(s.errors.empty());
  const Node* c = s.documents[0].root->get("c");
  EXPECT_EQ(c->get("k")->text(), "1");
  EXPECT_EQ(c->get("j")->text(), "3");
}

TEST(YamlParse, AliasBombIsALimitError) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  Stream s = parse(bomb);
  ASSERT_FALSE(s.errors.empty());
  EXPECT_EQ(s.errors[0].kind, Error::Kind::limit_exceeded);
  EXPECT_GT(s.errors[0].line, 1);
}

TEST(YamlParse, HugeScalarIsALimitError) {
  std::string big = "k: " + std::string(5u << 20, 'a') + "\n";
  Stream s = parse(big);
  ASSERT_FALSE(s.errors.empty());
  EXPECT_EQ(s.errors[0].kind, Error::Kind::limit_exceeded);
  EXPECT_EQ(s.errors[0].line, 1);
  EXPECT_EQ(s.errors[0].column, 4);
}

TEST(YamlParse, DeepNestingIsALimitError) {
  std::string deep(1000, '[');
  deep += std::string(1000, ']');
  Stream s = parse(deep);
  ASSERT_FALSE(s.errors.empty());
  EXPECT_EQ(s.errors[0].kind, Error::Kind::limit_exceeded);
}

TEST(YamlParse, JsonIsReadWithPositions) {
  Stream s = parse("{\n\t\"kind\": \"Pod\",\n\t\"spec\": {\"hostNetwork\": true}\n}\n");
  ASSERT_TRUE(s.errors.empty()) << s.errors[0].message;
  const Node* root = s.documents[0].root;
  EXPECT_EQ(root->get("kind")->text(), "Pod");
  EXPECT_EQ(root->get("spec")->get("hostNetwork")->as_bool(), true);
  EXPECT_EQ(root->get("kind")->where().line, 2);
}

TEST(YamlNode, QuotedScalarsAreNotBooleansOrNull) {
  Stream s = parse("a: \"true\"\nb: ''\nc: yes\nd: ~\n");
  const Node* r = s.documents[0].root;
  EXPECT_EQ(r->get("a")->as_bool(), std::nullopt);
  EXPECT_FALSE(r->get("b")->is_null());
  EXPECT_EQ(r->get("c")->as_bool(), std::nullopt);
  EXPECT_EQ(r->get("c")->as_bool(/*yaml11=*/true), true);
  EXPECT_TRUE(r->get("d")->is_null());
}

TEST(YamlNode, BoolTagMakesAQuotedScalarABoolean) {
  Stream s = parse("a: !!bool \"true\"\nb: !!bool 'False'\nc: !!str true\nd: !!bool \"maybe\"\n");
  ASSERT_TRUE(s.errors.empty());
  const Node* r = s.documents[0].root;
  EXPECT_EQ(r->get("a")->as_bool(), true);
  EXPECT_EQ(r->get("b")->as_bool(), false);
  EXPECT_EQ(r->get("c")->as_bool(), std::nullopt);
  EXPECT_EQ(r->get("d")->as_bool(), std::nullopt);
}

TEST(YamlNode, AsIntAcceptsSignedDecimalsOnly) {
  Stream s = parse("a: 1000\nb: -5\nc: 1e3\nd: \"42\"\n");
  const Node* r = s.documents[0].root;
  EXPECT_EQ(r->get("a")->as_int(), 1000);
  EXPECT_EQ(r->get("b")->as_int(), -5);
  EXPECT_EQ(r->get("c")->as_int(), std::nullopt);
  EXPECT_EQ(r->get("d")->as_int(), 42);
}

TEST(YamlNode, FindMatchesScalarKeysOnlyAndTheEmptyKey) {
  Stream s = parse("? [a]\n: 1\n? {a: b}\n: 2\nab: 3\na: 4\n\"\": 5\nb: 6\n");
  ASSERT_TRUE(s.errors.empty());
  const Node* root = s.documents[0].root;
  ASSERT_EQ(root->entries().size(), 6u);
  EXPECT_EQ(root->get("a")->text(), "4");
  EXPECT_EQ(root->get("ab")->text(), "3");
  EXPECT_EQ(root->get("")->text(), "5");
  EXPECT_EQ(root->get("c"), nullptr);
}

TEST(YamlParse, EmptyStreamHasNoDocuments) {
  Stream s = parse("");
  EXPECT_TRUE(s.errors.empty());
  EXPECT_TRUE(s.documents.empty());
}

TEST(YamlParse, UnknownAliasIsAnErrorNotACrash) {
  Stream s = parse("a: *nope\n");
  ASSERT_FALSE(s.errors.empty());
}

}  // namespace
}  // namespace vern::yaml
