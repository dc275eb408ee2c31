#include "rules/object_finding.h"

#include <utility>

namespace vern {

Finding make_object_finding(const RuleInfo& info, std::string file, Location where,
                            std::string object, std::string message) {
  Finding f;
  f.rule = std::string(info.slug);
  f.severity = info.severity;
  f.file = std::move(file);
  f.where = where;
  f.object = std::move(object);
  f.message = std::move(message);
  f.remedy = std::string(info.remedy);
  if (!info.cis.empty()) f.properties.emplace_back("cis", std::string(info.cis));
  return f;
}

std::string kube_object_label(std::string_view kind, std::string_view ns, std::string_view name) {
  std::string out(kind);
  if (ns.empty() && name.empty()) return out;
  out += ' ';
  if (!ns.empty()) {
    out += ns;
    out += '/';
  }
  out += name;
  return out;
}

}  // namespace vern
