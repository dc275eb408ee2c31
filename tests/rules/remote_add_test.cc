#include <gtest/gtest.h>

#include "rules/build_builder.h"

namespace vern {
extern const Rule k_remote_add;

namespace {

std::vector<std::string> found(std::vector<BuildCopy> copies) {
  BuildFile b;
  b.copies = std::move(copies);
  return test::messages(test::run_rule(k_remote_add, test::build(std::move(b))));
}

TEST(RemoteAdd, AddOfAUrlWithoutChecksum) {
  EXPECT_EQ(found({test::copy("ADD", {"https://x.example/a.tgz"})}),
            std::vector<std::string>{"ADD downloads https://x.example/a.tgz without a checksum"});
  EXPECT_EQ(found({test::copy("ADD", {"local.tgz", "http://x/b"})}),
            std::vector<std::string>{"ADD downloads http://x/b without a checksum"});
  EXPECT_EQ(
      found({test::copy("ADD", {"ssh://git@github.com/org/repo.git", "git@github.com:o/r.git"})}),
      (std::vector<std::string>{
          "ADD downloads ssh://git@github.com/org/repo.git without a checksum",
          "ADD downloads git@github.com:o/r.git without a checksum"}));
  auto f = test::run_rule(k_remote_add, [] {
    BuildFile b;
    b.copies = {test::copy("ADD", {"https://x"}, 9)};
    return test::build(b);
  }());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where, test::line(9, 5));
  EXPECT_EQ(f[0].file, "Dockerfile");
}

TEST(RemoteAdd, GoodCases) {
  BuildCopy with_checksum = test::copy("ADD", {"https://x.example/a.tgz"});
  with_checksum.has_checksum = true;
  EXPECT_EQ(found({with_checksum, test::copy("COPY", {"https://x"}),
                   test::copy("ADD", {"app.tar.gz"}), test::copy("ADD", {"$URL"})}),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace vern
