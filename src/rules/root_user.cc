// root-user: the container's process would run as UID 0.
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "root-user",
    .title = "Container runs as root",
    .severity = Severity::high,
    .surfaces = {Surface::dockerfile, Surface::compose, Surface::kubernetes, Surface::run,
                 Surface::host, Surface::image, Surface::enforcement},
    .rationale =
        "A process running as UID 0 is root on the host's kernel: a container escape, a "
        "writable host mount or a misconfigured capability turns into full control of the "
        "host. Running as an unprivileged user removes that step for an attacker.",
    .remedy =
        "Run as a non-root user: USER/user: 10001, or runAsNonRoot: true with a "
        "non-zero runAsUser.",
    .cis = "4.1",
};

// True for the Docker spellings of root: empty, `root`, `0`, `root:*`, `0:*`;
// a uid is read as a signed number, so `000`, `+0` and `-0` are 0 too.
bool is_root_spelling(std::string_view user) {
  std::string_view name = user.substr(0, user.find(':'));
  if (name.empty() || name == "root") return true;
  if (name.size() > 1 && (name[0] == '+' || name[0] == '-')) name.remove_prefix(1);
  for (char ch : name) {
    if (ch != '0') return false;  // any other digit or letter names someone else
  }
  return true;
}

void check_kubernetes(const Workload& w, const Container& c, FindingSink& out) {
  if (c.run_as_user.is(0)) {
    out.add(make_finding(k_info, w, &c, c.run_as_user.where,
                         subject(w, c) + " sets runAsUser: 0 (root)"));
    return;
  }
  if (c.run_as_non_root.is(true) || c.run_as_user.is_literal()) return;
  if (c.run_as_non_root.is_dynamic() || c.run_as_user.is_dynamic()) return;  // unknown
  std::string why = c.run_as_non_root.is(false) ? "sets runAsNonRoot: false and no runAsUser"
                                                : "neither runAsNonRoot: true nor a non-zero "
                                                  "runAsUser is set here";
  Location where = c.run_as_non_root.where.known() ? c.run_as_non_root.where : c.where;
  out.add(make_finding(k_info, w, &c, where, subject(w, c) + " may run as root: " + why));
}

void check_docker(const Workload& w, const Container& c, FindingSink& out) {
  if (c.user.is_dynamic()) return;
  if (c.user.is_absent()) {
    Location where = c.user.where.known() ? c.user.where : c.where;
    out.add(make_finding(k_info, w, &c, where, subject(w, c) + " runs as root: user not set here"));
    return;
  }
  if (is_root_spelling(c.user.value)) {
    std::string shown = c.user.value.empty() ? "(empty)" : "\"" + c.user.value + "\"";
    out.add(
        make_finding(k_info, w, &c, c.user.where, subject(w, c) + " runs as root: user " + shown));
  }
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      if (kubernetes_semantics(w)) {
        check_kubernetes(w, c, out);
      } else {
        check_docker(w, c, out);
      }
    }
  }
}

}  // namespace

extern const Rule k_root_user;
const Rule k_root_user{k_info, RuleScope::unit, &check};

}  // namespace vern
