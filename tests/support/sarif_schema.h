// sarif_schema: validates a SARIF log against the official 2.1.0 JSON schema
// (from the shared specs folder) with python3's jsonschema, for the reporter
// tests and the end-to-end scan tests alike.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/run_process.h"

namespace vern::testing {

inline constexpr const char* k_python = "/usr/bin/python3";

// Validates argv[2] (an instance) against argv[1] (a draft-04 schema), with
// format checks where the installed jsonschema has them.
inline constexpr const char* k_validate_sarif = R"(
import json, sys
import jsonschema
with open(sys.argv[1]) as f:
    schema = json.load(f)
with open(sys.argv[2]) as f:
    instance = json.load(f)
cls = jsonschema.Draft4Validator
checker = getattr(cls, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()
errors = sorted(cls(schema, format_checker=checker).iter_errors(instance), key=str)
for e in errors:
    print(list(e.absolute_path), e.message, file=sys.stderr)
sys.exit(1 if errors else 0)
)";

// True when python3 with jsonschema is installed (the validation can run).
inline bool have_jsonschema() {
  if (access(k_python, X_OK) != 0) return false;
  return run_process({k_python, "-c", "import jsonschema"}).exit_code == 0;
}

// Runs the schema validator on `log`; exit_code 0 when valid, else the
// messages are in err. REQUIRES: have_jsonschema().
inline ProcessResult validate_sarif(const std::string& log) {
  std::string path = (std::filesystem::temp_directory_path() / "vern-sarif-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) return {};
  bool written = write(fd, log.data(), log.size()) == ssize_t(log.size());
  close(fd);
  ProcessResult result;
  if (written) {
    std::string schema = VERN_SHARED_DIR "/schemas/sarif-schema-2.1.0.json";
    result = run_process({k_python, "-c", k_validate_sarif, schema, path});
  }
  unlink(path.c_str());
  return result;
}

}  // namespace vern::testing
