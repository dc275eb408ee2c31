// Command-line parsing shared by the reporting commands (scan, host, image,
// sbom-scan): an argument cursor, and the options they all take (--format,
// --output, --fail-on, --config, --quiet, --no-color).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "report/reporter.h"
#include "scan/config.h"

namespace vern::cli {

// Walks argv. Accepts `--flag value`, `--flag=value` and `-f value`; `--`
// ends flags. Usage errors are printed to io.err and remembered.
class ArgParser {
 public:
  ArgParser(const std::vector<std::string>& args, const Io& io, std::string command)
      : m_args(args), m_io(io), m_command(std::move(command)) {}

  bool more() const { return !m_error && m_i < m_args.size(); }
  bool error() const { return m_error; }
  // True when the current argument is a flag (starts with '-' and flags are not over).
  bool is_flag() const;
  // Consumes a boolean flag spelled `short_name` or `long_name`.
  bool flag(std::string_view short_name, std::string_view long_name);
  // Consumes a value-taking flag; nullopt when the current argument is not it
  // (or its value is missing: error() is then true).
  std::optional<std::string> value(std::string_view short_name, std::string_view long_name);
  // Consumes the current argument as a positional one.
  std::string take() { return m_args[m_i++]; }
  // Prints "vern COMMAND: MESSAGE" and returns k_exit_error.
  int usage_error(const std::string& message);
  int unknown_flag();

 private:
  const std::vector<std::string>& m_args;
  const Io& m_io;
  std::string m_command;
  size_t m_i = 0;
  bool m_error = false;
  bool m_flags_over = false;
};

// A reporter with the stream it writes to (a file for --output).
struct ReportSink {
  std::unique_ptr<Reporter> reporter;
  std::shared_ptr<std::FILE> file;
};

struct CommonOptions {
  ReportOptions report;
  std::string output;                                // --output; empty = standard output
  std::optional<Severity> fail_on = Severity::info;  // nullopt = never fail on findings
  std::string config_path;                           // --config
  bool no_color = false;

  // Consumes the current argument when it is one of the common options.
  bool parse(ArgParser& p);
  // The config from --config or the default locations. When it cannot be
  // loaded: prints the error, also as a report holding only that error when
  // the format is machine-readable (json, sarif, html), and returns nullopt.
  std::optional<Config> load_config(const std::vector<std::string>& roots, const Io& io);
  // Opens --output (or uses io.out) and makes the reporter; colour only on a
  // terminal, without --no-color and NO_COLOR. Prints errors; reporter is null on failure.
  ReportSink open_report(const Io& io);
  // 2 when inputs failed, 1 when the worst finding is at or above --fail-on, else 0.
  int exit_code(bool had_errors, std::optional<Severity> worst) const;
};

}  // namespace vern::cli
