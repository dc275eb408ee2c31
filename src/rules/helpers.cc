#include "rules/helpers.h"

#include <cctype>

namespace vern {

std::string container_phrase(const Workload& w, const Container& c) {
  if (w.surface != Surface::kubernetes && w.surface != Surface::enforcement) return {};
  std::string role;
  switch (c.role) {
    case ContainerRole::main: role = "container"; break;
    case ContainerRole::init: role = "init container"; break;
    case ContainerRole::ephemeral: role = "ephemeral container"; break;
  }
  return c.name.empty() ? role : role + ' ' + c.name;
}

Finding make_finding(const RuleInfo& info, const Workload& w, const Container* c, Location where,
                     std::string message) {
  Finding f;
  f.rule = std::string(info.slug);
  f.severity = info.severity;
  f.file = w.file;
  f.where = where;
  f.object = w.label();
  if (c) {
    std::string phrase = container_phrase(w, *c);
    if (!phrase.empty()) f.object += ' ' + phrase;
  }
  f.message = std::move(message);
  f.remedy = std::string(info.remedy);
  if (!info.cis.empty()) f.properties.emplace_back("cis", std::string(info.cis));
  return f;
}

std::string normalize_capability(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char ch : name) out += char(std::toupper(static_cast<unsigned char>(ch)));
  if (out.rfind("CAP_", 0) == 0) out.erase(0, 4);
  return out;
}

}  // namespace vern
