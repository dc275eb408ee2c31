// Parsers for the JSON documents of an image: an OCI index (index.json or an
// image index blob), an OCI/Docker image manifest, Docker's `docker save`
// manifest.json, and the image config. Pure functions over text; every field
// is type-checked, so hostile JSON yields an invalid_input error, never a throw.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace vern {

struct Platform {
  std::string os;
  std::string architecture;
  std::string variant;
  // "linux/amd64" or "linux/arm64/v8".
  std::string text() const;
};

// Parses "os/arch[/variant]"; empty on a malformed value.
Result<Platform> parse_platform(std::string_view text);
// The platform this program runs on ("linux/amd64", ...).
Platform host_platform();

struct Descriptor {
  std::string media_type;
  std::string digest;
  std::uint64_t size = 0;
  bool has_platform = false;
  Platform platform;
  std::string ref_name;    // annotation org.opencontainers.image.ref.name
  std::string image_name;  // annotation io.containerd.image.name
  bool is_index() const;
};

// The `manifests` of an OCI index.
Result<std::vector<Descriptor>> parse_index(std::string_view json);

struct ImageManifest {
  Descriptor config;
  std::vector<Descriptor> layers;
};

// An OCI image manifest or a Docker schema 2 manifest.
Result<ImageManifest> parse_manifest(std::string_view json);

// One image of a `docker save` manifest.json.
struct SaveEntry {
  std::string config;  // path inside the archive
  std::vector<std::string> repo_tags;
  std::vector<std::string> layers;  // paths inside the archive
};

Result<std::vector<SaveEntry>> parse_save_manifest(std::string_view json);

enum class HealthcheckState { absent, disabled, set };

struct HistoryEntry {
  std::string created_by;
  bool empty_layer = false;
};

struct ImageConfig {
  std::string os;
  std::string architecture;
  bool user_set = false;  // the config has a non-empty User
  std::string user;
  std::vector<std::string> env;            // "NAME=value"
  std::vector<std::string> exposed_ports;  // "80/tcp"
  HealthcheckState healthcheck = HealthcheckState::absent;
  std::vector<std::string> diff_ids;
  std::vector<HistoryEntry> history;
};

Result<ImageConfig> parse_config(std::string_view json);

}  // namespace vern
