#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_copy_whole_context;

namespace {

std::vector<std::string> found(IgnoreFile ignore, std::vector<BuildCopy> copies) {
  BuildFile b;
  b.dockerignore = ignore;
  b.copies = std::move(copies);
  return test::messages(test::run_rule(k_copy_whole_context, test::build(std::move(b))));
}

TEST(CopyWholeContext, WholeContextWithoutDockerignore) {
  EXPECT_EQ(found(IgnoreFile::missing, {test::copy("COPY", {"."})}),
            std::vector<std::string>{"COPY . copies the whole build context and there is no "
                                     ".dockerignore beside the Dockerfile"});
  EXPECT_EQ(found(IgnoreFile::missing, {test::copy("ADD", {"./"})}).size(), 1u);
  EXPECT_EQ(found(IgnoreFile::missing, {test::copy("COPY", {"package.json", "."})}).size(), 1u);
}

TEST(CopyWholeContext, GoodCases) {
  EXPECT_EQ(found(IgnoreFile::present, {test::copy("COPY", {"."})}), std::vector<std::string>{});
  EXPECT_EQ(found(IgnoreFile::unknown, {test::copy("COPY", {"."})}), std::vector<std::string>{});
  EXPECT_EQ(found(IgnoreFile::missing, {test::copy("COPY", {"src/"}), test::copy("COPY", {"$X"})}),
            std::vector<std::string>{});
  BuildCopy from_stage = test::copy("COPY", {"."});
  from_stage.from_other = true;
  EXPECT_EQ(found(IgnoreFile::missing, {from_stage}), std::vector<std::string>{});
}

TEST(CopyWholeContext, OnbuildAddCopiesTheChildBuildsContextNotThisOne) {
  BuildCopy trigger = test::copy("ADD", {"."});
  trigger.onbuild = true;
  EXPECT_EQ(found(IgnoreFile::missing, {trigger}), std::vector<std::string>{});
}

}  // namespace
}  // namespace vern
