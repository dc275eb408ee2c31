// HTML reporter: one self-contained page (inline CSS, no scripts, no external
// assets) with a table of findings per file, severity badges and a summary.
// The summary is written last (streaming) and shown first through CSS order.
// Every piece of input text is escaped.
#include <string>

#include "report/reporters.h"
#include "report/text_format.h"

namespace vern {

namespace {

constexpr std::string_view k_style = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{display:flex;flex-direction:column;gap:16px;max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0}
h2{font-size:15px;margin:0 0 8px;font-family:ui-monospace,monospace;word-break:break-all}
#summary{order:-1;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px}
.file,.errors{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-top:1px solid #eaeef2}
th{font-weight:600;color:#57606a;border-top:none}
td.loc{white-space:nowrap;font-family:ui-monospace,monospace}
code{font-family:ui-monospace,monospace}
pre{margin:6px 0;padding:6px 8px;background:#f6f8fa;border-radius:4px;overflow-x:auto;tab-size:8}
.object{color:#57606a;font-size:12px}
.remedy{margin-top:4px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
.sev-critical{background:#8250df}.sev-high{background:#cf222e}.sev-medium{background:#bf8700}
.sev-low{background:#0969da}.sev-info{background:#6e7781}
.error{color:#cf222e;font-family:ui-monospace,monospace;white-space:pre-wrap}
)";

// `text` made printable and escaped for HTML text and attribute values.
std::string escape(std::string_view text, bool keep_tabs = false) {
  std::string out;
  for (char c : printable(text, keep_tabs)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string badge(Severity s) {
  std::string name(severity_name(s));
  return "<span class=\"badge sev-" + name + "\">" + name + "</span>";
}

class HtmlReporter final : public Reporter {
 public:
  HtmlReporter(const ReportOptions& options, std::FILE* out) : m_options(options), m_out(out) {}

  void begin() override {
    std::string title = escape(m_options.tool_name) + " report";
    write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    write("<title>" + title + "</title>\n<style>" + std::string(k_style) + "</style>\n");
    write("</head>\n<body>\n<main>\n<h1>" + title + "</h1>\n");
  }

  void add_file(std::string_view file, std::span<const Finding> findings) override {
    if (findings.empty()) return;
    std::string heading = file.empty() ? findings.front().object : std::string(file);
    write("<section class=\"file\">\n<h2>" + escape(heading) + "</h2>\n<table>\n");
    write("<thead><tr><th>Line</th><th>Severity</th><th>Rule</th><th>Finding</th></tr></thead>\n");
    write("<tbody>\n");
    for (const Finding& f : findings) write(row(f));
    write("</tbody>\n</table>\n</section>\n");
  }

  void add_error(const Error& error) override {
    write("<section class=\"errors\"><div class=\"error\">" + escape(error.to_string()) +
          "</div></section>\n");
  }

  void finish(const Summary& summary, std::span<const UnusedSuppression> unused) override {
    write("<section id=\"summary\">\n<p><strong>" + escape(summary_sentence(summary)) +
          "</strong></p>\n<p>");
    for (int s = 4; s >= 0; --s) {
      write(badge(static_cast<Severity>(s)) + " " + std::to_string(summary.counts[s]) + " ");
    }
    write("</p>\n");
    if (!unused.empty()) {
      write("<p>Suppressions that matched nothing:</p>\n<ul>\n");
      for (const UnusedSuppression& u : unused) {
        std::string where = escape(u.file);
        if (u.line > 0) where += ':' + std::to_string(u.line);
        write("<li><code>" + where + "</code>: " + escape(u.rule) + "</li>\n");
      }
      write("</ul>\n");
    }
    write("</section>\n</main>\n</body>\n</html>\n");
    std::fflush(m_out);
  }

 private:
  static std::string row(const Finding& f) {
    std::string loc = "&ndash;";
    if (f.where.known()) {
      loc = std::to_string(f.where.line);
      if (f.where.column > 0) loc += ':' + std::to_string(f.where.column);
    }
    std::string out = "<tr><td class=\"loc\">" + loc + "</td><td>" + badge(f.severity) +
                      "</td><td><code>" + escape(f.rule) + "</code></td><td>" + escape(f.message);
    if (!f.object.empty()) out += "<div class=\"object\">" + escape(f.object) + "</div>";
    if (f.where.known() && !f.source_line.empty()) {
      Excerpt e = make_excerpt(f.source_line, f.where.column);
      out += "<pre>" + escape(e.line, true) + "\n" + escape(e.caret, true) + "</pre>";
    }
    if (!f.remedy.empty()) out += "<div class=\"remedy\">Remedy: " + escape(f.remedy) + "</div>";
    out += "</td></tr>\n";
    return out;
  }

  void write(const std::string& text) { std::fwrite(text.data(), 1, text.size(), m_out); }

  ReportOptions m_options;
  std::FILE* m_out;
};

}  // namespace

std::unique_ptr<Reporter> make_html_reporter(const ReportOptions& options, std::FILE* out) {
  return std::make_unique<HtmlReporter>(options, out);
}

}  // namespace vern
