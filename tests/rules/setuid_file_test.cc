#include <gtest/gtest.h>

#include "rules/image_rule_cases.h"
#include "rules/model_builder.h"

namespace vern {
extern const Rule k_setuid_file;

namespace {

TEST(SetuidFile, ListsSetuidAndSetgidFilesInOneFinding) {
  ImageFacts f = test::image_facts();
  f.setuid_files = {
      {"/usr/bin/passwd", 04755, 0}, {"/usr/bin/wall", 02755, 0}, {"/usr/bin/both", 06755, 1}};
  auto found = test::run_rule(k_setuid_file, test::with_image(f));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "3 setuid/setgid files: /usr/bin/passwd (setuid), /usr/bin/wall (setgid), "
            "/usr/bin/both (setuid+setgid)");
  EXPECT_EQ(found[0].object, "image example/app:1");
  EXPECT_EQ(found[0].file, "app.tar");
  EXPECT_EQ(found[0].severity, Severity::low);
}

TEST(SetuidFile, LongListsAreCut) {
  ImageFacts f = test::image_facts();
  for (int i = 0; i < 12; ++i) f.setuid_files.push_back({"/bin/f" + std::to_string(i), 04755, 0});
  auto found = test::run_rule(k_setuid_file, test::with_image(f));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("/bin/f9 (setuid) and 2 more"), std::string::npos)
      << found[0].message;
}

TEST(SetuidFile, NoFindingWithoutSetuidFiles) {
  EXPECT_TRUE(test::run_rule(k_setuid_file, test::with_image(test::image_facts())).empty());
  EXPECT_TRUE(test::run_rule(k_setuid_file, Inventory{}).empty());
}

}  // namespace
}  // namespace vern
