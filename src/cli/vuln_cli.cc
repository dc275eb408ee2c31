#include "cli/vuln_cli.h"

#include <sys/stat.h>

#include <cstdlib>
#include <ctime>

#include "vulndb/database.h"
#include "vulndb/match.h"

namespace vern::cli {

extern const std::string_view k_vuln_options_usage =
    R"(      --severity LIST   report only these vulnerability severities, e.g.
                        CRITICAL,HIGH (UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)
      --ignore-unfixed  do not report vulnerabilities without a fixed version
      --db PATH         vulnerability database (default: $VERN_DB, else
                        $XDG_CACHE_HOME/vern/vuln.db or ~/.cache/vern/vuln.db)
)";

std::string vuln_db_path(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("VERN_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/vern/vuln.db";
  }
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.cache/vern/vuln.db";
}

bool parse_vuln_option(ArgParser& p, VulnOptions& options) {
  if (auto db = p.value("", "--db")) {
    options.db = *db;
    return true;
  }
  if (p.error()) return false;
  if (auto list = p.value("", "--severity")) {
    auto parsed = vulndb::parse_severity_list(*list);
    if (!parsed) {
      p.usage_error("--severity: " + parsed.error().message);
      return false;
    }
    options.severities = *parsed;
    return true;
  }
  if (p.error()) return false;
  if (p.flag("", "--ignore-unfixed")) {
    options.ignore_unfixed = true;
    return true;
  }
  return false;
}

std::string today_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::int64_t now_unix() { return std::int64_t(std::time(nullptr)); }

void add_vulnerabilities(Inventory& inventory, const VulnOptions& options, const Config& config,
                         const Io& io, std::vector<Error>& errors) {
  const bool named = !options.db.empty() || (std::getenv("VERN_DB") && *std::getenv("VERN_DB"));
  const std::string path = vuln_db_path(options.db);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (named) errors.push_back(Error::not_found("no vulnerability database at " + path));
    return;
  }
  auto db = vulndb::Database::open(path, vulndb::Database::Mode::read_only);
  if (!db) {
    errors.push_back(db.error());
    return;
  }
  // Only the age: info() would count every row of a large database.
  auto newest = db->newest_import();
  if (!newest) {
    errors.push_back(newest.error());
    return;
  }
  const std::int64_t age = now_unix() - *newest;
  if (*newest == 0 || age > std::int64_t(config.max_db_age_days) * 86400) {
    std::fprintf(io.err,
                 "vern: warning: the vulnerability database %s is %lld days old (limit %d): run "
                 "'vern db import' again\n",
                 path.c_str(), static_cast<long long>(age / 86400), config.max_db_age_days);
  }
  vulndb::VulnPolicy policy;
  policy.severities = options.severities;
  policy.ignore_unfixed = options.ignore_unfixed;
  for (const AdvisoryIgnore& ig : config.ignore_advisories) {
    policy.ignores.push_back({ig.id, ig.reason, ig.expires});
  }
  const std::string today = today_utc();
  for (const ImageFacts& image : inventory.images) {
    auto matches = vulndb::match_packages(*db, image.packages);
    if (!matches) {
      errors.push_back(matches.error());
      continue;
    }
    vulndb::PolicyOutcome outcome = vulndb::apply_policy(std::move(*matches), policy, today);
    for (const std::string& note : outcome.notes) {
      std::fprintf(io.err, "vern: %s: %s\n", config.path.empty() ? "config" : config.path.c_str(),
                   note.c_str());
    }
    std::string name = image.reference.empty() ? image.file : image.reference;
    inventory.vulnerabilities.push_back({image.file, "image " + name, std::move(outcome.kept)});
  }
}

void print_vuln_table(std::FILE* out, const std::vector<VulnerabilityMatch>& matches) {
  if (matches.empty()) {
    std::fprintf(out, "No known vulnerabilities.\n");
    return;
  }
  std::fprintf(out, "%-24s %-24s %-24s %-9s %-18s %s\n", "PACKAGE", "INSTALLED", "FIXED",
               "SEVERITY", "ADVISORY", "LAYER");
  for (const VulnerabilityMatch& m : matches) {
    std::string fixed = m.fixed_version.empty() ? "no fix" : m.fixed_version;
    std::string layer = m.layer.substr(0, 19);
    std::string advisory = m.advisory;
    for (const std::string& a : m.aliases) advisory += " " + a;
    std::fprintf(out, "%-24s %-24s %-24s %-9s %-18s %s\n", m.package.c_str(),
                 m.installed_version.c_str(), fixed.c_str(),
                 std::string(vuln_severity_name(m.severity)).c_str(), advisory.c_str(),
                 layer.c_str());
  }
  int counts[5] = {};
  for (const VulnerabilityMatch& m : matches) ++counts[int(m.severity)];
  std::fprintf(out, "%zu vulnerabilities: %d critical, %d high, %d medium, %d low, %d unknown\n",
               matches.size(), counts[4], counts[3], counts[2], counts[1], counts[0]);
}

}  // namespace vern::cli
