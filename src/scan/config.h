// Config: the settings of `.vern.yaml`. Every option has a documented default;
// a config that does not parse, names an unknown key or an unknown rule is an
// error with file:line:col and a "did you mean" hint.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rules/finding.h"
#include "rules/rule.h"
#include "util/result.h"

namespace vern {

struct AdvisoryIgnore {
  std::string id;  // CVE-..., DSA-..., GHSA-...
  std::string reason;
  std::string expires;  // YYYY-MM-DD; empty = never
  Location where;
};

struct Config {
  std::string path;  // file it was loaded from; empty for the defaults

  // Rules not run. Default: none.
  std::set<std::string> disabled_rules;
  // Severity per slug, replacing the default. Default: none.
  std::map<std::string, Severity> severity_overrides;
  // allowed_registries, allowed_capabilities. Default: empty (see RuleOptions).
  RuleOptions rule_options;
  // Paths (globs relative to the scan root, or folder prefixes) not scanned. Default: none.
  std::vector<std::string> ignore_paths;
  // `vern host`: containers (name globs) and images (globs) not reported. Default: none.
  std::vector<std::string> ignore_containers;
  std::vector<std::string> ignore_images;
  // `vern image`: advisories not reported. Default: none.
  std::vector<AdvisoryIgnore> ignore_advisories;
  // `vern image`: warn when the vulnerability database is older. Default: 7 days.
  int max_db_age_days = 7;
};

// Parses `content` (the text of `path`).
Result<Config> parse_config(std::string_view path, std::string_view content);

// Reads and parses the file at `path`.
Result<Config> load_config(const std::string& path);

// The config to use when none is given: `.vern.yaml` or `.vern.yml` in the
// first of `roots` that is a directory, else in the current directory.
std::optional<std::string> find_config(const std::vector<std::string>& roots);

// True iff `text` matches the glob `pattern` (`*` and `?` match `/` too, so
// `vendor/*` covers everything below vendor/), or `pattern` names a folder
// that `text` is inside.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace vern
