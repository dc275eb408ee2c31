// Reads the upstream version test vectors shipped in the shared test data.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vern::vulndb::testing {

struct VectorLine {
  int line = 0;
  std::vector<std::string> fields;  // whitespace-separated, comment stripped
};

inline std::string versions_dir() { return std::string(VERN_SHARED_DIR) + "/testdata/versions/"; }

// Every non-empty line of `name`, split on whitespace, `#` comments dropped.
inline std::vector<VectorLine> read_vectors(const std::string& name) {
  std::vector<VectorLine> out;
  std::ifstream in(versions_dir() + name);
  std::string text;
  int n = 0;
  while (std::getline(in, text)) {
    ++n;
    if (auto hash = text.find('#'); hash != std::string::npos) text.erase(hash);
    std::istringstream words(text);
    VectorLine v{n, {}};
    for (std::string w; words >> w;) v.fields.push_back(w);
    if (!v.fields.empty()) out.push_back(std::move(v));
  }
  return out;
}

}  // namespace vern::vulndb::testing
