#include <gtest/gtest.h>

#include "rules/image_rule_cases.h"
#include "rules/model_builder.h"

namespace vern {
extern const Rule k_world_writable_file;

namespace {

TEST(WorldWritableFile, ListsPathsWithModes) {
  ImageFacts f = test::image_facts();
  f.world_writable = {{"/app/shared", 0777, 1}, {"/etc/app.conf", 0666, 2}};
  auto found = test::run_rule(k_world_writable_file, test::with_image(f));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "2 world-writable paths: /app/shared (0777), /etc/app.conf (0666)");
  EXPECT_EQ(found[0].rule, "world-writable-file");
}

TEST(WorldWritableFile, NoFindingForACleanImage) {
  EXPECT_TRUE(test::run_rule(k_world_writable_file, test::with_image(test::image_facts())).empty());
}

}  // namespace
}  // namespace vern
