#include <gtest/gtest.h>

#include "rules/network_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_privileged_port;

namespace test {
namespace {

TEST(PrivilegedPort, MetadataMatchesCatalog) {
  EXPECT_EQ(k_privileged_port.info.slug, "privileged-port");
  EXPECT_EQ(k_privileged_port.info.severity, Severity::low);
  EXPECT_EQ(k_privileged_port.info.surfaces.letters(), "DCK");
  EXPECT_EQ(k_privileged_port.info.cis, "5.8");
}

TEST(PrivilegedPort, BadAndGood) {
  expect_cases(k_privileged_port,
               {
                   {"EXPOSE 80",
                    workload(Surface::dockerfile).with(container().port(listen_port(80))),
                    {"stage \"app\" listens on privileged port 80/tcp"}},
                   {"containerPort 443",
                    workload(Surface::kubernetes).with(container().port(listen_port(443))),
                    {"container \"app\" listens on privileged port 443/tcp"}},
                   {"compose 8080:80 looks at the container side",
                    workload(Surface::compose).with(container().port(publish(80, 8080))),
                    {"service \"web\" listens on privileged port 80/tcp"}},
                   {"range starting below 1024",
                    workload(Surface::compose).with(container().port(publish_range(1000, 1030))),
                    {"service \"web\" listens on privileged port 1000-1030/tcp"}},
                   {"compose 80:8080 maps a low host port to a high container port",
                    workload(Surface::compose).with(container().port(publish(8080, 80))),
                    {}},
                   {"high port",
                    workload(Surface::kubernetes).with(container().port(listen_port(8080))),
                    {}},
                   {"1024 is not privileged",
                    workload(Surface::dockerfile).with(container().port(listen_port(1024))),
                    {}},
                   {"unknown port",
                    workload(Surface::dockerfile).with(container().port(listen_port(0))),
                    {}},
                   {"docker run is not a surface of the rule",
                    workload(Surface::run).with(container().port(publish(80, 80))),
                    {}},
               });
}

TEST(PrivilegedPort, OneFindingPerMapping) {
  auto found = run_rule(
      k_privileged_port,
      workload(Surface::compose)
          .with(container().port(publish(80, 80, line(41))).port(listen_port(80, 0, line(44)))));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].where, line(41));
  EXPECT_EQ(found[1].where, line(44));
}

}  // namespace
}  // namespace test
}  // namespace vern
