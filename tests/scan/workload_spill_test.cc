// WorkloadSpill: workloads set aside in a temporary file come back whole, in
// order, in batches, as often as asked.
#include "scan/workload_spill.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vern {
namespace {

Workload sample(int i) {
  Workload w;
  w.surface = Surface::kubernetes;
  w.file = "deploy/app-" + std::to_string(i) + ".yaml";
  w.kind = "Deployment";
  w.name = "web-" + std::to_string(i);
  w.ns = i % 2 ? "shop" : "";
  w.api_version = "apps/v1";
  w.where = {i + 1, 1};
  w.host_network = Located<bool>::literal(true, {i + 2, 5});
  w.host_pid = Located<bool>::dynamic({i + 3, 7});
  w.network_mode = Located<std::string>::literal("host", {4, 9});
  w.networks_written = i % 3 == 0;
  w.pod_spec_where = {i + 5, 3};
  w.automount_sa_token =
      i % 2 ? Located<bool>::absent({i + 5, 3}) : Located<bool>::literal(true, {i + 6, 5});
  w.service_account = i % 2 ? "" : "api \xe2\x9c\x93";  // any bytes survive
  w.containers.push_back({});                           // not kept
  return w;
}

void expect_same_pod_facts(const Workload& a, const Workload& b) {
  EXPECT_EQ(a.surface, b.surface);
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.ns, b.ns);
  EXPECT_EQ(a.api_version, b.api_version);
  EXPECT_EQ(a.where, b.where);
  EXPECT_EQ(a.host_network.presence, b.host_network.presence);
  EXPECT_EQ(a.host_network.value, b.host_network.value);
  EXPECT_EQ(a.host_network.where, b.host_network.where);
  EXPECT_EQ(a.host_pid.presence, b.host_pid.presence);
  EXPECT_EQ(a.host_pid.where, b.host_pid.where);
  EXPECT_EQ(a.host_ipc.presence, b.host_ipc.presence);
  EXPECT_EQ(a.network_mode.presence, b.network_mode.presence);
  EXPECT_EQ(a.network_mode.value, b.network_mode.value);
  EXPECT_EQ(a.network_mode.where, b.network_mode.where);
  EXPECT_EQ(a.userns_mode.presence, b.userns_mode.presence);
  EXPECT_EQ(a.networks_written, b.networks_written);
  EXPECT_EQ(a.pod_spec_where, b.pod_spec_where);
  EXPECT_EQ(a.automount_sa_token.presence, b.automount_sa_token.presence);
  EXPECT_EQ(a.automount_sa_token.value, b.automount_sa_token.value);
  EXPECT_EQ(a.automount_sa_token.where, b.automount_sa_token.where);
  EXPECT_EQ(a.service_account, b.service_account);
}

TEST(WorkloadSpill, ReplayGivesBackPodFactsInPushOrderInBatches) {
  WorkloadSpill spill;
  for (int i = 0; i < 25; ++i) spill.push(sample(i));
  EXPECT_EQ(spill.size(), 25u);
  std::vector<std::size_t> sizes;
  std::vector<Workload> back;
  spill.replay(10, [&](std::vector<Workload>& batch) {
    sizes.push_back(batch.size());
    for (Workload& w : batch) back.push_back(std::move(w));
  });
  EXPECT_EQ(sizes, (std::vector<std::size_t>{10, 10, 5}));
  ASSERT_EQ(back.size(), 25u);
  for (int i = 0; i < 25; ++i) {
    SCOPED_TRACE(i);
    expect_same_pod_facts(back[std::size_t(i)], sample(i));
    EXPECT_TRUE(back[std::size_t(i)].containers.empty());
  }
}

TEST(WorkloadSpill, ReplayCanBeRepeatedAndPushingGoesOnAfterIt) {
  WorkloadSpill spill;
  spill.push(sample(1));
  int seen = 0;
  spill.replay(8, [&](std::vector<Workload>& batch) { seen += int(batch.size()); });
  spill.push(sample(2));
  std::vector<std::string> names;
  spill.replay(8, [&](std::vector<Workload>& batch) {
    for (const Workload& w : batch) names.push_back(w.name);
  });
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(names, (std::vector<std::string>{"web-1", "web-2"}));
}

TEST(WorkloadSpill, EmptySpillCallsNothing) {
  WorkloadSpill spill;
  bool called = false;
  spill.replay(4, [&](std::vector<Workload>&) { called = true; });
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace vern
