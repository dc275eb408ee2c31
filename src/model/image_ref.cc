#include "model/image_ref.h"

namespace vern {

bool ImageRef::pinned() const {
  constexpr std::string_view prefix = "sha256:";
  if (digest.size() != prefix.size() + 64 || digest.compare(0, prefix.size(), prefix) != 0) {
    return false;
  }
  for (size_t i = prefix.size(); i < digest.size(); ++i) {
    char ch = digest[i];
    bool hex = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
    if (!hex) return false;
  }
  return true;
}

std::string_view ImageRef::last_component() const {
  std::string_view repo = repository;
  size_t slash = repo.rfind('/');
  return slash == std::string_view::npos ? repo : repo.substr(slash + 1);
}

ImageRef parse_image_ref(std::string_view text) {
  ImageRef ref;
  ref.text = std::string(text);
  if (text.find('$') != std::string_view::npos) {
    ref.dynamic = true;
    // A digest written after the variables pins the image whatever they hold.
    if (size_t at = text.rfind('@');
        at != std::string_view::npos && text.find('$', at) == std::string_view::npos) {
      ref.digest = std::string(text.substr(at + 1));
    }
    return ref;
  }
  std::string_view rest = text;
  if (size_t at = rest.find('@'); at != std::string_view::npos) {
    ref.digest = std::string(rest.substr(at + 1));
    rest = rest.substr(0, at);
  }
  // The registry is the first component when it looks like a host: it has a
  // dot or a port, or is "localhost" (the distribution library's rule).
  if (size_t slash = rest.find('/'); slash != std::string_view::npos) {
    std::string_view first = rest.substr(0, slash);
    if (first.find('.') != std::string_view::npos || first.find(':') != std::string_view::npos ||
        first == "localhost") {
      ref.registry = std::string(first);
      rest = rest.substr(slash + 1);
    }
  }
  if (ref.registry.empty()) ref.registry = "docker.io";
  size_t last_slash = rest.rfind('/');
  size_t colon = rest.rfind(':');
  if (colon != std::string_view::npos &&
      (last_slash == std::string_view::npos || colon > last_slash)) {
    ref.tag = std::string(rest.substr(colon + 1));
    rest = rest.substr(0, colon);
  }
  ref.repository = std::string(rest);
  return ref;
}

}  // namespace vern
