#include "host/audit.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "host/collect.h"
#include "host/engine_client.h"
#include "host/root_fs.h"
#include "host/virtualization.h"
#include "sources/daemon_json/translate.h"
#include "sources/engine/translate.h"

namespace vern::host {

namespace {

using Json = nlohmann::json;

std::string str(const Json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "Docker daemon not reachable at PATH: <why>" in words a user can act on.
Error daemon_error(const Error& e, const std::string& socket) {
  std::string why;
  switch (e.kind) {
    case Error::Kind::not_found:
      why = "no socket at " + socket +
            " (is Docker installed and running? set --host or DOCKER_HOST)";
      break;
    case Error::Kind::permission_denied:
      why =
          "permission denied on " + socket + " (run as root or as a member of the socket's group)";
      break;
    default:
      why = e.message;
      if (why.find("refused") != std::string::npos) why += "; the daemon is not running";
  }
  Error out = Error::failed("Docker daemon not reachable: " + why);
  out.file = socket;
  return out;
}

void versions(const Json& info, const Json& version, HostFacts& facts) {
  facts.docker_version = str(version, "Version");
  if (auto it = version.find("Components");
      version.is_object() && it != version.end() && it->is_array()) {
    for (const Json& c : *it) {
      std::string name = str(c, "Name");
      if (name == "runc") facts.runc_version = str(c, "Version");
      if (name == "containerd") facts.containerd_version = str(c, "Version");
    }
  }
  if (info.is_object()) {
    if (info.contains("RuncCommit")) facts.runc_package = str(info["RuncCommit"], "ID");
    if (facts.containerd_version.empty() && info.contains("ContainerdCommit"))
      facts.containerd_version = str(info["ContainerdCommit"], "ID");
  }
}

// The daemon's effective configuration: daemon.json (with positions), then the
// command line, then what the live daemon reports, each overriding the last.
DaemonConfig daemon_config(const RootFs& fs, const DockerdCommandLine& cmd, const Json* info,
                           const Json* bridge, std::vector<Error>& errors) {
  DaemonConfig c;
  c.label = "daemon";
  std::string path = daemon_config_path(cmd);
  if (std::optional<std::string> text = fs.read(path, k_max_daemon_json_bytes)) {
    Translation t = translate_daemon_json(path, *text);
    for (Error& e : t.errors) errors.push_back(std::move(e));
    if (!t.inventory.daemon_configs.empty()) c = t.inventory.daemon_configs.front();
    c.label = "daemon (" + path + ")";
  }
  const Location top = c.where;
  auto flag = [&](const char* name) { return flag_value(cmd.args, name); };
  auto flag_bool = [&](const char* name, Located<bool>& field) {
    if (auto v = flag(name)) field = Located<bool>::literal(v->empty() || *v == "true", top);
  };
  for (const std::string& h : cmd.hosts) c.hosts.push_back(Located<std::string>::literal(h, top));
  flag_bool("--tlsverify", c.tls_verify);
  flag_bool("--icc", c.icc);
  flag_bool("--live-restore", c.live_restore);
  flag_bool("--no-new-privileges", c.no_new_privileges);
  if (auto v = flag("--userns-remap"); v && !v->empty())
    c.userns_remap = Located<std::string>::literal(*v, top);

  if (info && info->is_object()) {
    if (auto it = info->find("LiveRestoreEnabled"); it != info->end() && it->is_boolean())
      c.live_restore = Located<bool>::literal(it->get<bool>(), c.live_restore.where);
    if (auto it = info->find("SecurityOptions"); it != info->end() && it->is_array()) {
      for (const Json& o : *it) {
        if (o.is_string() && o.get<std::string>().rfind("name=userns", 0) == 0 &&
            !c.userns_remap.is_literal())
          c.userns_remap = Located<std::string>::literal("default", c.userns_remap.where);
      }
    }
  }
  if (bridge && bridge->is_object()) {
    const Json& opts = (*bridge)["Options"];
    std::string icc = str(opts, "com.docker.network.bridge.enable_icc");
    if (!icc.empty()) c.icc = Located<bool>::literal(icc == "true", c.icc.where);
  }
  return c;
}

void inspect_all(const EngineClient& client, const std::vector<std::string>& ids, int jobs,
                 HostAudit& out) {
  std::vector<std::optional<Result<Workload>>> results(ids.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < ids.size(); i = next++) {
      Result<Json> j = client.get_json("/containers/" + ids[i] + "/json");
      if (!j) {
        results[i].emplace(j.error());
        continue;
      }
      results[i].emplace(translate_container_inspect_json(*j, Surface::host));
    }
  };
  int n = std::clamp<int>(int(ids.size()), 1, std::max(1, jobs));
  std::vector<std::thread> threads;
  for (int t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
  for (auto& r : results) {
    if (r->ok()) {
      out.inventory.workloads.push_back(std::move(*r).value());
      ++out.containers;
    } else if (r->error().kind != Error::Kind::not_found) {  // removed meanwhile: not an error
      out.errors.push_back(r->error());
    }
  }
}

}  // namespace

HostAudit run_host_audit(const HostAuditOptions& options) {
  HostAudit out;
  RootFs fs(options.root);
  HostFacts facts;
  facts.name = fs.read_line("/proc/sys/kernel/hostname").value_or("");
  collect_kernel(fs, facts);
  collect_lsm(fs, facts);
  detect_virtualization(fs, options.use_cpuid ? cpuid_hypervisor_vendor() : std::string(), facts);
  collect_socket(fs, options.socket_path, facts);
  DockerdCommandLine cmd = find_dockerd(fs);

  EngineClient client(options.socket_path);
  Result<Json> info = client.get_json("/info");
  std::optional<Json> bridge;
  if (!info) {
    Error e = daemon_error(info.error(), options.socket_path);
    facts.daemon_error = e.message;
    out.errors.push_back(std::move(e));
  } else {
    facts.daemon_reachable = true;
    if (std::string name = str(*info, "Name"); !name.empty() && facts.name.empty())
      facts.name = name;
    Result<Json> version = client.get_json("/version");
    if (!version) out.errors.push_back(version.error());
    versions(*info, version ? *version : Json(), facts);
    if (Result<Json> b = client.get_json("/networks/bridge")) bridge = std::move(*b);
    Result<Json> list =
        client.get_json(options.all ? "/containers/json?all=1" : "/containers/json");
    if (!list) {
      out.errors.push_back(list.error());
    } else if (list->is_array()) {
      std::vector<std::string> ids;
      for (const Json& c : *list) {
        std::string id = str(c, "Id");
        // Ids are hex; anything else is not put into a URL.
        if (!id.empty() && id.find_first_not_of("0123456789abcdef") == std::string::npos)
          ids.push_back(id);
      }
      inspect_all(client, ids, options.jobs, out);
    }
  }
  if (facts.name.empty()) facts.name = "localhost";
  // Without a daemon, a config file or a command line there is nothing to judge.
  if (info || cmd.found || fs.exists(daemon_config_path(cmd))) {
    out.inventory.daemon_configs.push_back(
        daemon_config(fs, cmd, info ? &*info : nullptr, bridge ? &*bridge : nullptr, out.errors));
  }
  out.inventory.hosts.push_back(std::move(facts));
  out.api_calls = client.calls();
  return out;
}

}  // namespace vern::host
