// SARIF 2.1.0 reporter: for code-scanning services and IDEs. The rule table
// (tool.driver.rules) lists the whole catalog; results stream one per line;
// errors become toolExecutionNotifications of the single invocation.
#include <string>
#include <unordered_map>
#include <vector>

#include "json/dump.h"
#include "report/reporters.h"
#include "rules/catalog.h"

namespace vern {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view k_src_root = "%SRCROOT%";

std::string_view level(Severity s) {
  switch (s) {
    case Severity::critical:
    case Severity::high:
      return "error";
    case Severity::medium:
      return "warning";
    case Severity::low:
    case Severity::info:
      return "note";
  }
  return "note";
}

// GitHub code scanning reads this string as a CVSS-like score to rank alerts.
std::string_view security_severity(Severity s) {
  switch (s) {
    case Severity::critical:
      return "9.5";
    case Severity::high:
      return "8.0";
    case Severity::medium:
      return "5.5";
    case Severity::low:
      return "3.0";
    case Severity::info:
      return "1.0";
  }
  return "1.0";
}

// "root-user" -> "RootUser": SARIF's rule name is an identifier-like word.
std::string camel_name(std::string_view slug) {
  std::string out;
  bool upper = true;
  for (char c : slug) {
    if (c == '-' || c == '_' || c == '.') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// A path as a URI reference: percent-encodes every byte outside the
// unreserved set and '/', so spaces, '%', ':' and non-ASCII survive.
std::string encode_path(std::string_view path) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    }
  }
  return out;
}

// Relative paths stay relative to %SRCROOT%; absolute ones become file: URIs.
Json artifact_location(std::string_view file) {
  Json j;
  if (!file.empty() && file.front() == '/') {
    j["uri"] = "file://" + encode_path(file);
    return j;
  }
  while (file.size() > 2 && file.substr(0, 2) == "./") file.remove_prefix(2);
  j["uri"] = encode_path(file);
  j["uriBaseId"] = k_src_root;
  return j;
}

Json physical_location(std::string_view file, int line, int column) {
  Json j;
  j["artifactLocation"] = artifact_location(file);
  if (line > 0) {
    Json region;
    region["startLine"] = line;
    if (column > 0) region["startColumn"] = column;
    j["region"] = std::move(region);
  }
  return j;
}

Json rule_json(const RuleInfo& info, const ReportOptions& options) {
  std::string help(info.rationale);
  if (!info.remedy.empty()) {
    if (!help.empty()) help += "\n\n";
    help += "Remedy: ";
    help += info.remedy;
  }
  Json tags = Json::array({"security"});
  for (auto s : {Surface::dockerfile, Surface::compose, Surface::kubernetes, Surface::run,
                 Surface::host, Surface::image, Surface::enforcement, Surface::daemon_config}) {
    if (info.surfaces.has(s)) tags.push_back(surface_name(s));
  }
  Json props;
  props["security-severity"] = security_severity(info.severity);
  props["severity"] = severity_name(info.severity);
  if (!info.cis.empty()) {
    props["cis"] = info.cis;
    tags.push_back("CIS-Docker-" + std::string(info.cis));
  }
  props["tags"] = std::move(tags);

  Json j;
  j["id"] = info.slug;
  j["name"] = camel_name(info.slug);
  j["shortDescription"]["text"] = info.title;
  j["fullDescription"]["text"] = help;
  j["help"]["text"] = help;
  j["helpUri"] = options.information_uri + "/docs/rules/" + std::string(info.slug) + ".md";
  j["defaultConfiguration"]["level"] = level(info.severity);
  j["properties"] = std::move(props);
  return j;
}

Json tool_json(const ReportOptions& options) {
  Json driver;
  driver["name"] = options.tool_name;
  if (!options.tool_version.empty()) driver["version"] = options.tool_version;
  driver["informationUri"] = options.information_uri;
  Json rules = Json::array();
  for (const Rule* rule : catalog()) rules.push_back(rule_json(rule->info, options));
  driver["rules"] = std::move(rules);
  Json tool;
  tool["driver"] = std::move(driver);
  return tool;
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(const ReportOptions& options, std::FILE* out) : m_options(options), m_out(out) {
    std::span<const Rule* const> rules = catalog();
    for (size_t i = 0; i < rules.size(); ++i) m_rule_index.emplace(rules[i]->info.slug, int(i));
  }

  void begin() override {
    Json head;
    head["$schema"] = k_schema;
    head["version"] = "2.1.0";
    std::string tool = dump_json(tool_json(m_options), 2);
    write("{\n  \"$schema\": " + dump_json(head["$schema"]) + ",\n  \"version\": \"2.1.0\",\n");
    write("  \"runs\": [\n    {\n      \"tool\": " + indent(tool, "      ") + ",\n");
    write("      \"columnKind\": \"unicodeCodePoints\",\n");
    write("      \"results\": [");
  }

  void add_file(std::string_view, std::span<const Finding> findings) override {
    for (const Finding& f : findings) {
      write(m_results == 0 ? "\n        " : ",\n        ");
      write(dump_json(result_json(f)));
      ++m_results;
    }
  }

  void add_error(const Error& error) override { m_errors.push_back(error); }

  bool shows_source_lines() const override { return false; }

  void finish(const Summary& summary, std::span<const UnusedSuppression>) override {
    write(m_results == 0 ? "],\n" : "\n      ],\n");
    Json invocation;
    invocation["executionSuccessful"] = summary.errors == 0 && m_errors.empty();
    Json notes = Json::array();
    for (const Error& e : m_errors) {
      Json note;
      note["level"] = "error";
      note["message"]["text"] = e.message.empty() ? std::string("error") : e.message;
      if (!e.file.empty()) {
        Json location;
        location["physicalLocation"] = physical_location(e.file, e.line, e.column);
        note["locations"] = Json::array({std::move(location)});
      }
      notes.push_back(std::move(note));
    }
    invocation["toolExecutionNotifications"] = std::move(notes);
    std::string text = dump_json(Json::array({std::move(invocation)}), 2);
    write("      \"invocations\": " + indent(text, "      ") + "\n    }\n  ]\n}\n");
    std::fflush(m_out);
  }

 private:
  Json result_json(const Finding& f) const {
    Json j;
    j["ruleId"] = f.rule;
    if (auto it = m_rule_index.find(f.rule); it != m_rule_index.end()) j["ruleIndex"] = it->second;
    j["level"] = level(f.severity);
    j["message"]["text"] = f.message.empty() ? f.rule : f.message;
    Json location;
    if (!f.file.empty())
      location["physicalLocation"] = physical_location(f.file, f.where.line, f.where.column);
    if (!f.object.empty()) {
      Json logical;
      logical["name"] = f.object;
      logical["kind"] = "resource";
      location["logicalLocations"] = Json::array({std::move(logical)});
    }
    if (!location.is_null()) j["locations"] = Json::array({std::move(location)});
    Json props;
    props["severity"] = severity_name(f.severity);
    if (!f.remedy.empty()) props["remedy"] = f.remedy;
    for (const auto& [key, value] : f.properties) props[key] = value;
    j["properties"] = std::move(props);
    return j;
  }

  // Pretty JSON nested at `prefix`: every line after the first gets it.
  static std::string indent(const std::string& text, std::string_view prefix) {
    std::string out;
    for (char c : text) {
      out += c;
      if (c == '\n') out += prefix;
    }
    return out;
  }

  void write(const std::string& text) { std::fwrite(text.data(), 1, text.size(), m_out); }

  ReportOptions m_options;
  std::FILE* m_out;
  std::unordered_map<std::string_view, int> m_rule_index;
  size_t m_results = 0;
  std::vector<Error> m_errors;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options, std::FILE* out) {
  return std::make_unique<SarifReporter>(options, out);
}

}  // namespace vern
