#include "image/plan.h"

#include "image/digest.h"
#include "image/layer.h"

namespace vern {

namespace {

constexpr int k_max_index_depth = 4;

Result<std::string> read_verified(DocumentStore& docs, const Descriptor& d) {
  Result<std::string> path = blob_path(d.digest);
  if (!path.ok()) return path.error();
  if (!docs.has(*path)) return Error::not_found("blob " + d.digest + " is not in the image");
  Result<std::string> text = docs.read(*path);
  if (!text.ok()) return text.error();
  std::string actual = sha256_digest(*text);
  if (actual != d.digest) {
    return Error::invalid("blob " + d.digest + " does not match its digest (content is " + actual +
                          ")");
  }
  return text;
}

bool tag_matches(const std::string& want, const std::string& ref_name,
                 const std::string& image_name) {
  if (want.empty()) return false;
  if (ref_name == want || image_name == want) return true;
  auto ends = [](const std::string& s, const std::string& suffix) {
    return s.size() > suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  // "nginx:1.25" matches "docker.io/library/nginx:1.25"; a bare tag matches any name.
  return ends(image_name, '/' + want) || ends(image_name, ':' + want) ||
         (want.find(':') == std::string::npos &&
          (ends(image_name, '/' + want + ":latest") || image_name == want + ":latest"));
}

bool platform_matches(const Descriptor& d, const Platform& p) {
  if (!d.has_platform) return false;
  if (d.platform.os != p.os || d.platform.architecture != p.architecture) return false;
  return p.variant.empty() || d.platform.variant == p.variant;
}

Result<Platform> wanted_platform(const ImageOptions& options) {
  if (options.platform.empty()) return host_platform();
  return parse_platform(options.platform);
}

Status fill_layers(ImagePlan& plan, std::vector<PlannedLayer> layers, const ImageOptions& options) {
  if (layers.size() > options.limits.max_layers) {
    return Error::limit("image has " + std::to_string(layers.size()) + " layers (limit " +
                        std::to_string(options.limits.max_layers) + ")");
  }
  if (layers.size() != plan.config.diff_ids.size()) {
    return Error::invalid("manifest names " + std::to_string(layers.size()) +
                          " layers but the config lists " +
                          std::to_string(plan.config.diff_ids.size()) + " diff_ids");
  }
  std::size_t h = 0;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    layers[i].diff_id = plan.config.diff_ids[i];
    while (h < plan.config.history.size() && plan.config.history[h].empty_layer) ++h;
    if (h < plan.config.history.size()) layers[i].created_by = plan.config.history[h++].created_by;
  }
  plan.layers = std::move(layers);
  return Status::success();
}

Result<ImagePlan> plan_docker_save(DocumentStore& docs, const ImageSelector& select,
                                   const ImageOptions& options) {
  Result<std::string> text = docs.read("manifest.json");
  if (!text.ok()) return text.error();
  Result<std::vector<SaveEntry>> entries = parse_save_manifest(*text);
  if (!entries.ok()) return entries.error();
  if (entries->empty()) return Error::invalid("manifest.json lists no image");
  const SaveEntry* chosen = nullptr;
  std::string reference;
  for (const SaveEntry& e : *entries) {
    for (const std::string& t : e.repo_tags) {
      if (!chosen && tag_matches(select.tag, "", t)) chosen = &e, reference = t;
    }
  }
  if (!select.tag.empty() && !chosen) {
    return Error::not_found("no image tagged '" + select.tag + "' in the archive");
  }
  if (!chosen) {
    if (entries->size() > 1) {
      return Error::invalid("the archive holds " + std::to_string(entries->size()) +
                            " images; pick one with PATH:NAME:TAG");
    }
    chosen = &entries->front();
    if (!chosen->repo_tags.empty()) reference = chosen->repo_tags.front();
  }
  ImagePlan plan;
  plan.reference = reference;
  std::string config_path;
  if (!normalize_layer_path(chosen->config, config_path) || !docs.has(config_path)) {
    return Error::not_found("config " + chosen->config +
                            " named by manifest.json is not in the archive");
  }
  Result<std::string> config = docs.read(config_path);
  if (!config.ok()) return config.error();
  plan.config_digest = sha256_digest(*config);
  // The config's file name is its digest ("<hex>.json" or "blobs/sha256/<hex>").
  std::string base = config_path.substr(config_path.rfind('/') + 1);
  if (base.size() > 5 && base.compare(base.size() - 5, 5, ".json") == 0)
    base.resize(base.size() - 5);
  if (valid_sha256_digest("sha256:" + base) && plan.config_digest != "sha256:" + base) {
    return Error::invalid("config " + chosen->config + " does not match its digest (content is " +
                          plan.config_digest + ")");
  }
  Result<ImageConfig> cfg = parse_config(*config);
  if (!cfg.ok()) return cfg.error();
  plan.config = std::move(cfg.value());
  std::vector<PlannedLayer> layers;
  for (const std::string& l : chosen->layers) {
    PlannedLayer pl;
    if (!normalize_layer_path(l, pl.path)) {
      return Error::invalid("manifest.json names a layer outside the archive: " + l);
    }
    if (pl.path.rfind("blobs/sha256/", 0) == 0 &&
        valid_sha256_digest("sha256:" + pl.path.substr(13))) {
      pl.digest = "sha256:" + pl.path.substr(13);
    }
    layers.push_back(std::move(pl));
  }
  if (Status st = fill_layers(plan, std::move(layers), options); !st.ok()) return st.error();
  return plan;
}

Result<Descriptor> choose_in_index(DocumentStore& docs, const std::vector<Descriptor>& top,
                                   const ImageSelector& select, const ImageOptions& options,
                                   std::string& reference) {
  if (!select.digest.empty()) {
    for (const Descriptor& d : top) {
      if (d.digest == select.digest) return reference = d.digest, d;
    }
  } else if (!select.tag.empty()) {
    for (const Descriptor& d : top) {
      if (tag_matches(select.tag, d.ref_name, d.image_name)) {
        reference = d.image_name.empty() ? d.ref_name : d.image_name;
        return d;
      }
    }
    return Error::not_found("no image tagged '" + select.tag + "' in the layout");
  } else if (top.size() == 1) {
    reference = top.front().image_name.empty() ? top.front().ref_name : top.front().image_name;
    return top.front();
  }
  Result<Platform> want = wanted_platform(options);
  if (!want.ok()) return want.error();
  if (select.digest.empty()) {
    for (const Descriptor& d : top) {
      if (platform_matches(d, *want)) return d;
    }
    return Error::invalid("the layout holds " + std::to_string(top.size()) +
                          " images; pick one with PATH:TAG or PATH@sha256:...");
  }
  // A digest may name a manifest inside a nested index.
  for (const Descriptor& d : top) {
    if (!d.is_index()) continue;
    Result<std::string> text = read_verified(docs, d);
    if (!text.ok()) continue;
    Result<std::vector<Descriptor>> inner = parse_index(*text);
    if (!inner.ok()) continue;
    for (const Descriptor& x : *inner) {
      if (x.digest == select.digest) return reference = x.digest, x;
    }
  }
  return Error::not_found("no manifest " + select.digest + " in the layout");
}

Result<ImagePlan> plan_oci(DocumentStore& docs, const ImageSelector& select,
                           const ImageOptions& options) {
  Result<std::string> index_text = docs.read("index.json");
  if (!index_text.ok()) return index_text.error();
  Result<std::vector<Descriptor>> top = parse_index(*index_text);
  if (!top.ok()) return top.error();
  if (top->empty()) return Error::invalid("index.json lists no image");
  ImagePlan plan;
  Result<Descriptor> d = choose_in_index(docs, *top, select, options, plan.reference);
  if (!d.ok()) return d.error();
  Descriptor desc = std::move(d.value());
  for (int depth = 0;; ++depth) {
    Result<std::string> text = read_verified(docs, desc);
    if (!text.ok()) return text.error();
    bool nested = desc.is_index() ||
                  (desc.media_type.empty() && text->find("\"manifests\"") != std::string::npos);
    if (!nested) {
      Result<ImageManifest> m = parse_manifest(*text);
      if (!m.ok()) return m.error();
      Result<std::string> config = read_verified(docs, m->config);
      if (!config.ok()) return config.error();
      Result<ImageConfig> cfg = parse_config(*config);
      if (!cfg.ok()) return cfg.error();
      plan.config = std::move(cfg.value());
      plan.config_digest = m->config.digest;
      std::vector<PlannedLayer> layers;
      for (const Descriptor& l : m->layers) {
        Result<std::string> path = blob_path(l.digest);
        if (!path.ok()) return path.error();
        layers.push_back({*path, l.digest, {}, {}});
      }
      if (Status st = fill_layers(plan, std::move(layers), options); !st.ok()) return st.error();
      return plan;
    }
    if (depth >= k_max_index_depth) return Error::invalid("image indexes nested too deeply");
    Result<std::vector<Descriptor>> inner = parse_index(*text);
    if (!inner.ok()) return inner.error();
    Result<Platform> want = wanted_platform(options);
    if (!want.ok()) return want.error();
    const Descriptor* pick = nullptr;
    for (const Descriptor& x : *inner) {
      if (platform_matches(x, *want)) {
        pick = &x;
        break;
      }
    }
    if (!pick) {
      std::string have;
      for (const Descriptor& x : *inner) {
        if (x.has_platform && x.platform.os != "unknown")
          have += (have.empty() ? "" : ", ") + x.platform.text();
      }
      return Error::not_found("no image for platform " + want->text() + " (the index has: " + have +
                              "); choose one with --platform");
    }
    desc = *pick;
  }
}

}  // namespace

Result<std::string> blob_path(const std::string& digest) {
  if (!valid_sha256_digest(digest)) {
    return Error::invalid("unsupported or malformed digest '" + digest.substr(0, 80) + "'");
  }
  return "blobs/sha256/" + digest.substr(7);
}

Result<ImagePlan> plan_image(DocumentStore& docs, const ImageSelector& select,
                             const ImageOptions& options) {
  if (docs.has("manifest.json") && select.digest.empty()) {
    return plan_docker_save(docs, select, options);
  }
  if (docs.has("index.json")) return plan_oci(docs, select, options);
  return Error::invalid("not an image: no manifest.json or index.json");
}

}  // namespace vern
