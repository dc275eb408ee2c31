// Containers of a pod template: image, security context (what the pod sets
// is inherited), ports, environment, resources.
#include <algorithm>
#include <cctype>
#include <string>

#include "sources/kubernetes/objects.h"

namespace vern::k8s {

namespace {

// True iff a resource quantity is zero ("0", "0Mi", "0.0", "0m"), or empty:
// a zero limit is no limit.
bool zero_quantity(std::string_view q) {
  std::size_t digits = q.find_first_not_of("+-0123456789.");
  std::string_view number = q.substr(0, digits);
  return number.find_first_not_of("+-0.") == std::string_view::npos;
}

// True iff `value` holds a Kubernetes dependent variable reference `$(NAME)`
// (`$$(NAME)` is an escaped, literal `$(NAME)`).
bool references_variable(std::string_view value) {
  for (size_t i = value.find("$("); i != std::string_view::npos; i = value.find("$(", i + 2)) {
    if (i > 0 && value[i - 1] == '$') continue;
    size_t close = value.find(')', i + 2);
    if (close == std::string_view::npos || close == i + 2) continue;
    std::string_view name = value.substr(i + 2, close - i - 2);
    bool ok = std::all_of(name.begin(), name.end(), [](unsigned char ch) {
      return std::isalnum(ch) || ch == '_' || ch == '-' || ch == '.';
    });
    if (ok) return true;
  }
  return false;
}

// True iff `value` is a single `${NAME}` placeholder, left for a templating
// step (envsubst, a CI variable) to fill in before the manifest is applied:
// the text itself is no value, let alone a secret.
bool placeholder_only(std::string_view value) {
  if (value.size() < 4 || !value.starts_with("${") || !value.ends_with('}')) return false;
  std::string_view name = value.substr(2, value.size() - 3);
  return !std::isdigit(static_cast<unsigned char>(name[0])) &&
         std::all_of(name.begin(), name.end(),
                     [](unsigned char ch) { return std::isalnum(ch) || ch == '_'; });
}

// The annotation profile spellings ("runtime/default", "localhost/x", "unconfined").
Located<std::string> profile_from_annotation(const yaml::Node* v) {
  if (!v || !v->is_scalar()) return {};
  std::string_view t = v->text();
  std::string value;
  if (t == "unconfined") {
    value = k_profile_unconfined;
  } else if (t == "runtime/default" || t == "docker/default") {
    value = k_profile_runtime_default;
  } else if (t.rfind("localhost/", 0) == 0) {
    value = k_profile_localhost;
  } else {
    value = t;
  }
  return Located<std::string>::literal(value, v->where());
}

// securityContext.seccompProfile / appArmorProfile: {type: RuntimeDefault|Unconfined|Localhost}.
Located<std::string> profile_type(const yaml::Node* sc, std::string_view key, YamlReader& r) {
  const yaml::Node* p = sc ? r.mapping(sc->get(key), key) : nullptr;
  if (!p) return {};
  return r.string(p, "type", p->where());
}

// A port number at `key` of port entry `p`: an error, and unknown (dynamic),
// outside 0-65535, so that 4294967376 is not read as port 80.
Located<std::int64_t> port_number(const yaml::Node* p, std::string_view key, YamlReader& r) {
  Located<std::int64_t> v = r.integer(p, key, p->where());
  if (v.is_literal() && (v.value < 0 || v.value > 65535)) {
    r.error(v.where,
            std::string(key) + " must be between 0 and 65535, not " + std::to_string(v.value));
    return Located<std::int64_t>::dynamic(v.where);
  }
  return v;
}

// A user or group id: an integer the API server accepts only from 0 up (a
// negative one is an error, not a non-root user).
Located<std::int64_t> user_id(const yaml::Node* parent, std::string_view key, Location absent_at,
                              YamlReader& r) {
  Located<std::int64_t> id = r.integer(parent, key, absent_at);
  if (id.is_literal() && id.value < 0) {
    r.error(id.where, std::string(key) + " must be 0 or more, not " + std::to_string(id.value));
    return Located<std::int64_t>::absent(absent_at);
  }
  return id;
}

}  // namespace

// The memory and CPU of a `limits` mapping (nullptr: none), absent at
// `absent_at` when unset; a zero limit is no limit, written out.
Resources read_limits(const yaml::Node* limits, Location absent_at, YamlReader& r) {
  Resources out;
  out.memory_limit = r.string(limits, "memory", absent_at);
  out.cpu_limit = r.string(limits, "cpu", absent_at);
  for (Located<std::string>* l : {&out.memory_limit, &out.cpu_limit}) {
    if (l->is_literal() && zero_quantity(l->value)) {
      *l = Located<std::string>::written_absent(std::move(l->value), l->where);
    }
  }
  return out;
}

Container translate_container(const yaml::Node& c, ContainerRole role, const PodLevel& pod,
                              YamlReader& r) {
  Container out;
  out.role = role;
  out.where = c.where();
  if (const yaml::Node* n = r.scalar(c.get("name"), "name")) out.name = n->text();
  if (const yaml::Node* img = r.scalar(c.get("image"), "image")) {
    out.image = Located<ImageRef>::literal(parse_image_ref(img->text()), img->where());
  } else {
    out.image = Located<ImageRef>::absent(c.where());
  }

  const yaml::Node* sc = r.mapping(c.get("securityContext"), "securityContext");
  Location sc_at = sc ? c.find("securityContext")->key->where() : c.where();

  // Identity: the container's value wins, else the pod's (Kubernetes semantics).
  out.run_as_non_root = r.boolean(sc, "runAsNonRoot", sc_at);
  if (out.run_as_non_root.is_absent() && pod.sc) {
    Located<bool> p = r.boolean(pod.sc, "runAsNonRoot", sc_at);
    if (!p.is_absent()) out.run_as_non_root = p;
  }
  out.run_as_user = user_id(sc, "runAsUser", sc_at, r);
  if (out.run_as_user.is_absent() && pod.sc) {
    Located<std::int64_t> p = user_id(pod.sc, "runAsUser", sc_at, r);
    if (!p.is_absent()) out.run_as_user = p;
  }

  out.privileged = r.boolean(sc, "privileged", sc_at);
  out.allow_privilege_escalation = r.boolean(sc, "allowPrivilegeEscalation", sc_at);
  out.read_only_rootfs = r.boolean(sc, "readOnlyRootFilesystem", sc_at);

  out.caps.where = sc_at;
  if (const yaml::Node::Entry* e = sc ? sc->find("capabilities") : nullptr) {
    out.caps.where = e->key->where();  // also when it is empty: `capabilities:`
  }
  if (const yaml::Node* caps = sc ? r.mapping(sc->get("capabilities"), "capabilities") : nullptr) {
    struct CapList {
      const char* key;
      const char* item;
      std::vector<Located<std::string>>* out;
    };
    for (CapList l : {CapList{"add", "a capabilities.add item", &out.caps.add},
                      CapList{"drop", "a capabilities.drop item", &out.caps.drop}}) {
      const yaml::Node* seq = r.sequence(caps->get(l.key), l.key);
      if (!seq) continue;
      for (const yaml::Node* item : seq->items()) {
        if (const yaml::Node* s = r.scalar(item, l.item)) {
          l.out->push_back(Located<std::string>::literal(std::string(s->text()), s->where()));
        }
      }
    }
  }

  // Seccomp: container field, container annotation, pod field, pod annotation.
  out.seccomp = profile_type(sc, "seccompProfile", r);
  if (out.seccomp.is_absent() && pod.annotations && !out.name.empty()) {
    out.seccomp = profile_from_annotation(
        pod.annotations->get("container.seccomp.security.alpha.kubernetes.io/" + out.name));
  }
  if (out.seccomp.is_absent()) out.seccomp = profile_type(pod.sc, "seccompProfile", r);
  if (out.seccomp.is_absent() && pod.annotations) {
    out.seccomp =
        profile_from_annotation(pod.annotations->get("seccomp.security.alpha.kubernetes.io/pod"));
  }
  if (out.seccomp.is_absent()) out.seccomp.where = sc_at;

  out.apparmor = profile_type(sc, "appArmorProfile", r);
  if (out.apparmor.is_absent() && pod.annotations && !out.name.empty()) {
    out.apparmor = profile_from_annotation(
        pod.annotations->get("container.apparmor.security.beta.kubernetes.io/" + out.name));
  }
  if (out.apparmor.is_absent()) out.apparmor = profile_type(pod.sc, "appArmorProfile", r);
  if (out.apparmor.is_absent()) out.apparmor.where = sc_at;

  if (const yaml::Node* ports = r.sequence(c.get("ports"), "ports")) {
    for (const yaml::Node* item : ports->items()) {
      const yaml::Node* p = r.mapping(item, "a port");
      if (!p) continue;
      PortMapping pm;
      pm.where = p->where();
      Located<std::int64_t> cp = port_number(p, "containerPort", r);
      if (cp.is_literal()) pm.container_first = pm.container_last = int(cp.value);
      if (!cp.is_absent()) pm.container_where = cp.where;
      Located<std::int64_t> hp = port_number(p, "hostPort", r);
      if (!hp.is_absent() && !(hp.is_literal() && hp.value == 0)) {
        pm.published = true;
        pm.k8s_host_port = true;
        pm.where = hp.where;
        if (hp.is_literal()) pm.host_first = pm.host_last = int(hp.value);
      }
      pm.host_ip = r.string(p, "hostIP", p->where());
      Located<std::string> proto = r.string(p, "protocol", p->where());
      pm.protocol = proto.is_literal() ? proto.value : "TCP";
      out.ports.push_back(std::move(pm));
    }
  }

  if (const yaml::Node* env = r.sequence(c.get("env"), "env")) {
    for (const yaml::Node* item : env->items()) {
      const yaml::Node* e = r.mapping(item, "an env entry");
      if (!e) continue;
      EnvVar v;
      v.where = e->where();
      if (const yaml::Node* n = r.scalar(e->get("name"), "env name")) {
        v.name = n->text();
        v.where = n->where();
      }
      if (const yaml::Node* val = e->get("value"); val && val->is_scalar() && !val->is_null()) {
        // `$(OTHER)` is filled in by the kubelet from another variable (often
        // one from valueFrom), `${OTHER}` by a templating step: what either
        // stands for is not written here.
        v.value = references_variable(val->text()) || placeholder_only(val->text())
                      ? Located<std::string>::dynamic(val->where())
                      : Located<std::string>::literal(std::string(val->text()), val->where());
      } else if (const yaml::Node* from = e->get("valueFrom")) {
        v.value = Located<std::string>::dynamic(from->where());
      } else {
        v.value = Located<std::string>::absent(v.where);
      }
      out.env.push_back(std::move(v));
    }
  }

  const yaml::Node* res = r.mapping(c.get("resources"), "resources");
  const yaml::Node* limits = res ? r.mapping(res->get("limits"), "resources.limits") : nullptr;
  if (res) r.mapping(res->get("requests"), "resources.requests");  // its shape only
  Location limits_at = limits ? res->find("limits")->key->where()
                              : (res ? c.find("resources")->key->where() : c.where());
  out.resources = read_limits(limits, limits_at, r);
  for (auto [own, shared] : {std::pair{&out.resources.memory_limit, &pod.limits.memory_limit},
                             std::pair{&out.resources.cpu_limit, &pod.limits.cpu_limit}}) {
    if (own->is_absent() && own->value.empty() && shared->is_literal() &&
        role != ContainerRole::ephemeral) {
      *own = *shared;
    }
  }
  out.resources.pids_limit = Located<std::string>::absent(c.where());
  return out;
}

}  // namespace vern::k8s
