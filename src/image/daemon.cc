// Reading an image from the Docker daemon. GET /images/{name}/get streams a
// `docker save` tar whose manifest.json may come after the layers; it is read
// in one pass (read_image_stream scans each blob as it passes and matches
// them to the manifest at the end), so nothing is spooled to disk and the
// export is requested once. The HTTP client pushes body pieces from a worker
// thread into a socket pair; the tar reader pulls them from the other end, and
// the socket's buffer bounds what is in flight.
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "image/image.h"
#include "util/http_unix.h"

namespace vern {

namespace {

std::string socket_path(const ImageOptions& options) {
  if (!options.docker_socket.empty()) return options.docker_socket;
  if (const char* host = std::getenv("DOCKER_HOST")) {
    std::string h = host;
    if (h.rfind("unix://", 0) == 0) return h.substr(7);
  }
  return "/var/run/docker.sock";
}

// Percent-encodes an image name for a URL path; keeps the characters an
// image reference may hold unencoded, since the Engine API routes on them.
std::string encode(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '/' || c == ':' || c == '@') {
      out += char(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

class FdSource final : public ByteSource {
 public:
  explicit FdSource(int fd) : m_fd(fd), m_buf(256 * 1024, '\0') {}
  Result<std::string_view> next() override {
    for (;;) {
      ssize_t n = ::read(m_fd, m_buf.data(), m_buf.size());
      if (n >= 0) return std::string_view(m_buf.data(), std::size_t(n));
      if (errno != EINTR) return Error::failed(std::string("read: ") + std::strerror(errno));
    }
  }

 private:
  int m_fd;
  std::string m_buf;
};

std::string engine_message(const std::string& body) {
  std::size_t at = body.find("\"message\":\"");
  if (at == std::string::npos) return body.substr(0, 200);
  std::size_t end = body.find('"', at + 11);
  return body.substr(at + 11, end == std::string::npos ? 200 : end - at - 11);
}

}  // namespace

Result<Image> read_daemon_image(const std::string& name, const ImageOptions& options) {
  std::string sock = socket_path(options);
  UnixHttpClient client(sock);
  Result<HttpResponse> info = client.get("/images/" + encode(name) + "/json");
  if (!info.ok()) {
    Error e = info.error();
    e.message = "no file '" + name + "', and the Docker daemon at " + sock +
                " cannot be asked for an image of that name: " + e.message;
    return e;
  }
  if (info->head.status == 404) {
    return Error::not_found("no file or daemon image named '" + name + "'");
  }
  if (info->head.status != 200) {
    return Error::failed("Docker daemon: " + engine_message(info->body));
  }

  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    return Error::failed(std::string("socketpair: ") + std::strerror(errno));
  }
  HttpOptions stream_opts;
  stream_opts.total_timeout_ms = 0;
  stream_opts.max_body_bytes = 0;  // the tar reader's budget bounds the work
  UnixHttpClient streamer(sock, stream_opts);
  Status http_status;
  int status_code = 0;
  std::thread worker([&, wfd = fds[1]] {
    Result<HttpHead> head = streamer.get_stream(
        "/images/" + encode(name) + "/get", [wfd](std::string_view piece) -> Status {
          while (!piece.empty()) {
            ssize_t n = ::send(wfd, piece.data(), piece.size(), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return Error::failed("reader stopped");
            piece.remove_prefix(std::size_t(n));
          }
          return Status::success();
        });
    if (!head.ok())
      http_status = head.error();
    else
      status_code = head->status;
    ::shutdown(wfd, SHUT_WR);
  });
  FdSource source(fds[0]);
  Result<Image> image = read_image_stream(source, {}, options);
  // Unblock the worker if the reader stopped early, then wait for it.
  ::shutdown(fds[0], SHUT_RDWR);
  worker.join();
  ::close(fds[0]);
  ::close(fds[1]);
  if (!http_status.ok() && !image.ok()) {
    Error e = http_status.error();
    e.message = "exporting " + name + " from the Docker daemon: " + e.message;
    return e;
  }
  if (status_code != 0 && status_code != 200) {
    return Error::failed("Docker daemon refused to export " + name + " (HTTP " +
                         std::to_string(status_code) + ")");
  }
  if (image.ok()) {
    image->target = name;
    if (image->reference.empty()) image->reference = name;
  }
  return image;
}

}  // namespace vern
