// `vern rules`: prints the catalog as a table for people or JSON for scripts.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/command.h"
#include "json/dump.h"
#include "rules/catalog.h"

namespace vern::cli {

extern const std::string_view k_rules_usage =
    "usage: vern rules [--format table|json]\n"
    "\n"
    "Prints the rule catalog: each rule's slug, default severity, the surfaces it\n"
    "applies to and its title.\n"
    "\n"
    "Surfaces: D Dockerfile, C Compose file, K Kubernetes manifest, R docker run line,\n"
    "H live host, I image, E enforcement (admission, authorization), J daemon.json.\n"
    "\n"
    "options:\n"
    "  --format table|json  output format (default: table); json is an array of\n"
    "                       {slug, title, severity, surfaces, rationale, remedy, cis}\n";

namespace {

enum class RulesFormat { table, json };

void print_table(std::FILE* out) {
  size_t slug_width = 4;
  for (const Rule* rule : catalog()) slug_width = std::max(slug_width, rule->info.slug.size());
  int w = int(slug_width);
  std::fprintf(out, "%-*s  %-8s  %-8s  %s\n", w, "SLUG", "SEVERITY", "SURFACES", "TITLE");
  for (const Rule* rule : catalog()) {
    const RuleInfo& info = rule->info;
    std::string_view severity = severity_name(info.severity);
    std::string surfaces = info.surfaces.letters();
    std::fprintf(out, "%-*.*s  %-8.*s  %-8s  %.*s\n", w, int(info.slug.size()), info.slug.data(),
                 int(severity.size()), severity.data(), surfaces.c_str(), int(info.title.size()),
                 info.title.data());
  }
}

void print_json(std::FILE* out) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const Rule* rule : catalog()) {
    const RuleInfo& info = rule->info;
    nlohmann::ordered_json j;
    j["slug"] = info.slug;
    j["title"] = info.title;
    j["severity"] = severity_name(info.severity);
    j["surfaces"] = info.surfaces.letters();
    j["rationale"] = info.rationale;
    j["remedy"] = info.remedy;
    j["cis"] =
        info.cis.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(info.cis);
    rules.push_back(std::move(j));
  }
  std::string text = dump_json(rules, 2);
  text += '\n';
  std::fwrite(text.data(), 1, text.size(), out);
}

}  // namespace

int run_rules(const std::vector<std::string>& args, const Io& io) {
  RulesFormat format = RulesFormat::table;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::string value;
    if (arg == "--format") {
      if (i + 1 >= args.size()) {
        std::fprintf(io.err, "vern rules: --format needs a value (table or json)\n");
        return k_exit_error;
      }
      value = args[++i];
    } else if (arg.rfind("--format=", 0) == 0) {
      value = arg.substr(9);
    } else {
      std::fprintf(io.err, "vern rules: unexpected argument '%s' (see 'vern rules --help')\n",
                   arg.c_str());
      return k_exit_error;
    }
    if (value == "table" || value == "text") {
      format = RulesFormat::table;
    } else if (value == "json") {
      format = RulesFormat::json;
    } else {
      std::fprintf(io.err, "vern rules: unknown format '%s' (table or json)\n", value.c_str());
      return k_exit_error;
    }
  }
  if (format == RulesFormat::json) {
    print_json(io.out);
  } else {
    print_table(io.out);
  }
  return k_exit_ok;
}

}  // namespace vern::cli
