#include <cstring>

#include "cli/command.h"

#ifndef VERN_VERSION
#define VERN_VERSION "0.0.0"
#endif

namespace vern::cli {

namespace {

int run_help(const std::vector<std::string>& args, const Io& io);

int run_version(const std::vector<std::string>&, const Io& io) {
  std::fprintf(io.out, "vern %s\n", VERN_VERSION);
  return k_exit_ok;
}

}  // namespace

// Defined in their own files.
int run_scan(const std::vector<std::string>& args, const Io& io);
int run_rules(const std::vector<std::string>& args, const Io& io);
int run_image(const std::vector<std::string>& args, const Io& io);
int run_host(const std::vector<std::string>& args, const Io& io);
int run_sbom_scan(const std::vector<std::string>& args, const Io& io);
int run_db(const std::vector<std::string>& args, const Io& io);
extern const std::string_view k_scan_usage;
extern const std::string_view k_rules_usage;
extern const std::string_view k_image_usage;
extern const std::string_view k_host_usage;
extern const std::string_view k_sbom_scan_usage;
extern const std::string_view k_db_usage;

namespace {

const Command k_commands[] = {
    {"scan", "Scan Dockerfiles, Compose files, Kubernetes manifests and scripts", k_scan_usage,
     run_scan},
    {"image", "Check an image's config, files and packages (tar, OCI layout, daemon)",
     k_image_usage, run_image},
    {"host", "Audit this Docker host: containers, daemon, socket, kernel, isolation", k_host_usage,
     run_host},
    {"sbom-scan", "Match a CycloneDX SBOM's OS packages against the vulnerability database",
     k_sbom_scan_usage, run_sbom_scan},
    {"db", "Build (import) or describe (info) the vulnerability database", k_db_usage, run_db},
    {"rules", "Print the rule catalog", k_rules_usage, run_rules},
    {"help", "Show help for vern or one of its commands", "usage: vern help [COMMAND]\n", run_help},
    {"version", "Print vern's version", "usage: vern version\n", run_version},
};

int run_help(const std::vector<std::string>& args, const Io& io) {
  if (!args.empty()) {
    for (const Command& c : k_commands) {
      if (c.name == args[0]) {
        std::fprintf(io.out, "%.*s", int(c.usage.size()), c.usage.data());
        return k_exit_ok;
      }
    }
    std::fprintf(io.err, "vern: unknown command '%s' (see 'vern help')\n", args[0].c_str());
    return k_exit_error;
  }
  std::fprintf(io.out,
               "vern: is this container locked down?\n\nusage: vern COMMAND [ARGS...]\n\n"
               "commands:\n");
  for (const Command& c : k_commands) {
    std::fprintf(io.out, "  %-10.*s %.*s\n", int(c.name.size()), c.name.data(),
                 int(c.summary.size()), c.summary.data());
  }
  std::fprintf(io.out,
               "\n'vern help COMMAND' or 'vern COMMAND --help' shows a command's options.\n");
  return k_exit_ok;
}

}  // namespace

std::span<const Command> commands() { return k_commands; }

int run_main(const std::vector<std::string>& args, const Io& io) {
  if (args.empty()) return run_help({}, io), k_exit_error;
  const std::string& name = args[0];
  if (name == "--version" || name == "-V") return run_version({}, io);
  if (name == "--help" || name == "-h") return run_help({}, io);
  for (const Command& c : k_commands) {
    if (c.name != name) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const std::string& a : rest) {
      if (a == "--") break;
      if (a == "--help" || a == "-h") {
        std::fprintf(io.out, "%.*s", int(c.usage.size()), c.usage.data());
        return k_exit_ok;
      }
    }
    return c.run(rest, io);
  }
  std::fprintf(io.err, "vern: unknown command '%s' (see 'vern help')\n", name.c_str());
  return k_exit_error;
}

}  // namespace vern::cli
