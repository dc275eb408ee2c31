#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_disallowed_volume_type;

namespace {

using test::container;
using test::volume;
using test::workload;

TEST(DisallowedVolumeType, Cases) {
  auto pod = [](const std::string& type) {
    return workload(Surface::kubernetes).with(container()).mount(volume(type));
  };
  test::expect_cases(k_disallowed_volume_type,
                     {
                         {"hostPath", pod("hostPath"), {"volume \"vol\" has type hostPath"}},
                         {"nfs", pod("nfs"), {"volume \"vol\" has type nfs"}},
                         {"configMap", pod("configMap"), {}},
                         {"emptyDir", pod("emptyDir"), {}},
                         {"projected", pod("projected"), {}},
                         {"secret", pod("secret"), {}},
                         {"downwardAPI", pod("downwardAPI"), {}},
                         {"persistentVolumeClaim", pod("persistentVolumeClaim"), {}},
                         {"ephemeral", pod("ephemeral"), {}},
                         {"csi", pod("csi"), {}},
                         {"no source is emptyDir", pod(""), {}},
                         {"compose bind mounts are not pod volumes",
                          workload(Surface::compose).with(container()).mount(volume("bind", "/x")),
                          {}},
                         {"authorization request bind mount",
                          workload(Surface::enforcement).with(container()).mount(volume("bind")),
                          {}},
                     });
}

}  // namespace
}  // namespace vern
