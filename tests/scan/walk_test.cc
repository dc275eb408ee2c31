// Walker: which files a scan reads, in what order, and what it leaves alone.
#include "scan/walk.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace vern {
namespace {

namespace fs = std::filesystem;

class WalkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "vern-walk-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    m_root = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(m_root, ec);
  }
  void touch(const std::string& rel) {
    fs::path p = fs::path(m_root) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "x: 1\n";
  }
  // Every file the walker yields, relative to the root; errors appended as "!file".
  std::vector<std::string> walk(std::vector<std::string> roots,
                                std::vector<std::string> ignore = {}) {
    Walker w(std::move(roots), std::move(ignore));
    std::vector<std::string> out;
    std::optional<Error> err;
    while (true) {
      std::optional<WalkItem> item = w.next(err);
      if (err) {
        out.push_back("!" + err->file);
        continue;
      }
      if (!item) break;
      std::string p = item->path;
      if (p.rfind(m_root + "/", 0) == 0) p = p.substr(m_root.size() + 1);
      out.push_back(item->explicit_path ? "=" + p : p);
    }
    return out;
  }
  std::string m_root;
};

TEST_F(WalkTest, SortedDepthFirstAndOnlyFilesWorthReading) {
  touch("b.yaml");
  touch("a/compose.yaml");
  touch("a/z/k8s.yml");
  touch("Dockerfile");
  touch("image.png");
  touch("notes.txt");
  touch("c.json");
  EXPECT_EQ(walk({m_root}), (std::vector<std::string>{"Dockerfile", "a/compose.yaml", "a/z/k8s.yml",
                                                      "b.yaml", "c.json"}));
}

TEST_F(WalkTest, SkipsToolFoldersAndSymlinks) {
  touch("app/compose.yaml");
  touch(".git/config.yaml");
  touch("node_modules/pkg/compose.yaml");
  touch("outside/deploy.yaml");
  fs::create_directory_symlink(fs::path(m_root) / "outside", fs::path(m_root) / "app" / "link");
  fs::create_symlink(fs::path(m_root) / "app" / "compose.yaml",
                     fs::path(m_root) / "app" / "alias.yaml");
  EXPECT_EQ(walk({m_root + "/app"}), (std::vector<std::string>{"app/compose.yaml"}));
}

TEST_F(WalkTest, IgnorePatternsRelativeToTheRoot) {
  touch("vendor/compose.yaml");
  touch("deploy/x.generated.yaml");
  touch("deploy/web.yaml");
  EXPECT_EQ(walk({m_root}, {"vendor", "*.generated.yaml"}),
            (std::vector<std::string>{"deploy/web.yaml"}));
}

TEST_F(WalkTest, ARootNamedOnTheCommandLineIsNotIgnored) {
  touch("fixtures/a.yaml");
  touch("fixtures/sub/b.yaml");
  touch("other/c.yaml");
  std::vector<std::string> ignore = {m_root + "/fixtures", "fixtures/", "sub"};
  EXPECT_EQ(walk({m_root}, ignore), (std::vector<std::string>{"other/c.yaml"}));
  // The pattern that covers the root is dropped; the others still apply below it.
  EXPECT_EQ(walk({m_root + "/fixtures"}, ignore), (std::vector<std::string>{"fixtures/a.yaml"}));
}

TEST_F(WalkTest, ExplicitFilesAndMissingRoots) {
  touch("notes.txt");
  touch("a.yaml");
  EXPECT_EQ(walk({m_root + "/notes.txt", m_root + "/missing", m_root + "/a.yaml"}),
            (std::vector<std::string>{"=notes.txt", "!" + m_root + "/missing", "=a.yaml"}));
}

}  // namespace
}  // namespace vern
