#include "rules/helpers.h"

#include <cctype>

namespace vern {

namespace {

// Pods hold several containers, so findings name the one they are about;
// elsewhere a workload is its one container.
bool names_its_containers(const Workload& w) {
  return w.surface == Surface::kubernetes || w.surface == Surface::enforcement;
}

// What container_phrase() returns, appended to `out`.
void append_container_phrase(std::string& out, const Workload& w, const Container& c) {
  if (!names_its_containers(w)) return;
  switch (c.role) {
    case ContainerRole::main:
      out += "container";
      break;
    case ContainerRole::init:
      out += "init container";
      break;
    case ContainerRole::ephemeral:
      out += "ephemeral container";
      break;
  }
  if (!c.name.empty()) {
    out += ' ';
    out += c.name;
  }
}

}  // namespace

std::string no_limit_tail(const Located<std::string>& limit, std::string_view spelling) {
  std::string out;
  if (!limit.value.empty()) out += ": " + limit.value + " means unlimited";
  out += " (";
  out += spelling;
  out += ')';
  return out;
}

std::string container_phrase(const Workload& w, const Container& c) {
  std::string out;
  append_container_phrase(out, w, c);
  return out;
}

// Every finding is made here, so its strings are built in place, each with
// one allocation at most.
Finding make_finding(const RuleInfo& info, const Workload& w, const Container* c, Location where,
                     std::string message) {
  Finding f;
  f.rule = info.slug;
  f.severity = info.severity;
  f.file = w.file;
  f.where = where;
  f.object.reserve(w.kind.size() + w.ns.size() + w.name.size() + 2 + (c ? c->name.size() + 21 : 0));
  w.append_label(f.object);
  if (c && names_its_containers(w)) {
    f.object += ' ';
    append_container_phrase(f.object, w, *c);
  }
  f.message = std::move(message);
  f.remedy = info.remedy;
  if (!info.cis.empty()) f.properties.emplace_back("cis", info.cis);
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
