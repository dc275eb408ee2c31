// EngineClient: the few Docker Engine API calls `vern host` makes, over a
// unix socket (UnixHttpClient), returning parsed JSON. Counts its calls so the
// benchmark can report them.
//
// Thread safety: get_json() may be called from many threads at once (each call
// opens its own connection; the counter is atomic).
#pragma once

#include <atomic>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "util/http_unix.h"
#include "util/result.h"

namespace vern::host {

// The unix socket to use: `host_flag` (--host) if given, else $DOCKER_HOST
// (`docker_host_env`, may be null), else /var/run/docker.sock. Accepts
// "unix:///path" and a bare absolute path; tcp:// and ssh:// are usage errors
// (not supported yet).
Result<std::string> resolve_engine_socket(std::string_view host_flag, const char* docker_host_env);

class EngineClient {
 public:
  explicit EngineClient(std::string socket_path, HttpOptions options = {});

  const std::string& socket_path() const { return m_http.socket_path(); }

  // GET `path` ("/info", "/containers/json?all=1") and parse the body. A
  // non-2xx status is an error carrying the daemon's "message"; a 404 is
  // Error::Kind::not_found.
  Result<nlohmann::json> get_json(std::string_view path) const;

  // Requests made so far (successful or not).
  int calls() const { return m_calls.load(); }

 private:
  UnixHttpClient m_http;
  mutable std::atomic<int> m_calls{0};
};

}  // namespace vern::host
