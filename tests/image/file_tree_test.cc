#include "image/file_tree.h"

#include <gtest/gtest.h>

#include "image_builder.h"

namespace vern {
namespace {

LayerScan layer(const std::vector<test::TarEntry>& entries) {
  Budget budget{ImageLimits{}};
  std::string tar = test::make_tar(entries);
  MemorySource src(tar);
  Result<LayerScan> r = scan_layer(src, budget);
  EXPECT_TRUE(r.ok());
  return r.ok() ? std::move(r.value()) : LayerScan{};
}

std::vector<std::string> paths(const FileTree& t) {
  std::vector<std::string> out;
  for (const auto& [p, n] : t.nodes()) out.push_back(p);
  return out;
}

TEST(FileTree, WhiteoutRemovesPathAndChildrenFromLowerLayers) {
  LayerScan l0 = layer({{"etc", 'd'},
                        {"etc/a", 'f', "1"},
                        {"etc/b", 'd'},
                        {"etc/b/c", 'f', "2"},
                        {"etc/b-c", 'f', "3"}});
  LayerScan l1 = layer({{"etc/.wh.b", 'f'}, {"etc/.wh.a", 'f'}});
  FileTree t;
  t.apply(0, l0);
  t.apply(1, l1);
  EXPECT_EQ(paths(t), (std::vector<std::string>{"etc", "etc/b-c"}));
}

TEST(FileTree, OpaqueDirectoryHidesLowerContentButKeepsItsOwn) {
  LayerScan l0 = layer({{"var/cache", 'd'}, {"var/cache/old", 'f', "1"}});
  LayerScan l1 = layer({{"var/cache/new", 'f', "2"}, {"var/cache/.wh..wh..opq", 'f'}});
  FileTree t;
  t.apply(0, l0);
  t.apply(1, l1);
  EXPECT_EQ(paths(t), (std::vector<std::string>{"var/cache", "var/cache/new"}));
}

TEST(FileTree, WhiteoutDoesNotRemoveTheSameLayersFile) {
  LayerScan l0 = layer({{"x", 'f', "old"}});
  LayerScan l1 = layer({{"x", 'f', "new"}, {".wh.x", 'f'}});
  FileTree t;
  t.apply(0, l0);
  t.apply(1, l1);
  ASSERT_EQ(paths(t), std::vector<std::string>{"x"});
  EXPECT_EQ(t.nodes().at("x").layer, 1);
}

TEST(FileTree, RecordsSecretsRemovedByLaterLayers) {
  std::string key = "-----BEGIN OPENSSH PRIVATE KEY-----\nx\n";
  LayerScan l0 = layer({{"root/.ssh", 'd'}, {"root/.ssh/deploy", 'f', key}});
  LayerScan l1 = layer({{"app/.env", 'f', "A=1"}});
  LayerScan l2 = layer({{"root/.wh..ssh", 'f'}, {"app/.env", 'f', ""}});
  FileTree t;
  t.apply(0, l0);
  t.apply(1, l1);
  t.apply(2, l2);
  ASSERT_EQ(t.removed_secrets().size(), 1u);
  EXPECT_EQ(t.removed_secrets()[0].path, "root/.ssh/deploy");
  EXPECT_EQ(t.removed_secrets()[0].added_layer, 0);
  EXPECT_EQ(t.removed_secrets()[0].removed_layer, 2);
  // The replaced .env is still a dotenv file by name: it is reported as present instead.
}

TEST(FileTree, HardLinkTakesItsTargetsContentAndMissingTargetsAreSkipped) {
  LayerScan l0 = layer({{"etc/os-release", 'f', "ID=x\n"},
                        {"usr/lib/os-release", 'h', "", 0644, "etc/os-release"},
                        {"dangling", 'h', "", 0644, "no/such/file"}});
  FileTree t;
  t.apply(0, l0);
  Result<const TreeNode*> n = t.lookup("usr/lib/os-release");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ((*n)->data->content, "ID=x\n");
  EXPECT_FALSE(t.lookup("dangling").ok());
  ASSERT_EQ(t.skipped().size(), 1u);
  EXPECT_NE(t.skipped()[0].find("not a file in the image"), std::string::npos);
}

TEST(FileTree, LookupFollowsSymlinksInsideTheRoot) {
  LayerScan l0 = layer({{"usr/lib/os-release", 'f', "ID=debian\n"},
                        {"etc/os-release", 'l', "", 0777, "../usr/lib/os-release"},
                        {"abs", 'l', "", 0777, "/usr/lib"},
                        {"escape", 'l', "", 0777, "../../../../usr/lib/os-release"},
                        {"loop1", 'l', "", 0777, "loop2"},
                        {"loop2", 'l', "", 0777, "loop1"}});
  FileTree t;
  t.apply(0, l0);
  Result<const TreeNode*> a = t.lookup("etc/os-release");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ((*a)->entry->path, "usr/lib/os-release");
  ASSERT_TRUE(t.lookup("abs/os-release").ok());
  Result<const TreeNode*> esc = t.lookup("escape");  // ".." stops at the root
  ASSERT_TRUE(esc.ok());
  EXPECT_EQ((*esc)->entry->path, "usr/lib/os-release");
  Result<const TreeNode*> loop = t.lookup("loop1");
  ASSERT_FALSE(loop.ok());
  EXPECT_NE(loop.error().message.find("symlink loop"), std::string::npos);
  Result<const TreeNode*> nofollow = t.lookup("etc/os-release", false);
  ASSERT_TRUE(nofollow.ok());
  EXPECT_EQ((*nofollow)->entry->type, EntryType::symlink);
  EXPECT_EQ(t.lookup("missing").error().kind, Error::Kind::not_found);
}

TEST(FileTree, FileReplacingADirectoryDropsItsChildren) {
  LayerScan l0 = layer({{"opt/app", 'd'}, {"opt/app/bin", 'f', "x"}});
  LayerScan l1 = layer({{"opt/app", 'l', "", 0777, "/srv"}});
  FileTree t;
  t.apply(0, l0);
  t.apply(1, l1);
  EXPECT_EQ(paths(t), std::vector<std::string>{"opt/app"});
}

}  // namespace
}  // namespace vern
