#include "model/image_ref.h"

#include <cctype>

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

namespace {

// The text after the variable that starts at `dollar`, the last `$` of
// `text`: `${...}` ends at the last `}` (it may nest), `$NAME` at its name's
// end. Empty when the braces are not closed.
std::string_view variable_tail(std::string_view text, size_t dollar) {
  size_t end = dollar + 1;
  if (end < text.size() && text[end] == '{') {
    size_t close = text.rfind('}');
    if (close == std::string_view::npos || close < end) return {};
    return text.substr(close + 1);
  }
  while (end < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
    ++end;
  }
  return text.substr(end);
}

}  // namespace

ImageRef parse_image_ref(std::string_view text) {
  ImageRef ref;
  ref.text = std::string(text);
  if (size_t dollar = text.rfind('$'); dollar != std::string_view::npos) {
    ref.dynamic = true;
    // What follows the last variable is as written: a digest there pins the
    // image whatever the variables hold, and a tag there is the tag.
    std::string_view tail = variable_tail(text, dollar);
    if (size_t at = tail.rfind('@'); at != std::string_view::npos) {
      ref.digest = std::string(tail.substr(at + 1));
      tail = tail.substr(0, at);
    }
    size_t colon = tail.rfind(':');
    if (colon != std::string_view::npos && tail.find('/', colon) == std::string_view::npos) {
      ref.tag = std::string(tail.substr(colon + 1));
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
