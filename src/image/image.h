// Image: one container image read from a `docker save` tar, an OCI layout
// directory, an oci-archive tar or the local Docker daemon, with its config,
// its layers' scans and the merged final filesystem. Nothing is extracted.
//
// Blob digests are checked against the stored bytes and diff_ids against the
// uncompressed layers; a mismatch, a missing blob or an exceeded limit is an
// error. Entries skipped for safety (absolute or escaping paths, hard links to
// nothing, over-long paths) are listed in `warnings`.
//
// An Image is movable, not copyable: `tree` points into `layers`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "image/byte_source.h"
#include "image/file_tree.h"
#include "image/layer.h"
#include "image/limits.h"
#include "image/oci.h"
#include "util/result.h"

namespace vern {

struct ImageOptions {
  ImageLimits limits;
  // "os/arch[/variant]" picked from a multi-platform index. Default: empty,
  // the host's platform.
  std::string platform;
  // Docker Engine socket. Default: empty, $DOCKER_HOST when it is unix://,
  // else /var/run/docker.sock.
  std::string docker_socket;
};

// Which image of an archive or layout to read: by tag or name:tag, or by
// manifest digest. Both empty: the only image there is.
struct ImageSelector {
  std::string tag;
  std::string digest;
};

struct ImageLayerData {
  std::string digest;   // as named by the manifest (or computed, for docker save)
  std::string diff_id;  // from the config, verified
  std::string created_by;
  LayerScan scan;
};

struct Image {
  Image() = default;
  Image(Image&&) = default;
  Image& operator=(Image&&) = default;
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;

  std::string target;     // as given
  std::string reference;  // tag or digest used to select it, or the archive's tag
  std::string config_digest;
  ImageConfig config;
  std::vector<ImageLayerData> layers;  // bottom first
  FileTree tree;
  std::vector<std::string> warnings;
};

// Opens TARGET: a path to a tar (docker save or oci-archive), an OCI layout
// directory, either with ":TAG" or "@sha256:..." appended, or else an image
// name or id in the local Docker daemon.
Result<Image> open_image(std::string_view target, const ImageOptions& options);

// Reads a tar archive (docker save or oci-archive) from a stream, in one pass.
// Blobs are scanned as they pass and matched to the manifest at the end, since
// the manifest may come last.
Result<Image> read_image_stream(ByteSource& tar, const ImageSelector& select,
                                const ImageOptions& options);
// Reads a tar archive file in two passes: documents first, then only the
// layers the chosen manifest names.
Result<Image> read_image_tar(const std::string& path, const ImageSelector& select,
                             const ImageOptions& options);
// Reads an OCI image layout directory.
Result<Image> read_oci_layout(const std::string& dir, const ImageSelector& select,
                              const ImageOptions& options);
// Reads an image from the Docker daemon (GET /images/{name}/get, streamed).
Result<Image> read_daemon_image(const std::string& name, const ImageOptions& options);

}  // namespace vern
