#include <gtest/gtest.h>

#include "rules/rule_cases.h"

namespace vern {
extern const Rule k_writable_root_filesystem;

namespace {

using test::container;
using test::workload;

TEST(WritableRootFilesystem, Cases) {
  test::expect_cases(
      k_writable_root_filesystem,
      {
          {"not set",
           workload(Surface::kubernetes).with(container()),
           {"container \"app\" has a writable root filesystem: read-only not set here"}},
          {"read-only", workload(Surface::kubernetes).with(container().read_only_rootfs(true)), {}},
          {"explicitly writable",
           workload(Surface::compose).with(container("web").read_only_rootfs(false)),
           {"service \"web\" sets a writable root filesystem (read-only false)"}},
          {"init containers too",
           workload(Surface::kubernetes)
               .with(container().read_only_rootfs(true))
               .with(container("init").role(ContainerRole::init)),
           {"init container \"init\" has a writable root filesystem: read-only not set here"}},
          {"image is not a surface", workload(Surface::image).with(container()), {}},
      });
}

}  // namespace
}  // namespace vern
