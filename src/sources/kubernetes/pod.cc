// Pod templates: where a workload keeps its pod spec, the pod-level
// settings and volumes; containers are read in container.cc.
#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "sources/kubernetes/objects.h"

namespace vern::k8s {

namespace {

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

}  // namespace

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
