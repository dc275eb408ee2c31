#include "model/workload.h"

namespace vern {

std::string Workload::label() const {
  std::string out = kind;
  if (!name.empty() || !ns.empty()) {
    out += ' ';
    if (!ns.empty()) out += ns + '/';
    out += name;
  }
  return out;
}

}  // namespace vern
