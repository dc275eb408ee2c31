#include "rules/ports.h"

#include <array>
#include <cctype>
#include <charconv>
#include <utility>

namespace vern {

namespace {

// The catalog's list (rules.md, exposed-database-port), sorted by port.
constexpr std::array<std::pair<int, std::string_view>, 24> k_database_ports = {{
    {1433, "SQL Server"},     {1521, "Oracle"},          {2181, "ZooKeeper"},
    {2375, "Docker API"},     {2376, "Docker API"},      {2379, "etcd"},
    {2380, "etcd peer"},      {3306, "MySQL"},           {5432, "PostgreSQL"},
    {5672, "RabbitMQ"},       {5984, "CouchDB"},         {6379, "Redis"},
    {6443, "Kubernetes API"}, {7000, "Cassandra"},       {7001, "Cassandra"},
    {8086, "InfluxDB"},       {9042, "Cassandra"},       {9092, "Kafka"},
    {9200, "Elasticsearch"},  {9300, "Elasticsearch"},   {10250, "kubelet"},
    {11211, "Memcached"},     {15672, "RabbitMQ admin"}, {27017, "MongoDB"},
}};

std::string range_text(int first, int last) {
  std::string out = std::to_string(first);
  if (last > first) out += '-' + std::to_string(last);
  return out;
}

}  // namespace

bool is_loopback_address(std::string_view ip) {
  if (ip == "localhost" || ip == "::1" || ip == "[::1]") return true;
  // 127.0.0.0/8: four decimal octets, the first 127.
  if (ip.rfind("127.", 0) != 0) return false;
  int octets = 0;
  size_t pos = 0;
  while (pos <= ip.size()) {
    size_t dot = ip.find('.', pos);
    std::string_view part = ip.substr(pos, dot == std::string_view::npos ? ip.npos : dot - pos);
    int value = -1;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size() || value > 255) {
      return false;
    }
    ++octets;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return octets == 4;
}

bool binds_every_interface(const PortMapping& port) {
  if (!port.published) return false;
  if (port.host_ip.is_absent()) return true;
  if (!port.host_ip.is_literal()) return false;  // `${BIND}`: unknown
  const std::string& ip = port.host_ip.value;
  return ip.empty() || ip == "0.0.0.0" || ip == "::" || ip == "[::]";
}

bool publication_discarded(const Workload& w, const PortMapping& port) {
  if (!port.published || port.k8s_host_port) return false;
  if (w.host_network.is(true)) return true;
  // Sharing another container's network namespace: Docker refuses to publish.
  const Located<std::string>& mode = w.network_mode;
  return mode.is_literal() &&
         (mode.value.starts_with("container:") || mode.value.starts_with("service:"));
}

std::vector<int> database_ports(const PortMapping& port) {
  std::vector<int> out;
  if (port.container_first <= 0) return out;
  int last =
      port.container_last < port.container_first ? port.container_first : port.container_last;
  for (const auto& [number, name] : k_database_ports) {
    if (number >= port.container_first && number <= last) out.push_back(number);
  }
  return out;
}

std::string_view database_port_name(int port) {
  for (const auto& [number, name] : k_database_ports) {
    if (number == port) return name;
  }
  return {};
}

bool exposes_database_port(const PortMapping& port) {
  if (database_ports(port).empty()) return false;
  return port.k8s_host_port || binds_every_interface(port);
}

std::string describe_container_port(const PortMapping& port) {
  std::string out =
      port.container_first > 0 ? range_text(port.container_first, port.container_last) : "?";
  // Lower case as Docker prints it; Kubernetes spells protocols "TCP", "UDP".
  std::string protocol = port.protocol.empty() ? std::string("tcp") : port.protocol;
  for (char& ch : protocol) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  return out + '/' + protocol;
}

std::string describe_port(const PortMapping& port) {
  if (!port.published) return describe_container_port(port);
  // Part of it is a variable's unknown value: named as written.
  if (!port.written.empty()) return port.written;
  std::string out;
  if (port.host_ip.is_literal() && !port.host_ip.value.empty()) {
    const std::string& ip = port.host_ip.value;
    // An IPv6 address is bracketed so the port that follows reads unambiguously.
    bool bare_v6 = ip.find(':') != std::string::npos && ip.front() != '[';
    out += bare_v6 ? '[' + ip + ']' : ip;
    out += ':';
  } else if (port.host_ip.is_dynamic()) {
    out += "${...}:";
  }
  // "*" stands for a random host port, as Docker picks one at start.
  out += port.host_first > 0 ? range_text(port.host_first, port.host_last) : std::string("*");
  return out + "->" + describe_container_port(port);
}

}  // namespace vern
