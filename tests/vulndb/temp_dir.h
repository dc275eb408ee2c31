// A temporary directory removed with everything in it when the test ends.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace vern::vulndb::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "vern-vulndb-XXXXXX").string();
    m_path = mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path(const std::string& name = {}) const {
    return name.empty() ? m_path : m_path + "/" + name;
  }

 private:
  std::string m_path;
};

inline std::string fixture(const std::string& name) {
  return std::string(VERN_SOURCE_DIR) + "/tests/vulndb/testdata/" + name;
}

}  // namespace vern::vulndb::testing
