#include "host/engine_client.h"

namespace vern::host {

Result<std::string> resolve_engine_socket(std::string_view host_flag, const char* docker_host_env) {
  std::string host(host_flag);
  if (host.empty() && docker_host_env) host = docker_host_env;
  if (host.empty()) return std::string("/var/run/docker.sock");
  if (host.rfind("unix://", 0) == 0) host.erase(0, 7);
  if (!host.empty() && host[0] == '/') return host;
  return Error{Error::Kind::usage,
               "unsupported Docker host '" + host + "': only unix:///path sockets are supported",
               {},
               0,
               0};
}

EngineClient::EngineClient(std::string socket_path, HttpOptions options)
    : m_http(std::move(socket_path), std::move(options)) {}

Result<nlohmann::json> EngineClient::get_json(std::string_view path) const {
  ++m_calls;
  Result<HttpResponse> r = m_http.get(path);
  if (!r) return r.error();
  nlohmann::json body = nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false);
  int status = r->head.status;
  if (status < 200 || status > 299) {
    std::string msg = "GET " + std::string(path) + ": HTTP " + std::to_string(status);
    if (body.is_object() && body.contains("message") && body["message"].is_string())
      msg += ": " + body["message"].get<std::string>();
    return status == 404 ? Error::not_found(msg) : Error::failed(msg);
  }
  if (body.is_discarded()) return Error::invalid("GET " + std::string(path) + ": not JSON");
  return body;
}

}  // namespace vern::host
