#include "cli/options.h"

#include <cstdlib>

#ifndef VERN_VERSION
#define VERN_VERSION "0.0.0"
#endif

namespace vern::cli {

bool ArgParser::is_flag() const {
  const std::string& a = m_args[m_i];
  return !m_flags_over && a.size() > 1 && a[0] == '-';
}

bool ArgParser::flag(std::string_view short_name, std::string_view long_name) {
  if (m_error || m_i >= m_args.size()) return false;
  const std::string& a = m_args[m_i];
  if (!m_flags_over && a == "--") {
    m_flags_over = true;
    ++m_i;
    return flag(short_name, long_name);
  }
  if (m_flags_over) return false;
  if ((!short_name.empty() && a == short_name) || a == long_name) {
    ++m_i;
    return true;
  }
  return false;
}

std::optional<std::string> ArgParser::value(std::string_view short_name,
                                            std::string_view long_name) {
  if (m_error || m_i >= m_args.size() || m_flags_over) return std::nullopt;
  const std::string& a = m_args[m_i];
  if (a.size() > long_name.size() && a.compare(0, long_name.size(), long_name) == 0 &&
      a[long_name.size()] == '=') {
    ++m_i;
    return a.substr(long_name.size() + 1);
  }
  if ((!short_name.empty() && a == short_name) || a == long_name) {
    if (m_i + 1 >= m_args.size()) {
      usage_error(a + " needs a value");
      return std::nullopt;
    }
    m_i += 2;
    return m_args[m_i - 1];
  }
  return std::nullopt;
}

int ArgParser::usage_error(const std::string& message) {
  std::fprintf(m_io.err, "vern %s: %s (see 'vern %s --help')\n", m_command.c_str(), message.c_str(),
               m_command.c_str());
  m_error = true;
  return k_exit_error;
}

int ArgParser::unknown_flag() { return usage_error("unknown option '" + m_args[m_i] + "'"); }

bool CommonOptions::parse(ArgParser& p) {
  if (auto v = p.value("-f", "--format")) {
    auto f = parse_output_format(*v);
    if (!f) {
      p.usage_error("unknown format '" + *v + "' (text, json, sarif or html)");
      return false;
    }
    report.format = *f;
    return true;
  }
  if (auto v = p.value("-o", "--output")) {
    output = *v;
    return true;
  }
  if (auto v = p.value("", "--fail-on")) {
    if (*v == "none" || *v == "never") {
      fail_on.reset();
      return true;
    }
    auto s = parse_severity(*v);
    if (!s) {
      p.usage_error("--fail-on takes critical, high, medium, low, info or none, not '" + *v + "'");
      return false;
    }
    fail_on = *s;
    return true;
  }
  if (auto v = p.value("-c", "--config")) {
    config_path = *v;
    return true;
  }
  if (p.flag("-q", "--quiet")) {
    report.quiet = true;
    return true;
  }
  if (p.flag("", "--no-color") || p.flag("", "--no-colour")) {
    no_color = true;
    return true;
  }
  return false;
}

std::optional<Config> CommonOptions::load_config(const std::vector<std::string>& roots,
                                                 const Io& io) {
  std::string path = config_path;
  if (path.empty()) {
    std::vector<std::string> r = roots.empty() ? std::vector<std::string>{"."} : roots;
    if (auto found = find_config(r)) path = *found;
  }
  if (path.empty()) return Config{};
  Result<Config> c = vern::load_config(path);
  if (!c) {
    std::fprintf(io.err, "%s\n", c.error().to_string().c_str());
    // Scripts that parse the report still get one, with the error in it.
    if (report.format != OutputFormat::text) {
      if (ReportSink sink = open_report(io); sink.reporter) {
        Summary summary;
        summary.errors = 1;
        sink.reporter->begin();
        sink.reporter->add_error(c.error());
        sink.reporter->finish(summary, {});
      }
    }
    return std::nullopt;
  }
  return std::move(c.value());
}

ReportSink CommonOptions::open_report(const Io& io) {
  ReportSink sink;
  std::FILE* out = io.out;
  bool terminal = io.out_is_terminal;
  if (!output.empty() && output != "-") {
    std::FILE* f = std::fopen(output.c_str(), "w");
    if (!f) {
      std::fprintf(io.err, "vern: cannot write %s\n", output.c_str());
      return sink;
    }
    sink.file.reset(f, std::fclose);
    out = f;
    terminal = false;
  }
  const char* no_color_env = std::getenv("NO_COLOR");
  report.color = terminal && !no_color && !(no_color_env && *no_color_env);
  report.tool_version = VERN_VERSION;
  sink.reporter = make_reporter(report, out);
  return sink;
}

int CommonOptions::exit_code(bool had_errors, std::optional<Severity> worst) const {
  if (had_errors) return k_exit_error;
  if (fail_on && worst && *worst >= *fail_on) return k_exit_findings;
  return k_exit_ok;
}

}  // namespace vern::cli
