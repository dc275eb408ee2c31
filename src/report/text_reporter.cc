// Text reporter: for people at a terminal. Each finding is
//   file:line:col  severity  slug  message
//       <source line>
//       ^
//     remedy: ...
// followed by a blank line; errors are "file:line:col: error: message"; the
// summary sentence comes last.
#include <string>

#include "report/reporters.h"
#include "report/text_format.h"

namespace vern {

namespace {

constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_caret = "\x1b[1;32m";
constexpr std::string_view k_error = "\x1b[1;31m";

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::critical:
      return "\x1b[1;35m";
    case Severity::high:
      return "\x1b[31m";
    case Severity::medium:
      return "\x1b[33m";
    case Severity::low:
      return "\x1b[36m";
    case Severity::info:
      return "\x1b[2m";
  }
  return "";
}

class TextReporter final : public Reporter {
 public:
  TextReporter(const ReportOptions& options, std::FILE* out) : m_options(options), m_out(out) {}

  void begin() override {}

  void add_file(std::string_view, std::span<const Finding> findings) override {
    if (m_options.quiet) return;
    for (const Finding& f : findings) write_finding(f);
  }

  void add_error(const Error& error) override {
    std::string line;
    if (!error.file.empty()) {
      line += printable(error.file);
      if (error.line > 0) {
        line += ':' + std::to_string(error.line);
        if (error.column > 0) line += ':' + std::to_string(error.column);
      }
      line += ": ";
    }
    line += paint(k_error, "error:");
    line += ' ';
    line += printable(error.message);
    line += '\n';
    write(line);
  }

  void finish(const Summary& summary, std::span<const UnusedSuppression> unused) override {
    if (!m_options.quiet) {
      for (const UnusedSuppression& u : unused) {
        std::string line = printable(u.file);
        if (u.line > 0) line += ':' + std::to_string(u.line);
        line += ": suppression for " + printable(u.rule) + " matched nothing\n";
        write(line);
      }
    }
    write(summary_sentence(summary) + '\n');
    std::fflush(m_out);
  }

 private:
  void write_finding(const Finding& f) {
    std::string text = location_label(f);
    text += "  ";
    text += paint(severity_color(f.severity), severity_name(f.severity));
    text += "  ";
    text += paint(k_bold, printable(f.rule));
    text += "  ";
    text += printable(f.message);
    text += '\n';
    if (f.where.known() && !f.source_line.empty()) {
      Excerpt e = make_excerpt(f.source_line, f.where.column);
      text += "    " + e.line + '\n';
      text += "    " + paint(k_caret, e.caret) + '\n';
    }
    if (!f.remedy.empty()) text += "  remedy: " + printable(f.remedy) + '\n';
    text += '\n';
    write(text);
  }

  // `text` in `color` when colour is on. Colouring the caret line keeps its
  // leading tabs and spaces intact: escape codes take no columns.
  std::string paint(std::string_view color, std::string_view text) const {
    if (!m_options.color) return std::string(text);
    std::string out;
    out.reserve(color.size() + text.size() + k_reset.size());
    out.append(color).append(text).append(k_reset);
    return out;
  }

  void write(const std::string& text) { std::fwrite(text.data(), 1, text.size(), m_out); }

  ReportOptions m_options;
  std::FILE* m_out;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(const ReportOptions& options, std::FILE* out) {
  return std::make_unique<TextReporter>(options, out);
}

}  // namespace vern
