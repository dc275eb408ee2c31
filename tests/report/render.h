// Test helpers for reporters: an in-memory FILE and a small fixed report.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "report/reporter.h"

namespace vern::testing {

// An in-memory FILE*; text() returns what was written so far.
class MemoryFile {
 public:
  MemoryFile() : m_file(open_memstream(&m_buf, &m_len)) {}
  ~MemoryFile() {
    if (m_file) std::fclose(m_file);
    std::free(m_buf);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::FILE* get() const { return m_file; }
  std::string text() {
    std::fflush(m_file);
    return std::string(m_buf, m_len);
  }

 private:
  char* m_buf = nullptr;
  size_t m_len = 0;
  std::FILE* m_file;
};

inline Finding make_test_finding(std::string rule, Severity severity, std::string file, int line,
                                 int column, std::string source_line, std::string message,
                                 std::string remedy, std::string object = {}) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.file = std::move(file);
  f.where = Location{line, column};
  f.source_line = std::move(source_line);
  f.message = std::move(message);
  f.remedy = std::move(remedy);
  f.object = std::move(object);
  return f;
}

// One file's findings, as the driver hands them over.
struct FileFindings {
  std::string file;
  std::vector<Finding> findings;
};

// Drives a reporter through begin / add_file... / add_error... / finish.
inline std::string render(const ReportOptions& options, const std::vector<FileFindings>& files,
                          const std::vector<Error>& errors, const Summary& summary,
                          const std::vector<UnusedSuppression>& unused = {}) {
  MemoryFile out;
  auto reporter = make_reporter(options, out.get());
  reporter->begin();
  for (const FileFindings& f : files) reporter->add_file(f.file, f.findings);
  for (const Error& e : errors) reporter->add_error(e);
  reporter->finish(summary, unused);
  return out.text();
}

}  // namespace vern::testing
