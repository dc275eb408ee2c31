// UnixHttpClient: a small, bounded HTTP/1.1 client over a unix domain socket
// (the Docker Engine API, a containerd or podman socket). GET only; bodies in
// Content-Length, chunked or read-until-close framing. Knows nothing of Docker.
//
// Contract:
// - One request per connection (`Connection: close`), so a client holds no
//   socket between calls. The object is immutable after construction: one
//   client may be used from many threads at once.
// - Every wait is bounded: connecting, each read/write (io_timeout_ms), and the
//   whole request (total_timeout_ms, 0 = no overall limit, for long streams).
// - Every size is bounded: the status line and headers (max_header_bytes), the
//   body (max_body_bytes; counted after chunk decoding). Exceeding one is an
//   Error::Kind::limit_exceeded; a timeout is Error::Kind::failed whose message
//   says "timed out".
// - Connection errors are typed so callers can tell users what is wrong:
//   not_found (no socket at the path), permission_denied (EACCES/EPERM on
//   connect), failed (refused: nothing listening, or any other I/O error).
// - A non-2xx status is NOT an error here: the response is returned and the
//   caller decides (the Engine API puts its error message in the body).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.h"

namespace vern {

struct HttpOptions {
  // Time allowed for connect(). Default: 2 s.
  int connect_timeout_ms = 2000;
  // Longest wait for any progress (a write accepted, some bytes read). Default: 10 s.
  int io_timeout_ms = 10000;
  // The whole request, from connect to the last body byte; 0 = unlimited.
  // Default: 30 s. Streaming an image export should set 0 and rely on io_timeout_ms.
  int total_timeout_ms = 30000;
  // Status line plus headers. Default: 64 KiB.
  std::size_t max_header_bytes = 64 * 1024;
  // Decoded body bytes; 0 = unlimited (only sensible with a streaming callback
  // that bounds its own work). Default: 64 MiB.
  std::uint64_t max_body_bytes = std::uint64_t(64) << 20;
  // Value of the Host header (any value is fine for a unix socket). Default: "localhost".
  std::string host_header = "localhost";
};

struct HttpHeader {
  std::string name;  // as received; compare case-insensitively
  std::string value;
};

// Status and headers of a response.
struct HttpHead {
  int status = 0;      // e.g. 200, 404
  std::string reason;  // e.g. "OK"
  std::vector<HttpHeader> headers;
  // The first header named `name` (case-insensitive), or nullptr.
  const std::string* header(std::string_view name) const;
};

struct HttpResponse {
  HttpHead head;
  std::string body;  // decoded (chunked framing removed)
};

// Receives body bytes in order as they arrive (possibly empty pieces are never
// passed). Returning a non-ok Status aborts the request; get_stream() then
// returns that same error.
using HttpBodySink = std::function<Status(std::string_view piece)>;

class UnixHttpClient {
 public:
  // `socket_path` is a filesystem path ("/var/run/docker.sock"), not a URL.
  explicit UnixHttpClient(std::string socket_path, HttpOptions options = {});

  const std::string& socket_path() const { return m_socket_path; }
  const HttpOptions& options() const { return m_options; }

  // GET `target` (origin-form: "/containers/json?all=1") and buffer the body.
  // extra_headers are sent as given (no CR/LF allowed; such a header is an
  // invalid_input error).
  Result<HttpResponse> get(std::string_view target,
                           const std::vector<HttpHeader>& extra_headers = {}) const;

  // GET `target` and hand the body to `sink` piece by piece, without buffering
  // it. Returns the head once the whole body was delivered.
  Result<HttpHead> get_stream(std::string_view target, const HttpBodySink& sink,
                              const std::vector<HttpHeader>& extra_headers = {}) const;

 private:
  std::string m_socket_path;
  HttpOptions m_options;
};

}  // namespace vern
