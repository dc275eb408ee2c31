#include "model/workload.h"

namespace vern {

std::string Workload::label() const {
  std::string out;
  append_label(out);
  return out;
}

void Workload::append_label(std::string& out) const {
  out += kind;
  if (!name.empty() || !ns.empty()) {
    out += ' ';
    if (!ns.empty()) {
      out += ns;
      out += '/';
    }
    out += name;
  }
}

}  // namespace vern
