// read_file: whole files read back byte for byte, within the size limit, with
// a clear error for what cannot be read.
#include "util/file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace vern {
namespace {

class ReadFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/vern-file-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    m_dir = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  std::string write(const std::string& name, const std::string& content) {
    std::string path = m_dir + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::string m_dir;
};

TEST_F(ReadFile, ReadsEveryByte) {
  std::string content(100000, 'x');
  for (std::size_t i = 0; i < content.size(); i += 7) content[i] = char(i % 251);
  Result<std::string> got = read_file(write("big", content), 1 << 20);
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, content);
}

TEST_F(ReadFile, EmptyFileIsEmpty) {
  Result<std::string> got = read_file(write("empty", ""), 1 << 20);
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, "");
}

TEST_F(ReadFile, FileOfExactlyTheLimitIsReadWhole) {
  Result<std::string> got = read_file(write("limit", "12345"), 5);
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, "12345");
}

TEST_F(ReadFile, FileOverTheLimitIsAnError) {
  Result<std::string> got = read_file(write("over", "123456"), 5);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().kind, Error::Kind::limit_exceeded);
  EXPECT_EQ(got.error().file, m_dir + "/over");
}

TEST_F(ReadFile, FileLargerThanItsStatSizeIsReadToItsEnd) {
  // Files under /proc report size 0 and still hold text.
  Result<std::string> got = read_file("/proc/self/status", 1 << 20);
  ASSERT_TRUE(got);
  EXPECT_NE(got->find("Name:"), std::string::npos);
}

TEST_F(ReadFile, FolderAndMissingFileAreErrors) {
  Result<std::string> dir = read_file(m_dir, 1 << 20);
  ASSERT_FALSE(dir);
  EXPECT_NE(dir.error().message.find("not a regular file"), std::string::npos);
  Result<std::string> missing = read_file(m_dir + "/none", 1 << 20);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, Error::Kind::not_found);
}

TEST_F(ReadFile, ByNameInAnOpenFolderWithoutFollowingLinks) {
  write("real.yaml", "kind: Pod\n");
  ASSERT_EQ(::symlink((m_dir + "/real.yaml").c_str(), (m_dir + "/link.yaml").c_str()), 0);
  int fd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  DirFd dir(fd);
  Result<std::string> got = read_file_at(dir, "real.yaml", "shown/real.yaml", 1 << 20);
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, "kind: Pod\n");
  Result<std::string> link = read_file_at(dir, "link.yaml", "shown/link.yaml", 1 << 20);
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().file, "shown/link.yaml");
}

}  // namespace
}  // namespace vern
