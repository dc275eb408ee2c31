// ImageFacts: what an image reader found in an image's config and filesystem,
// for the image rules (setuid-file, world-writable-file, secret-file-in-image,
// secret-deleted-in-later-layer) and the vulnerability matcher. The config's
// user, env, ports and healthcheck go into a Workload (surface image) instead,
// so the generic container rules read them. Plain data; never holds a secret's
// content, only where it is.
#pragma once

#include <string>
#include <vector>

#include "model/package.h"

namespace vern {

struct ImageLayer {
  std::string diff_id;     // sha256 of the uncompressed layer ("sha256:...")
  std::string digest;      // sha256 of the blob as stored; == diff_id when stored plain
  std::string created_by;  // the history entry's created_by, when the config has one
};

// A file of the final filesystem (as a container sees it), with the layer
// that last wrote it.
struct ImageFile {
  std::string path;   // absolute, e.g. "/usr/bin/passwd"
  unsigned mode = 0;  // permission bits including setuid/setgid/sticky (07777)
  int layer = -1;     // index into ImageFacts::layers
};

// A file that looks like a secret: a private key, a .env file, a credentials file.
struct SecretFile {
  std::string path;
  std::string kind;  // "private key", "dotenv file", "AWS credentials", ...
  int layer = -1;
};

// A secret written in one layer and removed (whiteout or replacement) in a
// later one: its bytes are still in the earlier layer.
struct DeletedSecret {
  std::string path;
  std::string kind;
  int added_layer = -1;
  int removed_layer = -1;
};

struct ImageFacts {
  std::string file;       // the target as given on the command line; findings name it
  std::string reference;  // image reference used to pick the image, when any
  std::string id;         // config digest ("sha256:...")
  std::string os;
  std::string architecture;
  std::vector<ImageLayer> layers;  // bottom first

  std::vector<ImageFile> setuid_files;    // setuid or setgid regular files
  std::vector<ImageFile> world_writable;  // outside /tmp-like dirs, no sticky bit
  std::vector<SecretFile> secret_files;   // present in the final filesystem
  std::vector<DeletedSecret> deleted_secrets;
  PackageInventory packages;

  // "sha256:0123456789ab" (12 hex digits) of layer i, or "?" when out of range.
  std::string layer_label(int i) const {
    if (i < 0 || i >= int(layers.size())) return "?";
    const std::string& d = layers[size_t(i)].diff_id;
    return d.size() > 19 ? d.substr(0, 19) : d;
  }
};

}  // namespace vern
