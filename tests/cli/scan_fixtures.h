// Helpers of the `vern scan` end-to-end tests: where the fixtures are, how to
// run the real binary on them, and a scratch folder for generated inputs.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_process.h"
#include "support/scratch_dir.h"

namespace vern::testing {

// A fixture folder or file below tests/cli/testdata/scan.
inline std::string scan_fixture(const std::string& name) {
  return std::string(VERN_SOURCE_DIR) + "/tests/cli/testdata/scan/" + name;
}

// Runs `vern scan ARGS...` in `cwd` (default: the fixtures folder, which holds
// no .vern.yaml, so only the settings a test names apply).
inline ProcessResult vern_scan(std::vector<std::string> args, const std::string& cwd = "") {
  args.insert(args.begin(), {VERN_BINARY, "scan"});
  return run_process(args, cwd.empty() ? scan_fixture("") : cwd);
}

// Runs `vern scan --format json ARGS...` and parses what it printed.
// The exit code is left in `exit_code`.
inline nlohmann::json vern_scan_json(std::vector<std::string> args, int& exit_code,
                                     const std::string& cwd = "") {
  args.insert(args.begin(), {"--format", "json"});
  ProcessResult r = vern_scan(std::move(args), cwd);
  exit_code = r.exit_code;
  nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(doc.is_discarded()) << "not JSON: " << r.out << r.err;
  return doc;
}

// The (rule, line) pairs of the findings of `doc` in `file_suffix`.
inline std::vector<std::pair<std::string, int>> rules_at(const nlohmann::json& doc,
                                                         const std::string& file_suffix) {
  std::vector<std::pair<std::string, int>> out;
  for (const nlohmann::json& f : doc["findings"]) {
    if (f["file"].get<std::string>().ends_with(file_suffix)) {
      out.emplace_back(f["rule"].get<std::string>(), f["line"].get<int>());
    }
  }
  return out;
}

}  // namespace vern::testing
