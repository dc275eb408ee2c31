// open_image: decides what TARGET names (a tar, a layout, a daemon image) and
// which image inside it.
#include <sys/stat.h>

#include "image/image.h"

namespace vern {

namespace {

enum class PathKind { none, file, dir };

PathKind kind_of(const std::string& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return PathKind::none;
  if (S_ISDIR(st.st_mode)) return PathKind::dir;
  return PathKind::file;
}

Result<Image> read_path(const std::string& path, PathKind kind, const ImageSelector& select,
                        const ImageOptions& options) {
  Result<Image> r = kind == PathKind::dir ? read_oci_layout(path, select, options)
                                          : read_image_tar(path, select, options);
  if (!r.ok()) {
    Error e = r.error();
    if (e.file.empty()) e.file = path;
    return e;
  }
  return r;
}

}  // namespace

Result<Image> open_image(std::string_view target_view, const ImageOptions& options) {
  std::string target(target_view);
  if (target.empty()) return Error{Error::Kind::usage, "no image given", {}, 0, 0};
  PathKind kind = kind_of(target);
  Result<Image> out = Error::failed("unreachable");
  std::string used_path;  // the file or folder read, when TARGET names one
  if (kind != PathKind::none) {
    used_path = target;
    out = read_path(target, kind, {}, options);
  } else if (std::size_t at = target.find("@sha256:");
             at != std::string::npos && kind_of(target.substr(0, at)) != PathKind::none) {
    std::string path = target.substr(0, at);
    used_path = path;
    out = read_path(path, kind_of(path), {{}, target.substr(at + 1)}, options);
  } else {
    // PATH:TAG, where the tag itself may hold a colon (archive.tar:nginx:1.25):
    // the path is the first prefix ending before a colon that exists.
    std::size_t colon = target.find(':');
    while (colon != std::string::npos && kind_of(target.substr(0, colon)) == PathKind::none) {
      colon = target.find(':', colon + 1);
    }
    if (colon != std::string::npos) {
      std::string path = target.substr(0, colon);
      used_path = path;
      out = read_path(path, kind_of(path), {target.substr(colon + 1), {}}, options);
    } else if (target.front() == '/' || target.front() == '.' || target.ends_with(".tar") ||
               target.ends_with(".tar.gz")) {
      out = Error::not_found(target + ": no such file or directory");
    } else {
      out = read_daemon_image(target, options);
    }
  }
  if (out.ok()) {
    out->target = target;
    // An OCI ref.name annotation is often a bare tag ("latest"): name the
    // image after its folder or file so that the reference reads like one.
    std::string& ref = out->reference;
    if (!used_path.empty() && !ref.empty() && ref.find_first_of(":/@") == std::string::npos) {
      while (used_path.size() > 1 && used_path.back() == '/') used_path.pop_back();
      ref = used_path.substr(used_path.rfind('/') + 1) + ':' + ref;
    }
  }
  return out;
}

}  // namespace vern
