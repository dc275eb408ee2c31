// Pod templates: containers, security contexts (pod-level inherited), volumes.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
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

// OpenShift's DeploymentConfig has a Deployment's `spec.template`.
constexpr std::array<std::string_view, 10> k_workload_kinds = {
    "Pod", "Deployment", "StatefulSet", "DaemonSet",       "ReplicaSet", "ReplicationController",
    "Job", "CronJob",    "PodTemplate", "DeploymentConfig"};

// Kinds of other API groups with a pod template under `spec.template`; the
// group tells Knative's Service from the core one.
constexpr std::array<GroupKind, 4> k_pod_template_groups = {{
    {"serving.knative.dev/", "Service"},
    {"serving.knative.dev/", "Configuration"},
    {"argoproj.io/", "Rollout"},
    {"apps.kruise.io/", "CloneSet"},
}};

// KEDA's ScaledJob holds a Job spec under `spec.jobTargetRef`.
constexpr GroupKind k_scaled_job = {"keda.sh/", "ScaledJob"};

// Kinds of other API groups whose `spec` is a pod spec, as a Pod's is.
constexpr std::array<GroupKind, 1> k_pod_spec_groups = {{
    {"serving.knative.dev/", "Revision"},
}};

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

Volume translate_volume(const yaml::Node& v, YamlReader& r) {
  Volume out;
  out.where = v.where();
  if (const yaml::Node* n = r.scalar(v.get("name"), "volume name")) out.name = n->text();
  out.type = "emptyDir";  // a volume with no source is defaulted to emptyDir
  for (const yaml::Node::Entry& e : v.entries()) {
    if (!e.key->is_scalar() || e.key->text() == "name") continue;
    out.type = e.key->text();
    out.where = e.key->where();
    if (out.type == "hostPath") {
      const yaml::Node* hp = r.mapping(e.value, "hostPath");
      out.host_path = r.string(hp, "path", e.key->where());
    } else if (out.type == "image") {
      const yaml::Node* img = r.mapping(e.value, "image");
      const yaml::Node* ref = img ? r.scalar(img->get("reference"), "image.reference") : nullptr;
      if (ref) out.image = Located<ImageRef>::literal(parse_image_ref(ref->text()), ref->where());
    }
    break;
  }
  return out;
}

namespace {

// A pod volume is read-only when every container that mounts it does so with
// `readOnly: true` (a read-only mount of a socket still reaches the API).
// Shapes were checked where the containers were read; this reads quietly.
void mark_read_only_volumes(const yaml::Node& spec, std::vector<Volume>& volumes) {
  std::map<std::string_view, bool, std::less<>> only_read;  // volume name -> all mounts read-only
  for (std::string_view key : {"initContainers", "containers", "ephemeralContainers"}) {
    const yaml::Node* list = spec.get(key);
    for (const yaml::Node* c : list ? list->items() : std::span<const yaml::Node* const>()) {
      const yaml::Node* mounts = c->get("volumeMounts");
      for (const yaml::Node* m : mounts ? mounts->items() : std::span<const yaml::Node* const>()) {
        const yaml::Node* name = m->get("name");
        if (!name || !name->is_scalar()) continue;
        const yaml::Node* ro = m->get("readOnly");
        bool read_only = ro && ro->as_bool(/*yaml11=*/true).value_or(false);
        auto [it, first] = only_read.try_emplace(name->text(), read_only);
        if (!first) it->second = it->second && read_only;
      }
    }
  }
  for (Volume& v : volumes) {
    auto it = only_read.find(v.name);
    v.read_only = it != only_read.end() && it->second;
  }
}

}  // namespace

bool is_workload(std::string_view api_version, std::string_view kind) {
  for (std::string_view k : k_workload_kinds) {
    if (k == kind) return true;
  }
  return is_one_of(k_pod_template_groups, api_version, kind) ||
         is_one_of(k_pod_spec_groups, api_version, kind) ||
         is_one_of(std::span(&k_scaled_job, 1), api_version, kind);
}

bool has_pod_template_shape(const yaml::Node& object) {
  const yaml::Node* spec = object.get("spec");
  const yaml::Node* tmpl = spec ? spec->get("template") : nullptr;
  const yaml::Node* pod_spec = tmpl ? tmpl->get("spec") : nullptr;
  const yaml::Node* containers = pod_spec ? pod_spec->get("containers") : nullptr;
  return containers && containers->is_sequence() && tmpl->is_mapping() && pod_spec->is_mapping();
}

bool is_one_of(std::span<const GroupKind> kinds, std::string_view api_version,
               std::string_view kind) {
  return std::any_of(kinds.begin(), kinds.end(), [&](const GroupKind& g) {
    return kind == g.kind && api_version.starts_with(g.group);
  });
}

PodTemplate find_pod_template(const yaml::Node& object, const ObjectHeader& h, YamlReader& r) {
  PodTemplate t;
  const yaml::Node* spec = nullptr;
  const yaml::Node* tmpl = nullptr;
  const std::string& kind = h.kind;
  if (kind == "Pod" || is_one_of(k_pod_spec_groups, h.api_version, kind)) {
    t.pod_spec = r.mapping(object.get("spec"), "spec");
    t.pod_metadata = r.mapping(object.get("metadata"), "metadata");
    if (t.pod_spec) t.spec_where = object.find("spec")->key->where();
    return t;
  }
  // The mapping that holds the template, and the template's path.
  const yaml::Node* holder = nullptr;
  std::string_view template_path = "spec.template";
  if (kind == "PodTemplate") {
    holder = &object;
    template_path = "template";
  } else if (kind == "CronJob") {
    spec = r.mapping(object.get("spec"), "spec");
    const yaml::Node* job =
        spec ? r.mapping(spec->get("jobTemplate"), "spec.jobTemplate") : nullptr;
    const yaml::Node* job_spec =
        job ? r.mapping(job->get("spec"), "spec.jobTemplate.spec") : nullptr;
    holder = job_spec ? job_spec : spec;
    template_path = "spec.jobTemplate.spec.template";
  } else if (is_one_of(std::span(&k_scaled_job, 1), h.api_version, kind)) {
    spec = r.mapping(object.get("spec"), "spec");
    const yaml::Node* job =
        spec ? r.mapping(spec->get("jobTargetRef"), "spec.jobTargetRef") : nullptr;
    holder = job ? job : spec;
    template_path = "spec.jobTargetRef.template";
  } else {
    spec = r.mapping(object.get("spec"), "spec");
    holder = spec;
  }
  tmpl = holder ? r.mapping(holder->get("template"), template_path) : nullptr;
  if (!tmpl) {
    // Without a template the object is usually a patch (replicas, labels) and
    // is quiet. Containers written where the template belongs are a mistake
    // the API server refuses; saying nothing would pass them unchecked.
    if (const yaml::Node::Entry* misplaced = holder ? holder->find("containers") : nullptr) {
      r.error(misplaced->key->where(),
              kind + " has containers outside its pod template: they belong under " +
                  std::string(template_path) + ".spec, so none of them is checked");
    }
    return t;
  }
  t.pod_spec = r.mapping(tmpl->get("spec"), "template.spec");
  t.pod_metadata = r.mapping(tmpl->get("metadata"), "template.metadata");
  if (t.pod_spec) t.spec_where = tmpl->find("spec")->key->where();
  return t;
}

Workload pod_workload(const ObjectHeader& h, Location where, Location pod_spec_where,
                      const YamlReader& r) {
  Workload w;
  w.surface = Surface::kubernetes;
  w.file = std::string(r.file());
  w.kind = h.kind;
  w.name = h.name;
  w.ns = h.ns;
  w.api_version = h.api_version;
  w.where = where;
  w.suppressions = h.suppressions;
  w.pod_spec_where = pod_spec_where;
  return w;
}

Workload translate_pod(const ObjectHeader& h, const PodTemplate& t, YamlReader& r) {
  Workload w = pod_workload(h, h.where, t.spec_where, r);
  const yaml::Node& spec = *t.pod_spec;

  PodLevel pod;
  pod.sc = r.mapping(spec.get("securityContext"), "securityContext");
  if (const yaml::Node* res = r.mapping(spec.get("resources"), "resources")) {
    pod.limits = read_limits(r.mapping(res->get("limits"), "resources.limits"), t.spec_where, r);
  }
  // The kubelet reads the pod's own annotations: a bare Pod's metadata, the
  // template's for a controller. A Deployment's own annotations never reach
  // its pods.
  pod.annotations =
      t.pod_metadata ? r.mapping(t.pod_metadata->get("annotations"), "annotations") : nullptr;
  if (t.pod_metadata && t.pod_metadata != h.metadata) {
    const yaml::Node* a = t.pod_metadata->get("annotations");
    if (a && a->is_mapping()) {
      const yaml::Node* v = a->get("vern.dev/ignore");
      if (v && v->is_scalar()) w.suppressions.push_back({std::string(v->text()), v->where()});
    }
  }

  if (const yaml::Node* os = r.mapping(spec.get("os"), "os")) {
    const yaml::Node* name = r.scalar(os->get("name"), "os.name");
    w.windows = name && name->text() == "windows";
  }
  w.host_network = r.boolean(&spec, "hostNetwork", t.spec_where);
  w.host_pid = r.boolean(&spec, "hostPID", t.spec_where);
  w.host_ipc = r.boolean(&spec, "hostIPC", t.spec_where);
  w.automount_sa_token = r.boolean(&spec, "automountServiceAccountToken", t.spec_where);
  Located<std::string> sa = r.string(&spec, "serviceAccountName", t.spec_where);
  if (sa.is_absent()) sa = r.string(&spec, "serviceAccount", t.spec_where);
  w.service_account = sa.is_literal() && !sa.value.empty() ? sa.value : "default";

  for (auto [key, role] : {std::pair{"initContainers", ContainerRole::init},
                           std::pair{"containers", ContainerRole::main},
                           std::pair{"ephemeralContainers", ContainerRole::ephemeral}}) {
    const yaml::Node* list = r.sequence(spec.get(key), key);
    if (!list) continue;
    for (const yaml::Node* item : list->items()) {
      if (const yaml::Node* c = r.mapping(item, "a container")) {
        w.containers.push_back(translate_container(*c, role, pod, r));
      }
    }
  }
  if (const yaml::Node* vols = r.sequence(spec.get("volumes"), "volumes")) {
    for (const yaml::Node* item : vols->items()) {
      if (const yaml::Node* v = r.mapping(item, "a volume"))
        w.volumes.push_back(translate_volume(*v, r));
    }
  }
  mark_read_only_volumes(spec, w.volumes);
  return w;
}

}  // namespace vern::k8s
