#include <gtest/gtest.h>

#include "rules/model_builder.h"
#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_host_ipc;

namespace test {
namespace {

TEST(HostIpc, MetadataMatchesCatalog) {
  EXPECT_EQ(k_host_ipc.info.slug, "host-ipc");
  EXPECT_EQ(k_host_ipc.info.severity, Severity::high);
  EXPECT_EQ(k_host_ipc.info.surfaces.letters(), "CKRHE");
  EXPECT_EQ(k_host_ipc.info.cis, "5.17");
}

TEST(HostIpc, BadAndGood) {
  expect_cases(k_host_ipc,
               {
                   {"kubernetes hostIPC",
                    workload(Surface::kubernetes).host_ipc(true),
                    {"Deployment \"default/web\" shares the host's IPC namespace (hostIPC: true)"}},
                   {"compose ipc host",
                    workload(Surface::compose).host_ipc(true),
                    {"service \"web\" shares the host's IPC namespace (ipc: host)"}},
                   {"live container",
                    workload(Surface::host).host_ipc(true),
                    {"container \"web\" shares the host's IPC namespace (IpcMode: host)"}},
                   {"hostIPC false", workload(Surface::kubernetes).host_ipc(false), {}},
                   {"not written", workload(Surface::run), {}},
               });
}

}  // namespace
}  // namespace test
}  // namespace vern
