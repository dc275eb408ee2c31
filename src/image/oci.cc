#include "image/oci.h"

#include <sys/utsname.h>

#include <nlohmann/json.hpp>

namespace vern {

namespace {

using Json = nlohmann::json;

Result<Json> parse_json(std::string_view text, std::string_view what) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) return Error::invalid(std::string(what) + " is not valid JSON");
  return j;
}

std::string str(const Json& obj, const char* key) {
  if (!obj.is_object()) return {};
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

const Json* member(const Json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

Result<Descriptor> parse_descriptor(const Json& j, std::string_view what) {
  if (!j.is_object()) return Error::invalid(std::string(what) + ": descriptor is not an object");
  Descriptor d;
  d.media_type = str(j, "mediaType");
  d.digest = str(j, "digest");
  if (d.digest.empty()) return Error::invalid(std::string(what) + ": descriptor has no digest");
  if (const Json* s = member(j, "size"); s && s->is_number_unsigned())
    d.size = s->get<std::uint64_t>();
  if (const Json* p = member(j, "platform"); p && p->is_object()) {
    d.has_platform = true;
    d.platform.os = str(*p, "os");
    d.platform.architecture = str(*p, "architecture");
    d.platform.variant = str(*p, "variant");
  }
  if (const Json* a = member(j, "annotations"); a && a->is_object()) {
    d.ref_name = str(*a, "org.opencontainers.image.ref.name");
    d.image_name = str(*a, "io.containerd.image.name");
  }
  return d;
}

std::vector<std::string> strings(const Json* arr) {
  std::vector<std::string> out;
  if (!arr || !arr->is_array()) return out;
  for (const Json& v : *arr) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

std::string Platform::text() const {
  std::string s = os + '/' + architecture;
  if (!variant.empty()) s += '/' + variant;
  return s;
}

Result<Platform> parse_platform(std::string_view text) {
  Platform p;
  std::size_t a = text.find('/');
  if (a == std::string_view::npos || a == 0) {
    return Error{Error::Kind::usage,
                 "platform must be os/arch[/variant], got '" + std::string(text) + "'",
                 {},
                 0,
                 0};
  }
  p.os = text.substr(0, a);
  std::string_view rest = text.substr(a + 1);
  std::size_t b = rest.find('/');
  p.architecture = rest.substr(0, b);
  if (b != std::string_view::npos) p.variant = rest.substr(b + 1);
  if (p.architecture.empty()) {
    return Error{Error::Kind::usage, "platform must be os/arch[/variant]", {}, 0, 0};
  }
  return p;
}

Platform host_platform() {
  Platform p{"linux", "amd64", ""};
  utsname u{};
  if (uname(&u) == 0) {
    std::string m = u.machine;
    if (m == "aarch64" || m == "arm64")
      p.architecture = "arm64";
    else if (m.rfind("arm", 0) == 0)
      p.architecture = "arm";
    else if (m == "i686" || m == "i386")
      p.architecture = "386";
    else if (m == "ppc64le" || m == "s390x" || m == "riscv64")
      p.architecture = m;
  }
  return p;
}

bool Descriptor::is_index() const {
  return media_type == "application/vnd.oci.image.index.v1+json" ||
         media_type == "application/vnd.docker.distribution.manifest.list.v2+json";
}

Result<std::vector<Descriptor>> parse_index(std::string_view json) {
  Result<Json> j = parse_json(json, "image index");
  if (!j.ok()) return j.error();
  const Json* m = member(*j, "manifests");
  if (!m || !m->is_array()) return Error::invalid("image index has no 'manifests' list");
  std::vector<Descriptor> out;
  for (const Json& d : *m) {
    Result<Descriptor> r = parse_descriptor(d, "image index");
    if (!r.ok()) return r.error();
    out.push_back(std::move(r.value()));
  }
  return out;
}

Result<ImageManifest> parse_manifest(std::string_view json) {
  Result<Json> j = parse_json(json, "image manifest");
  if (!j.ok()) return j.error();
  if (member(*j, "manifests")) return Error::invalid("expected an image manifest, found an index");
  const Json* c = member(*j, "config");
  const Json* l = member(*j, "layers");
  if (!c || !l || !l->is_array())
    return Error::invalid("image manifest lacks 'config' or 'layers'");
  ImageManifest out;
  Result<Descriptor> cfg = parse_descriptor(*c, "manifest config");
  if (!cfg.ok()) return cfg.error();
  out.config = std::move(cfg.value());
  for (const Json& d : *l) {
    Result<Descriptor> r = parse_descriptor(d, "manifest layer");
    if (!r.ok()) return r.error();
    out.layers.push_back(std::move(r.value()));
  }
  return out;
}

Result<std::vector<SaveEntry>> parse_save_manifest(std::string_view json) {
  Result<Json> j = parse_json(json, "manifest.json");
  if (!j.ok()) return j.error();
  if (!j->is_array()) return Error::invalid("manifest.json is not a list");
  std::vector<SaveEntry> out;
  for (const Json& e : *j) {
    SaveEntry s;
    s.config = str(e, "Config");
    if (s.config.empty()) return Error::invalid("manifest.json: an image has no 'Config'");
    s.repo_tags = strings(member(e, "RepoTags"));
    s.layers = strings(member(e, "Layers"));
    out.push_back(std::move(s));
  }
  return out;
}

Result<ImageConfig> parse_config(std::string_view json) {
  Result<Json> j = parse_json(json, "image config");
  if (!j.ok()) return j.error();
  if (!j->is_object()) return Error::invalid("image config is not an object");
  ImageConfig out;
  out.os = str(*j, "os");
  out.architecture = str(*j, "architecture");
  if (const Json* c = member(*j, "config"); c && c->is_object()) {
    out.user = str(*c, "User");
    out.user_set = !out.user.empty();
    out.env = strings(member(*c, "Env"));
    if (const Json* p = member(*c, "ExposedPorts"); p && p->is_object()) {
      for (auto it = p->begin(); it != p->end(); ++it) out.exposed_ports.push_back(it.key());
    }
    if (const Json* h = member(*c, "Healthcheck"); h && h->is_object()) {
      std::vector<std::string> test = strings(member(*h, "Test"));
      if (test.empty()) {
        out.healthcheck = HealthcheckState::absent;  // inherits: nothing set here
      } else {
        out.healthcheck =
            test.front() == "NONE" ? HealthcheckState::disabled : HealthcheckState::set;
      }
    }
  }
  if (const Json* r = member(*j, "rootfs"); r && r->is_object()) {
    out.diff_ids = strings(member(*r, "diff_ids"));
  }
  if (const Json* h = member(*j, "history"); h && h->is_array()) {
    for (const Json& e : *h) {
      HistoryEntry he;
      he.created_by = str(e, "created_by");
      if (const Json* el = member(e, "empty_layer"); el && el->is_boolean()) {
        he.empty_layer = el->get<bool>();
      }
      out.history.push_back(std::move(he));
    }
  }
  return out;
}

}  // namespace vern
