// NetworkPolicy, Namespace, ServiceAccount, PodSecurityPolicy and PersistentVolume objects.
#include "sources/kubernetes/objects.h"

namespace vern::k8s {

namespace {

Location key_at(const yaml::Node& parent, std::string_view key, Location fallback) {
  const yaml::Node::Entry* e = parent.find(key);
  return e ? e->key->where() : fallback;
}

IdStrategy read_strategy(const yaml::Node* spec, std::string_view key, YamlReader& r) {
  IdStrategy s;
  const yaml::Node* m = spec ? r.mapping(spec->get(key), key) : nullptr;
  s.rule = r.string(m, "rule", spec ? key_at(*spec, key, spec->where()) : Location{});
  const yaml::Node* ranges = m ? r.sequence(m->get("ranges"), "ranges") : nullptr;
  if (!ranges) return s;
  for (const yaml::Node* item : ranges->items()) {
    const yaml::Node* range = r.mapping(item, "a range");
    if (!range) continue;
    Located<std::int64_t> min = r.integer(range, "min", range->where());
    Located<std::int64_t> max = r.integer(range, "max", range->where());
    s.ranges.push_back({min.is_literal() ? min.value : 0, max.is_literal() ? max.value : 0});
  }
  return s;
}

std::vector<std::string> suppressed_slugs(const ObjectHeader& h) {
  std::vector<std::string> out;
  for (const InlineSuppression& s : h.suppressions) out.push_back(s.rule);
  return out;
}

}  // namespace

void translate_network_policy(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                              Inventory& out) {
  NetworkPolicy np;
  np.file = std::string(r.file());
  np.name = h.name;
  np.ns = h.ns;
  np.where = h.where;
  const yaml::Node* spec = r.mapping(object.get("spec"), "spec");
  if (spec) {
    const yaml::Node* sel = r.mapping(spec->get("podSelector"), "spec.podSelector");
    // `podSelector: {}`, null or left out (the API reads it as the empty
    // selector) selects every pod; labels or expressions narrow it.
    bool narrowed = false;
    if (sel) {
      for (const yaml::Node::Entry& e : sel->entries()) {
        const yaml::Node* v = e.value;
        bool empty = v->is_null() || (v->is_mapping() && v->entries().empty()) ||
                     (v->is_sequence() && v->items().empty());
        if (!empty) narrowed = true;
      }
    }
    np.selects_all_pods = !narrowed;
    const yaml::Node* types = r.sequence(spec->get("policyTypes"), "spec.policyTypes");
    if (types) {
      for (const yaml::Node* t : types->items()) {
        if (!t->is_scalar()) continue;
        if (t->text() == "Ingress") np.ingress_type = true;
        if (t->text() == "Egress") np.egress_type = true;
      }
    } else {
      // Kubernetes' default: Ingress always, Egress when egress rules exist.
      np.ingress_type = true;
      np.egress_type = spec->get("egress") != nullptr;
    }
    for (auto [key, flag] :
         {std::pair{"ingress", &np.has_ingress_rules}, std::pair{"egress", &np.has_egress_rules}}) {
      const yaml::Node* rules = r.sequence(spec->get(key), key);
      *flag = rules && !rules->items().empty();
    }
  }
  out.network_policies.push_back(std::move(np));
}

void translate_namespace(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                         Inventory& out) {
  Namespace ns;
  ns.file = std::string(r.file());
  ns.name = h.name;
  ns.where = h.where;
  ns.labels_where = h.where;
  ns.suppressed = suppressed_slugs(h);
  if (h.metadata) {
    // A missing label is written under `metadata:`, so that is where it points.
    ns.labels_where = key_at(*h.metadata, "labels", key_at(object, "metadata", h.where));
    const yaml::Node* labels = r.mapping(h.metadata->get("labels"), "metadata.labels");
    ns.enforce_level = r.string(labels, "pod-security.kubernetes.io/enforce", ns.labels_where);
  } else {
    ns.enforce_level = Located<std::string>::absent(h.where);
  }
  out.namespaces.push_back(std::move(ns));
}

void translate_service_account(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                               Inventory& out) {
  ServiceAccount sa;
  sa.name = h.name;
  sa.ns = h.ns;
  sa.automount = r.boolean(&object, "automountServiceAccountToken", h.where);
  out.service_accounts.push_back(std::move(sa));
}

void translate_pod_security_policy(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                                   Inventory& out) {
  PodSecurityPolicy psp;
  psp.file = std::string(r.file());
  psp.name = h.name;
  psp.where = h.where;
  psp.suppressed = suppressed_slugs(h);
  const yaml::Node* spec = r.mapping(object.get("spec"), "spec");
  psp.spec_where = spec ? key_at(object, "spec", h.where) : h.where;
  Location at = psp.spec_where;
  psp.privileged = r.boolean(spec, "privileged", at);
  psp.allow_privilege_escalation = r.boolean(spec, "allowPrivilegeEscalation", at);
  psp.host_network = r.boolean(spec, "hostNetwork", at);
  psp.host_ipc = r.boolean(spec, "hostIPC", at);
  psp.host_pid = r.boolean(spec, "hostPID", at);
  psp.required_drop_where = at;
  if (spec) {
    psp.required_drop_where = key_at(*spec, "requiredDropCapabilities", at);
    if (const yaml::Node* caps =
            r.sequence(spec->get("requiredDropCapabilities"), "requiredDropCapabilities")) {
      for (const yaml::Node* c : caps->items()) {
        if (c->is_scalar()) psp.required_drop_capabilities.emplace_back(c->text());
      }
    }
    if (const yaml::Node* vols = r.sequence(spec->get("volumes"), "volumes")) {
      for (const yaml::Node* v : vols->items()) {
        if (v->is_scalar())
          psp.volumes.push_back(Located<std::string>::literal(std::string(v->text()), v->where()));
      }
    }
  }
  psp.run_as_user = read_strategy(spec, "runAsUser", r);
  psp.supplemental_groups = read_strategy(spec, "supplementalGroups", r);
  psp.fs_group = read_strategy(spec, "fsGroup", r);
  out.pod_security_policies.push_back(std::move(psp));
}

void translate_persistent_volume(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                                 Inventory& out) {
  PersistentVolume pv;
  pv.file = std::string(r.file());
  pv.name = h.name;
  pv.where = h.where;
  pv.suppressed = suppressed_slugs(h);
  const yaml::Node* spec = r.mapping(object.get("spec"), "spec");
  const yaml::Node* host_path = spec ? r.mapping(spec->get("hostPath"), "spec.hostPath") : nullptr;
  // A `local` volume is a path on the node too, only pinned to that node.
  if (!host_path && spec) host_path = r.mapping(spec->get("local"), "spec.local");
  pv.host_path = r.string(host_path, "path", h.where);
  out.persistent_volumes.push_back(std::move(pv));
}

}  // namespace vern::k8s
