// Fluent builders for model objects in rule tests, so a test case reads as the
// setting it is about: `workload(Surface::compose).with(container("web").user("root"))`.
// Every builder fills positions (line N) so tests can assert where findings point.
// Generic on purpose: any rule test may use and extend it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/image_ref.h"
#include "model/inventory.h"
#include "model/workload.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace vern::test {

inline Location line(int n, int column = 1) { return Location{n, column}; }

template <class T>
Located<T> lit(T v, Location at = line(1)) {
  return Located<T>::literal(std::move(v), at);
}
template <class T>
Located<T> dyn(Location at = line(1)) {
  return Located<T>::dynamic(at);
}
template <class T>
Located<T> absent(Location at = line(1)) {
  return Located<T>::absent(at);
}

class ContainerBuilder {
 public:
  explicit ContainerBuilder(std::string name) {
    m_c.name = std::move(name);
    m_c.where = line(10);
    // Absent settings point at the container entry, as translators do.
    m_c.user.where = m_c.run_as_non_root.where = m_c.run_as_user.where = m_c.where;
    m_c.privileged.where = m_c.allow_privilege_escalation.where = m_c.where;
    m_c.no_new_privileges.where = m_c.caps.where = m_c.seccomp.where = m_c.where;
    m_c.apparmor.where = m_c.read_only_rootfs.where = m_c.image.where = m_c.where;
  }

  ContainerBuilder& at(Location where) { return m_c.where = where, *this; }
  ContainerBuilder& role(ContainerRole r) { return m_c.role = r, *this; }
  ContainerBuilder& image(std::string_view text, Location at = line(11)) {
    return m_c.image = lit(parse_image_ref(text), at), *this;
  }
  ContainerBuilder& image_dynamic(std::string_view text, Location at = line(11)) {
    m_c.image = dyn<ImageRef>(at);
    m_c.image.value = parse_image_ref(text);
    return *this;
  }
  ContainerBuilder& user(std::string u, Location at = line(12)) {
    return m_c.user = lit(std::move(u), at), *this;
  }
  ContainerBuilder& user_dynamic(Location at = line(12)) {
    return m_c.user = dyn<std::string>(at), *this;
  }
  ContainerBuilder& run_as_non_root(bool v, Location at = line(13)) {
    return m_c.run_as_non_root = lit(v, at), *this;
  }
  ContainerBuilder& run_as_user(std::int64_t uid, Location at = line(14)) {
    return m_c.run_as_user = lit(uid, at), *this;
  }
  ContainerBuilder& privileged(bool v, Location at = line(15)) {
    return m_c.privileged = lit(v, at), *this;
  }
  ContainerBuilder& allow_privilege_escalation(bool v, Location at = line(16)) {
    return m_c.allow_privilege_escalation = lit(v, at), *this;
  }
  ContainerBuilder& no_new_privileges(bool v, Location at = line(16)) {
    return m_c.no_new_privileges = lit(v, at), *this;
  }
  ContainerBuilder& add_cap(std::string cap, Location at = line(17)) {
    return m_c.caps.add.push_back(lit(std::move(cap), at)), *this;
  }
  ContainerBuilder& drop_cap(std::string cap, Location at = line(18)) {
    return m_c.caps.drop.push_back(lit(std::move(cap), at)), *this;
  }
  ContainerBuilder& seccomp(std::string profile, Location at = line(19)) {
    return m_c.seccomp = lit(std::move(profile), at), *this;
  }
  ContainerBuilder& apparmor(std::string profile, Location at = line(20)) {
    return m_c.apparmor = lit(std::move(profile), at), *this;
  }
  ContainerBuilder& read_only_rootfs(bool v, Location at = line(21)) {
    return m_c.read_only_rootfs = lit(v, at), *this;
  }
  ContainerBuilder& port(PortMapping p) { return m_c.ports.push_back(std::move(p)), *this; }
  ContainerBuilder& env(std::string name, std::string value, Location at = line(22)) {
    m_c.env.push_back(EnvVar{std::move(name), at, lit(std::move(value), at)});
    return *this;
  }
  ContainerBuilder& env_dynamic(std::string name, Location at = line(22)) {
    m_c.env.push_back(EnvVar{std::move(name), at, dyn<std::string>(at)});
    return *this;
  }
  ContainerBuilder& env_absent(std::string name, Location at = line(22)) {
    m_c.env.push_back(EnvVar{std::move(name), at, absent<std::string>(at)});
    return *this;
  }
  ContainerBuilder& memory_limit(std::string v, Location at = line(23)) {
    return m_c.resources.memory_limit = lit(std::move(v), at), *this;
  }
  ContainerBuilder& cpu_limit(std::string v, Location at = line(24)) {
    return m_c.resources.cpu_limit = lit(std::move(v), at), *this;
  }
  ContainerBuilder& pids_limit(std::string v, Location at = line(25)) {
    return m_c.resources.pids_limit = lit(std::move(v), at), *this;
  }
  ContainerBuilder& healthcheck(bool v, Location at = line(26)) {
    return m_c.healthcheck = lit(v, at), *this;
  }
  // Escape hatch for settings without a helper.
  Container& raw() { return m_c; }

  Container build() const { return m_c; }

 private:
  Container m_c;
};

inline ContainerBuilder container(std::string name = "app") {
  return ContainerBuilder(std::move(name));
}

// A mount or pod volume. `type` as the model spells it (bind, hostPath, emptyDir, ...).
inline Volume volume(std::string type, std::string host_path = {}, Location at = line(30)) {
  Volume v;
  v.type = std::move(type);
  v.name = "vol";
  v.where = at;
  v.host_path.where = at;
  if (!host_path.empty()) v.host_path = lit(std::move(host_path), at);
  return v;
}

class WorkloadBuilder {
 public:
  explicit WorkloadBuilder(Surface s) {
    m_w.surface = s;
    m_w.file = "input";
    m_w.where = line(1);
    m_w.pod_spec_where = line(5);
    switch (s) {
      case Surface::kubernetes:
        m_w.kind = "Deployment", m_w.name = "web", m_w.ns = "default";
        m_w.api_version = "apps/v1";
        break;
      case Surface::compose:
        m_w.kind = "service", m_w.name = "web";
        break;
      case Surface::dockerfile:
        m_w.kind = "stage";
        break;
      case Surface::run:
        m_w.kind = "docker run";
        break;
      case Surface::host:
        m_w.kind = "container", m_w.name = "web";
        break;
      case Surface::image:
        m_w.kind = "image", m_w.name = "example/app:1";
        break;
      case Surface::enforcement:
        m_w.kind = "container", m_w.name = "web";
        break;
      case Surface::daemon_config:
        m_w.kind = "daemon";
        break;
    }
    for (auto* l : {&m_w.host_network, &m_w.host_pid, &m_w.host_ipc}) l->where = m_w.pod_spec_where;
    m_w.network_mode.where = m_w.userns_mode.where = m_w.where;
    m_w.automount_sa_token.where = m_w.pod_spec_where;
    m_w.service_account = "default";
  }

  WorkloadBuilder& kind(std::string k) { return m_w.kind = std::move(k), *this; }
  WorkloadBuilder& name(std::string n) { return m_w.name = std::move(n), *this; }
  WorkloadBuilder& ns(std::string n) { return m_w.ns = std::move(n), *this; }
  WorkloadBuilder& api_version(std::string v) { return m_w.api_version = std::move(v), *this; }
  WorkloadBuilder& with(const ContainerBuilder& c) {
    return m_w.containers.push_back(c.build()), *this;
  }
  WorkloadBuilder& other_image(std::string_view text, Location at = line(2)) {
    return m_w.other_images.push_back(lit(parse_image_ref(text), at)), *this;
  }
  WorkloadBuilder& mount(Volume v) { return m_w.volumes.push_back(std::move(v)), *this; }
  WorkloadBuilder& host_network(bool v, Location at = line(6)) {
    return m_w.host_network = lit(v, at), *this;
  }
  WorkloadBuilder& host_pid(bool v, Location at = line(6)) {
    return m_w.host_pid = lit(v, at), *this;
  }
  WorkloadBuilder& host_ipc(bool v, Location at = line(6)) {
    return m_w.host_ipc = lit(v, at), *this;
  }
  WorkloadBuilder& network_mode(std::string m, Location at = line(3)) {
    return m_w.network_mode = lit(std::move(m), at), *this;
  }
  WorkloadBuilder& userns_mode(std::string m, Location at = line(3)) {
    return m_w.userns_mode = lit(std::move(m), at), *this;
  }
  WorkloadBuilder& network(std::string n, Location at = line(4)) {
    m_w.networks_written = true;
    return m_w.networks.push_back(lit(std::move(n), at)), *this;
  }
  WorkloadBuilder& automount_sa_token(bool v, Location at = line(7)) {
    return m_w.automount_sa_token = lit(v, at), *this;
  }
  Workload& raw() { return m_w; }

  Workload build() const { return m_w; }
  Inventory inventory() const {
    Inventory inv;
    inv.workloads.push_back(m_w);
    return inv;
  }

 private:
  Workload m_w;
};

inline WorkloadBuilder workload(Surface s) { return WorkloadBuilder(s); }

// Runs one rule's check and returns its findings.
inline std::vector<Finding> run_rule(const Rule& rule, const Inventory& inv,
                                     const RuleOptions& options = {}) {
  FindingList out;
  rule.check(inv, options, out);
  return std::move(out.findings());
}
inline std::vector<Finding> run_rule(const Rule& rule, const WorkloadBuilder& w,
                                     const RuleOptions& options = {}) {
  return run_rule(rule, w.inventory(), options);
}

}  // namespace vern::test
