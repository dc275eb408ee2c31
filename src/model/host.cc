#include "model/host.h"

namespace vern {

std::string_view virtualization_name(Virtualization v) {
  switch (v) {
    case Virtualization::unknown:
      return "unknown";
    case Virtualization::bare_metal:
      return "bare metal";
    case Virtualization::hardware_vm:
      return "hardware-virtualized guest";
    case Virtualization::shared_kernel:
      return "shared-kernel container";
  }
  return "unknown";
}

std::string_view lsm_mode_name(LsmMode m) {
  switch (m) {
    case LsmMode::unknown:
      return "unknown";
    case LsmMode::absent:
      return "absent";
    case LsmMode::permissive:
      return "permissive";
    case LsmMode::enforcing:
      return "enforcing";
  }
  return "unknown";
}

}  // namespace vern
