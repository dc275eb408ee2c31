#include "vulndb/cyclonedx.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "json/dump.h"
#include "util/strings.h"

namespace vern::vulndb {

namespace {

using Json = nlohmann::ordered_json;

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += char(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Purl {
  std::string type, ns, name, version;
  std::map<std::string, std::string> qualifiers;
};

// pkg:type/namespace/name@version?k=v&k=v#subpath
std::optional<Purl> parse_purl(std::string_view s) {
  if (s.rfind("pkg:", 0) != 0) return std::nullopt;
  s.remove_prefix(4);
  if (auto hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
  Purl p;
  if (auto q = s.find('?'); q != std::string_view::npos) {
    std::string_view query = s.substr(q + 1);
    s = s.substr(0, q);
    while (!query.empty()) {
      std::size_t amp = query.find('&');
      std::string_view kv = query.substr(0, amp);
      std::size_t eq = kv.find('=');
      if (eq != std::string_view::npos) {
        p.qualifiers[std::string(kv.substr(0, eq))] = percent_decode(kv.substr(eq + 1));
      }
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  if (auto at = s.rfind('@'); at != std::string_view::npos) {
    p.version = percent_decode(s.substr(at + 1));
    s = s.substr(0, at);
  }
  std::size_t slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  p.type = std::string(s.substr(0, slash));
  s.remove_prefix(slash + 1);
  std::size_t last = s.rfind('/');
  p.ns = last == std::string_view::npos ? "" : percent_decode(s.substr(0, last));
  p.name = percent_decode(last == std::string_view::npos ? s : s.substr(last + 1));
  return p;
}

std::string property(const Json& component, std::initializer_list<const char*> names) {
  auto it = component.find("properties");
  if (it == component.end() || !it->is_array()) return {};
  for (const Json& prop : *it) {
    if (!prop.is_object()) continue;
    std::string n = prop.value("name", "");
    for (const char* want : names) {
      if (n == want && prop.contains("value") && prop["value"].is_string()) {
        return prop["value"].get<std::string>();
      }
    }
  }
  return {};
}

// "debian-12" -> {debian, 12}; "3.19.1" -> {namespace, 3.19.1}.
void apply_distro(const std::string& distro, const std::string& ns, OsRelease& os) {
  if (!os.id.empty() || distro.empty()) return;
  std::size_t dash = distro.find('-');
  if (dash != std::string::npos && dash > 0 &&
      !std::isdigit(static_cast<unsigned char>(distro[0]))) {
    os.id = distro.substr(0, dash);
    os.version_id = distro.substr(dash + 1);
  } else {
    os.id = ns;
    os.version_id = distro;
  }
}

void collect(const Json& components, PackageInventory& inv, std::string& os_distro,
             std::string& os_ns) {
  if (!components.is_array()) return;
  for (const Json& c : components) {
    if (!c.is_object()) continue;
    std::string type = c.value("type", "");
    if (type == "operating-system" && inv.os.id.empty()) {
      inv.os.id = c.value("name", "");
      inv.os.version_id = c.value("version", "");
      inv.os.pretty_name = c.value("description", "");
    }
    if (c.contains("components")) collect(c["components"], inv, os_distro, os_ns);
    if (!c.contains("purl") || !c["purl"].is_string()) continue;
    auto purl = parse_purl(c["purl"].get<std::string>());
    if (!purl) continue;
    Package p;
    if (purl->type == "deb") {
      p.format = PackageFormat::dpkg;
    } else if (purl->type == "apk") {
      p.format = PackageFormat::apk;
    } else if (purl->type == "rpm") {
      p.format = PackageFormat::rpm;
    } else {
      continue;
    }
    p.name = purl->name;
    p.version = purl->version.empty() ? c.value("version", "") : purl->version;
    if (p.format == PackageFormat::rpm && purl->qualifiers.count("epoch") &&
        p.version.find(':') == std::string::npos) {
      p.version = purl->qualifiers["epoch"] + ":" + p.version;
    }
    p.architecture = purl->qualifiers["arch"];
    std::string upstream = purl->qualifiers["upstream"];
    std::string upstream_version;
    if (auto at = upstream.find('@'); at != std::string::npos) {
      upstream_version = upstream.substr(at + 1);
      upstream.resize(at);
    }
    p.source_name =
        property(c, {"vern:source-name", "aquasecurity:trivy:SrcName", "syft:metadata:source"});
    if (p.source_name.empty()) p.source_name = upstream.empty() ? p.name : upstream;
    p.source_version = property(
        c, {"vern:source-version", "aquasecurity:trivy:SrcVersion", "syft:metadata:sourceVersion"});
    if (p.source_version.empty()) {
      p.source_version = upstream_version.empty() ? p.version : upstream_version;
    }
    p.layer = property(c, {"vern:layer", "aquasecurity:trivy:LayerDiffID"});
    if (os_distro.empty()) {
      os_distro = purl->qualifiers["distro"];
      os_ns = purl->ns;
    }
    inv.packages.push_back(std::move(p));
  }
}

std::string rating_method(const VulnerabilityMatch& m) {
  if (m.severity_source == "CVSS:4.0") return "CVSSv4";
  if (m.severity_source == "CVSS:3.1") return "CVSSv31";
  if (m.severity_source == "CVSS:3.0") return "CVSSv3";
  return "other";
}

}  // namespace

Result<PackageInventory> read_cyclonedx_packages(std::string_view text, std::string_view name) {
  Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Error::invalid(std::string(name) + ": not a JSON document");
  }
  if (doc.value("bomFormat", "") != "CycloneDX") {
    return Error::invalid(std::string(name) + ": not a CycloneDX SBOM (no bomFormat: CycloneDX)");
  }
  PackageInventory inv;
  std::string distro, ns;
  if (doc.contains("metadata") && doc["metadata"].is_object() &&
      doc["metadata"].contains("component")) {
    collect(Json::array({doc["metadata"]["component"]}), inv, distro, ns);
  }
  if (doc.contains("components")) collect(doc["components"], inv, distro, ns);
  apply_distro(distro, ns, inv.os);
  return inv;
}

Result<std::string> add_cyclonedx_vulnerabilities(std::string_view sbom,
                                                  const std::vector<VulnerabilityMatch>& matches) {
  Json doc = Json::parse(sbom.begin(), sbom.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Error::invalid("SBOM is not a JSON object");
  std::map<std::pair<std::string, std::string>, std::string> refs;
  if (doc.contains("components") && doc["components"].is_array()) {
    for (const Json& c : doc["components"]) {
      if (c.is_object() && c.contains("bom-ref")) {
        refs[{c.value("name", ""), c.value("version", "")}] = c.value("bom-ref", "");
      }
    }
  }
  Json vulns = Json::array();
  std::map<std::string, std::size_t> by_id;
  for (const VulnerabilityMatch& m : matches) {
    auto it = by_id.find(m.advisory);
    if (it == by_id.end()) {
      Json v = {{"bom-ref", "vuln:" + m.advisory}, {"id", m.advisory}};
      Json rating = {{"severity", to_lower(vuln_severity_name(m.severity))},
                     {"method", rating_method(m)}};
      if (m.score >= 0) {
        rating["score"] = m.score;
        rating["vector"] = m.vector;
      }
      if (!m.severity_source.empty() && m.score < 0) {
        rating["source"] = {{"name", m.severity_source}};
      }
      v["ratings"] = Json::array({rating});
      if (!m.aliases.empty()) {
        Json refs_json = Json::array();
        for (const std::string& a : m.aliases)
          refs_json.push_back({{"id", a}, {"source", {{"name", "alias"}}}});
        v["references"] = refs_json;
      }
      if (!m.summary.empty()) v["description"] = m.summary;
      v["affects"] = Json::array();
      it = by_id.emplace(m.advisory, vulns.size()).first;
      vulns.push_back(std::move(v));
    }
    Json& v = vulns[it->second];
    auto ref = refs.find({m.package, m.installed_version});
    Json affect = {
        {"ref", ref == refs.end() ? m.package + "@" + m.installed_version : ref->second},
        {"versions", Json::array({{{"version", m.installed_version}, {"status", "affected"}}})}};
    v["affects"].push_back(std::move(affect));
    if (!m.fixed_version.empty() && !v.contains("recommendation")) {
      v["recommendation"] = "Upgrade " + m.package + " to " + m.fixed_version + " or later";
    }
  }
  doc["vulnerabilities"] = std::move(vulns);
  return dump_json(doc, 2) + '\n';
}

}  // namespace vern::vulndb
