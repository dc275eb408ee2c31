#include "sources/daemon_json/translate.h"

#include <gtest/gtest.h>

namespace vern {
namespace {

TEST(DaemonJsonTranslator, SettingsWithTheirKeyPositions) {
  Translation t = translate_daemon_json("daemon.json",
                                        "{\n"
                                        "  \"hosts\": [\"fd://\", \"tcp://0.0.0.0:2375\"],\n"
                                        "  \"tlsverify\": false,\n"
                                        "  \"userns-remap\": \"default\",\n"
                                        "  \"icc\": false,\n"
                                        "  \"no-new-privileges\": true\n"
                                        "}\n");
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.inventory.daemon_configs.size(), 1u);
  const DaemonConfig& c = t.inventory.daemon_configs[0];
  EXPECT_EQ(c.label, "daemon.json");
  ASSERT_EQ(c.hosts.size(), 2u);
  EXPECT_TRUE(c.hosts[1].is("tcp://0.0.0.0:2375"));
  EXPECT_EQ(c.hosts[1].where, (Location{2, 22}));
  EXPECT_TRUE(c.tls_verify.is(false));
  EXPECT_EQ(c.tls_verify.where, (Location{3, 3}));
  EXPECT_TRUE(c.userns_remap.is("default"));
  EXPECT_TRUE(c.icc.is(false));
  EXPECT_TRUE(c.no_new_privileges.is(true));
  EXPECT_TRUE(c.live_restore.is_absent());
  EXPECT_EQ(c.live_restore.where, (Location{1, 1}));
}

TEST(DaemonJsonTranslator, CompactJsonParses) {
  Translation t = translate_daemon_json("daemon.json", "{\"live-restore\":true,\"icc\":true}");
  ASSERT_TRUE(t.errors.empty());
  EXPECT_TRUE(t.inventory.daemon_configs.at(0).live_restore.is(true));
  EXPECT_TRUE(t.inventory.daemon_configs.at(0).icc.is(true));
}

TEST(DaemonJsonTranslator, Errors) {
  EXPECT_EQ(translate_daemon_json("d.json", "").errors.size(), 1u);
  EXPECT_EQ(translate_daemon_json("d.json", "[1, 2]").errors.size(), 1u);
  EXPECT_EQ(translate_daemon_json("d.json", "{\"icc\": ").errors.size(), 1u);
  Translation wrong = translate_daemon_json("d.json", "{\"icc\": \"no\"}");
  ASSERT_EQ(wrong.errors.size(), 1u);
  EXPECT_EQ(wrong.errors[0].file, "d.json");
  EXPECT_TRUE(wrong.inventory.daemon_configs.at(0).icc.is_absent());
}

}  // namespace
}  // namespace vern
