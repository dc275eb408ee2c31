// ImageRef: an image reference split the way the Docker distribution library
// does it (registry / repository : tag @ digest).
#pragma once

#include <string>
#include <string_view>

namespace vern {

struct ImageRef {
  std::string text;        // as written (after variable substitution where known)
  std::string registry;    // "docker.io" when the name has no registry part
  std::string repository;  // path without registry, e.g. "library/nginx" stays "nginx"
  // Empty when none is written, or, for a dynamic reference, when no tag is
  // written after its last variable (`${REGISTRY}/app:1.2` has tag "1.2").
  std::string tag;
  std::string digest;    // everything after '@', empty when none is written
  bool dynamic = false;  // contains a variable that could not be resolved
  bool scratch = false;  // Dockerfile `FROM scratch`: not an image
  bool stage = false;    // names an earlier build stage: not an image

  // True iff the reference is an image one can pull (not scratch, a stage, or unknown).
  bool is_image() const { return !dynamic && !scratch && !stage && !text.empty(); }
  // True iff the digest is "sha256:" followed by exactly 64 lowercase hex characters.
  bool pinned() const;
  // True iff a digest is written but is not a valid sha256 pin.
  bool digest_malformed() const { return !digest.empty() && !pinned(); }
  // Tag `latest` (a digest beside it fixes the image, not the name that
  // says nothing of its version), or no tag and no pin: a malformed digest is
  // none (Docker refuses such a reference; what was meant is not known to be
  // fixed). With variables, only a `latest` written after them counts: a
  // variable may hold the tag.
  bool latest() const { return tag == "latest" || (tag.empty() && !pinned() && !dynamic); }
  // The repository's last path component ("bitnami/postgresql" -> "postgresql").
  std::string_view last_component() const;
};

// Splits `text` into an ImageRef. Never fails: a text containing `$` is marked
// dynamic and keeps only the tag and digest written after its variables; an
// empty text yields an empty reference.
ImageRef parse_image_ref(std::string_view text);

}  // namespace vern
