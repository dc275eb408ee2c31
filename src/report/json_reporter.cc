// JSON reporter: the machine-readable contract of design.md.
//   {"findings": [...], "errors": [...], "summary": {...}, "unused_suppressions": [...]}
// Findings are written one per line as they arrive; errors are held until
// finish() because the findings array must close first. Unknown line/column
// are 0; an empty file is "" (live objects).
#include <string>
#include <vector>

#include "json/dump.h"
#include "report/reporters.h"

namespace vern {

namespace {

using Json = nlohmann::ordered_json;

Json finding_json(const Finding& f) {
  Json j;
  j["rule"] = f.rule;
  j["severity"] = severity_name(f.severity);
  j["file"] = f.file;
  j["line"] = f.where.line;
  j["column"] = f.where.column;
  j["object"] = f.object;
  j["message"] = f.message;
  j["remedy"] = f.remedy;
  if (!f.properties.empty()) {
    Json props = Json::object();
    for (const auto& [key, value] : f.properties) props[key] = value;
    j["properties"] = std::move(props);
  }
  return j;
}

Json error_json(const Error& e) {
  Json j;
  j["file"] = e.file;
  j["line"] = e.line;
  j["column"] = e.column;
  j["message"] = e.message;
  return j;
}

Json summary_json(const Summary& s) {
  Json j;
  for (int i = 4; i >= 0; --i)
    j[std::string(severity_name(static_cast<Severity>(i)))] = s.counts[i];
  j["total"] = s.total();
  j["files"] = s.files_scanned;
  j["errors"] = s.errors;
  j["suppressed"] = s.suppressed;
  return j;
}

Json unused_json(const UnusedSuppression& u) {
  Json j;
  j["file"] = u.file;
  j["line"] = u.line;
  j["column"] = u.column;
  j["rule"] = u.rule;
  return j;
}

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::FILE* out) : m_out(out) {}

  void begin() override { write("{\n  \"findings\": ["); }

  void add_file(std::string_view, std::span<const Finding> findings) override {
    for (const Finding& f : findings) {
      write(m_findings == 0 ? "\n    " : ",\n    ");
      write(dump_json(finding_json(f)));
      ++m_findings;
    }
  }

  void add_error(const Error& error) override { m_errors.push_back(error); }

  void finish(const Summary& summary, std::span<const UnusedSuppression> unused) override {
    write(m_findings == 0 ? "],\n" : "\n  ],\n");
    write("  \"errors\": [");
    for (size_t i = 0; i < m_errors.size(); ++i) {
      write(i == 0 ? "\n    " : ",\n    ");
      write(dump_json(error_json(m_errors[i])));
    }
    write(m_errors.empty() ? "],\n" : "\n  ],\n");
    write("  \"summary\": " + dump_json(summary_json(summary)) + ",\n");
    write("  \"unused_suppressions\": [");
    for (size_t i = 0; i < unused.size(); ++i) {
      write(i == 0 ? "\n    " : ",\n    ");
      write(dump_json(unused_json(unused[i])));
    }
    write(unused.empty() ? "]\n}\n" : "\n  ]\n}\n");
    std::fflush(m_out);
  }

 private:
  void write(std::string_view text) { std::fwrite(text.data(), 1, text.size(), m_out); }

  std::FILE* m_out;
  size_t m_findings = 0;
  std::vector<Error> m_errors;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const ReportOptions&, std::FILE* out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace vern
