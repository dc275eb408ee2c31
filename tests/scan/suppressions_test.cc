// Suppression comments and annotations: what they cover, and that each one
// remembers whether it matched (so stale ones can be reported).
#include "scan/suppressions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vern {
namespace {

Finding finding(const std::string& rule, int line, const std::string& file = "compose.yaml",
                const std::string& object = "service web") {
  Finding f;
  f.rule = rule;
  f.file = file;
  f.where = Location{line, 3};
  f.object = object;
  return f;
}

TEST(Suppressions, CommentCoversItsLineAndTheNext) {
  auto list = find_comment_suppressions("compose.yaml",
                                        "services:\n"
                                        "  # vern:ignore privileged\n"
                                        "  web:\n"
                                        "    privileged: true\n");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].rule, "privileged");
  EXPECT_EQ(list[0].where.line, 2);
  EXPECT_EQ(list[0].where.column, 5);
  EXPECT_FALSE(suppress(list, finding("privileged", 4)));  // two lines below
  EXPECT_FALSE(list[0].used);
  EXPECT_TRUE(suppress(list, finding("privileged", 3)));
  EXPECT_TRUE(list[0].used);
  EXPECT_TRUE(suppress(list, finding("privileged", 2)));
  EXPECT_FALSE(suppress(list, finding("privileged", 1)));
}

TEST(Suppressions, SeveralSlugsAndAReason) {
  auto list = find_comment_suppressions(
      "f", "  web: # vern:ignore root-user,no-cpu-limit the entrypoint needs root\n");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].rule, "root-user");
  EXPECT_EQ(list[1].rule, "no-cpu-limit");
  EXPECT_EQ(list[0].scope, Suppression::Scope::line);
}

TEST(Suppressions, SlugListMayHaveBlanksAfterCommas) {
  auto list = find_comment_suppressions(
      "Dockerfile",
      "# vern:ignore root-user, no-healthcheck,  image-not-pinned base image is ours\n");
  std::vector<std::string> rules;
  for (const Suppression& s : list) rules.push_back(s.rule);
  EXPECT_EQ(rules, (std::vector<std::string>{"root-user", "no-healthcheck", "image-not-pinned"}));
  // Without a comma, what follows the slug is the reason.
  auto reason = find_comment_suppressions("Dockerfile", "# vern:ignore root-user no-healthcheck\n");
  ASSERT_EQ(reason.size(), 1u);
  EXPECT_EQ(reason[0].rule, "root-user");
}

TEST(Suppressions, FileDirectiveCoversTheWholeFileOnly) {
  auto list = find_comment_suppressions("compose.yaml", "x: 1\n\n# vern:ignore-file root-user\n");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].scope, Suppression::Scope::file);
  EXPECT_TRUE(suppress(list, finding("root-user", 200)));
  EXPECT_FALSE(suppress(list, finding("root-user", 1, "other.yaml")));
  EXPECT_FALSE(suppress(list, finding("privileged", 1)));
}

TEST(Suppressions, OnlyInsideAComment) {
  auto list = find_comment_suppressions("f",
                                        "label: vern:ignore root-user\n"
                                        "RUN true // vern:ignore pipe-to-shell\n"
                                        "<!-- vern:ignore privileged -->\n"
                                        "# vern:ignore\n"
                                        "# vern:ignorefoo root-user\n");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].rule, "pipe-to-shell");
  EXPECT_EQ(list[0].where.line, 2);
  EXPECT_EQ(list[1].rule, "privileged");
  EXPECT_EQ(list[1].where.line, 3);
}

TEST(Suppressions, LineNumbersOfDirectivesFarApart) {
  std::string text = "# vern:ignore root-user\n";
  for (int i = 0; i < 50; ++i) text += "key" + std::to_string(i) + ": value\n";
  text += "x: 1  # vern:ignore privileged\n\n\n";
  text += "# vern:ignore no-cpu-limit";  // last line, no newline
  auto list = find_comment_suppressions("f", text);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].where.line, 1);
  EXPECT_EQ(list[1].where.line, 52);
  EXPECT_EQ(list[1].where.column, 9);
  EXPECT_EQ(list[2].where.line, 55);
}

TEST(Suppressions, RemoveSuppressedCountsAndMarksWhatItRemoves) {
  auto list = find_comment_suppressions("compose.yaml", "# vern:ignore privileged\nx: 1\n");
  std::vector<Finding> found = {finding("privileged", 2), finding("root-user", 2),
                                finding("privileged", 9)};
  EXPECT_EQ(remove_suppressed(list, found), 1);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule, "root-user");
  EXPECT_EQ(found[1].where.line, 9);
  EXPECT_TRUE(list[0].used);
}

TEST(Suppressions, CrlfLinesAndNoFinalNewline) {
  auto list = find_comment_suppressions("f", "a: 1\r\n# vern:ignore root-user\r\nb: 2");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].rule, "root-user");
  EXPECT_TRUE(suppress(list, finding("root-user", 3, "f")));
}

TEST(Suppressions, AnnotationCoversTheObjectAndItsContainers) {
  Inventory inv;
  Workload w;
  w.kind = "Deployment";
  w.name = "web";
  w.ns = "prod";
  w.file = "web.yaml";
  w.suppressions = {{"root-user", Location{7, 22}}};
  inv.workloads.push_back(w);
  auto list = find_object_suppressions(inv);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].scope, Suppression::Scope::object);
  EXPECT_EQ(list[0].object, "Deployment prod/web");
  EXPECT_FALSE(suppress(list, finding("root-user", 20, "web.yaml", "Deployment prod/web2")));
  EXPECT_FALSE(suppress(list, finding("root-user", 20, "other.yaml", "Deployment prod/web")));
  EXPECT_FALSE(list[0].used);
  EXPECT_TRUE(
      suppress(list, finding("root-user", 20, "web.yaml", "Deployment prod/web container app")));
  EXPECT_TRUE(list[0].used);
  EXPECT_TRUE(suppress(list, finding("root-user", 1, "web.yaml", "Deployment prod/web")));
}

TEST(Suppressions, NamespaceAndPolicyAnnotations) {
  Inventory inv;
  Namespace ns;
  ns.name = "legacy";
  ns.file = "ns.yaml";
  ns.suppressed = {"namespace-without-pod-security"};
  inv.namespaces.push_back(ns);
  auto list = find_object_suppressions(inv);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_TRUE(
      suppress(list, finding("namespace-without-pod-security", 3, "ns.yaml", "Namespace legacy")));
}

TEST(Suppressions, PersistentVolumeAnnotationCoversItsOwnFindings) {
  Inventory inv;
  PersistentVolume pv;
  pv.name = "local";
  pv.file = "pv.yaml";
  pv.suppressed = {"sensitive-host-mount"};
  inv.persistent_volumes.push_back(pv);
  auto list = find_object_suppressions(inv);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_FALSE(suppress(
      list, finding("sensitive-host-mount", 7, "pv.yaml", "PersistentVolume local-backup")));
  EXPECT_TRUE(
      suppress(list, finding("sensitive-host-mount", 7, "pv.yaml", "PersistentVolume local")));
}

}  // namespace
}  // namespace vern
