// database-on-public-network: a Compose database service is on a network that
// is not `internal: true`.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "database-on-public-network",
    .title = "Database service on a network with outside access",
    .severity = Severity::medium,
    .surfaces = {Surface::compose},
    .rationale =
        "A Compose network that is not `internal: true` is routed to the outside world: the "
        "database can open connections out (exfiltration, a reverse shell after an exploit), "
        "and every service on the network can reach it. Databases seldom need either; an "
        "internal backend network shared only with the application limits both.",
    .remedy =
        "Put the database on a network declared `internal: true` that only its clients "
        "join; give the application a second network for outside traffic.",
};

// rules.md, "Compose specifics": the repository's last path component.
constexpr std::array<std::string_view, 27> k_database_names = {
    "azure-sql-edge", "cassandra",   "clickhouse-server",
    "cockroach",      "couchbase",   "couchdb",
    "elasticsearch",  "etcd",        "influxdb",
    "keydb",          "mariadb",     "memcached",
    "mongo",          "mongodb",     "mysql",
    "neo4j",          "opensearch",  "percona",
    "postgis",        "postgres",    "postgresql",
    "redis",          "redis-stack", "redismod",
    "scylla",         "timescaledb", "valkey",
};

// The image's repository path, or its trailing components that hold no
// variable when part of it is one (`postgres:${PG_VERSION}` -> "postgres",
// `${REGISTRY}/postgres:16` -> "postgres"); empty when the name is unknown.
std::string repository_path(const Located<ImageRef>& image) {
  if (image.is_absent()) return {};
  const ImageRef& ref = image.value;
  if (!ref.dynamic) return ref.repository;
  std::string_view text = ref.text;
  text = text.substr(0, text.find('@'));
  size_t slash = text.rfind('/');
  size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
  text = text.substr(0, text.find(':', name_start));  // drop the tag, variable or not
  size_t var = text.rfind('$');
  if (var != std::string_view::npos) {
    size_t known = text.find('/', var);
    if (known == std::string_view::npos) return {};
    text = text.substr(known + 1);
  }
  return std::string(text);
}

// True iff the image is a database by the catalog's list (any registry, any tag).
bool is_database_image(const Located<ImageRef>& image) {
  std::string path = repository_path(image);
  if (path.empty()) return false;
  auto ends_with = [&](std::string_view suffix) {
    return path == suffix || (path.size() > suffix.size() && path.ends_with(suffix) &&
                              path[path.size() - suffix.size() - 1] == '/');
  };
  if (ends_with("mssql/server") || ends_with("oracle/database")) return true;
  size_t slash = path.rfind('/');
  std::string_view last = std::string_view(path).substr(slash == std::string::npos ? 0 : slash + 1);
  return std::find(k_database_names.begin(), k_database_names.end(), last) !=
         k_database_names.end();
}

// The first project of each file. A scan merges every Compose file it saw, so
// a search per database service would be quadratic in the corpus.
using ProjectIndex = std::unordered_map<std::string_view, const ComposeProject*>;

ProjectIndex index_projects(const Inventory& inv) {
  ProjectIndex index;
  for (const ComposeProject& p : inv.compose_projects) index.try_emplace(p.file, &p);
  return index;
}

const ComposeProject* project_of(const ProjectIndex& projects, const Workload& w) {
  auto it = projects.find(w.file);
  return it == projects.end() ? nullptr : it->second;
}

// True iff `name` is known to be a non-internal network of the project.
// External networks and unknown settings are not reported.
bool is_public(const ComposeProject* project, std::string_view name) {
  const ComposeNetwork* declared = nullptr;
  if (project) {
    for (const ComposeNetwork& n : project->networks) {
      if (n.name == name) declared = &n;
    }
  }
  if (!declared) return name == "default";  // Compose creates `default` as a plain bridge
  if (!declared->external.is_absent() && !declared->external.is(false)) return false;
  if (declared->internal.is_dynamic()) return false;
  return !declared->internal.is(true);
}

void check_service(const ProjectIndex& projects, const Workload& w, const Container& c,
                   FindingSink& out) {
  // On the host's network the database listens on the host's interfaces
  // itself, with no network between it and the outside at all.
  if (w.host_network.is(true)) {
    out.add(make_finding(k_info, w, &c, w.host_network.where,
                         subject(w, c) + " runs database image " + c.image.value.text +
                             " on the host's network, which is not internal"));
    return;
  }
  // `none` has no network; a `service:`/`container:` mode shares a network
  // namespace checked there.
  if (w.network_mode.is_literal() || w.network_mode.is_dynamic()) {
    if (!w.network_mode.is("bridge") && !w.network_mode.is("default")) return;
    out.add(make_finding(k_info, w, &c, w.network_mode.where,
                         subject(w, c) + " runs database image " + c.image.value.text +
                             " on Docker's default bridge network, which is not internal"));
    return;
  }
  const ComposeProject* project = project_of(projects, w);
  if (!w.networks_written) {
    if (!is_public(project, "default")) return;
    out.add(make_finding(k_info, w, &c, w.where,
                         subject(w, c) + " runs database image " + c.image.value.text +
                             " on the project's network \"default\", which is not internal"));
    return;
  }
  for (const Located<std::string>& n : w.networks) {
    if (!n.is_literal() || !is_public(project, n.value)) continue;
    out.add(make_finding(k_info, w, &c, n.where,
                         subject(w, c) + " runs database image " + c.image.value.text +
                             " on network \"" + n.value + "\", which is not internal"));
    return;  // one finding per service: the first network that lets it out
  }
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  const ProjectIndex projects = index_projects(inv);
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      if (!is_database_image(c.image)) continue;
      check_service(projects, w, c, out);
      break;
    }
  }
}

}  // namespace

extern const Rule k_database_on_public_network{k_info, RuleScope::set, check};

}  // namespace vern
