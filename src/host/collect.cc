#include "host/collect.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

namespace vern::host {

namespace {

// The leading "N.N[.N]" of `text`.
std::string numeric_prefix(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
    ++i;
  std::string out(text.substr(0, i));
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

// Name of `id` in an /etc/passwd or /etc/group style file.
std::string name_of(const RootFs& fs, const char* file, std::uint32_t id) {
  std::optional<std::string> text = fs.read(file, 1 << 20);
  if (!text) return {};
  std::string_view rest = *text;
  while (!rest.empty()) {
    std::string_view line = rest.substr(0, rest.find('\n'));
    rest.remove_prefix(std::min(rest.size(), line.size() + 1));
    std::size_t a = line.find(':');
    std::size_t b = a == std::string_view::npos ? a : line.find(':', a + 1);
    std::size_t c = b == std::string_view::npos ? b : line.find(':', b + 1);
    if (c == std::string_view::npos) continue;
    if (line.substr(b + 1, c - b - 1) == std::to_string(id)) return std::string(line.substr(0, a));
  }
  return {};
}

}  // namespace

void collect_kernel(const RootFs& fs, HostFacts& facts) {
  if (auto rel = fs.read_line("/proc/sys/kernel/osrelease")) facts.kernel_release = *rel;
  std::optional<std::string> version = fs.read_line("/proc/version");
  if (facts.kernel_release.empty() && version) {
    // "Linux version 6.1.0-13-amd64 (...)"
    std::string_view v = *version;
    if (v.rfind("Linux version ", 0) == 0) {
      v.remove_prefix(14);
      facts.kernel_release = std::string(v.substr(0, v.find(' ')));
    }
  }
  if (facts.kernel_release.empty()) return;
  // RHEL/CentOS/Alma/Rocky (".el7", ".el9_3") and the Virtuozzo/OpenVZ kernels
  // built from them (".vz7"): fixes are backported under the old number.
  facts.kernel_vendor_backports = facts.kernel_release.find(".el") != std::string::npos ||
                                  facts.kernel_release.find(".vz") != std::string::npos;
  if (version) {
    std::size_t d = version->find(" Debian ");
    if (d != std::string::npos) {
      std::string v = numeric_prefix(std::string_view(*version).substr(d + 8));
      if (!v.empty()) {
        facts.kernel_version = v;
        facts.kernel_version_source = "/proc/version (Debian package)";
        return;
      }
    }
  }
  if (auto sig = fs.read_line("/proc/version_signature"); sig && !sig->empty()) {
    // "Ubuntu 5.15.0-56.62-generic 5.15.64": the last word is the upstream version.
    std::string v = numeric_prefix(std::string_view(*sig).substr(sig->rfind(' ') + 1));
    if (!v.empty()) {
      facts.kernel_version = v;
      facts.kernel_version_source = "/proc/version_signature";
      return;
    }
  }
  facts.kernel_version = numeric_prefix(facts.kernel_release);
  facts.kernel_version_source = "kernel release";
}

void collect_lsm(const RootFs& fs, HostFacts& facts) {
  std::optional<std::string> aa = fs.read_line("/sys/module/apparmor/parameters/enabled");
  if (!aa) {
    facts.apparmor = {LsmMode::absent, "AppArmor module not loaded"};
  } else if (*aa != "Y") {
    facts.apparmor = {LsmMode::absent, "/sys/module/apparmor/parameters/enabled = " + *aa};
  } else if (auto profiles = fs.read("/sys/kernel/security/apparmor/profiles", 4 << 20)) {
    std::size_t enforced = 0;
    for (std::size_t p = profiles->find("(enforce)"); p != std::string::npos;
         p = profiles->find("(enforce)", p + 1))
      ++enforced;
    facts.apparmor = {
        enforced ? LsmMode::enforcing : LsmMode::permissive,
        "AppArmor enabled, " + std::to_string(enforced) + " profiles in enforce mode"};
  } else {
    facts.apparmor = {LsmMode::enforcing, "AppArmor enabled (profile list not readable)"};
  }

  std::optional<std::string> se = fs.read_line("/sys/fs/selinux/enforce");
  if (!se) {
    facts.selinux = {LsmMode::absent, "SELinux not mounted (/sys/fs/selinux)"};
  } else if (*se == "1") {
    facts.selinux = {LsmMode::enforcing, "/sys/fs/selinux/enforce = 1"};
  } else {
    facts.selinux = {LsmMode::permissive, "/sys/fs/selinux/enforce = " + *se};
  }
}

void collect_socket(const RootFs& fs, const std::string& path, HostFacts& facts) {
  facts.socket.path = path;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    facts.socket.found = false;
    facts.socket.error = std::strerror(errno);
    return;
  }
  facts.socket.found = true;
  facts.socket.uid = st.st_uid;
  facts.socket.gid = st.st_gid;
  facts.socket.mode = std::uint32_t(st.st_mode & 07777);
  facts.socket.owner = name_of(fs, "/etc/passwd", st.st_uid);
  facts.socket.group = name_of(fs, "/etc/group", st.st_gid);
}

std::optional<std::string> flag_value(const std::vector<std::string>& args, std::string_view name) {
  std::optional<std::string> found;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a == name) {
      // A value follows unless the next word is a flag (boolean form).
      if (i + 1 < args.size() && !args[i + 1].empty() && args[i + 1][0] != '-')
        found = args[i + 1];
      else
        found = std::string();
    } else if (a.size() > name.size() && a.substr(0, name.size()) == name &&
               a[name.size()] == '=') {
      found = std::string(a.substr(name.size() + 1));
    }
  }
  return found;
}

DockerdCommandLine find_dockerd(const RootFs& fs) {
  DockerdCommandLine out;
  for (const std::string& entry : fs.list("/proc")) {
    if (entry.empty() || entry.find_first_not_of("0123456789") != std::string::npos) continue;
    std::optional<std::string> cmdline = fs.read("/proc/" + entry + "/cmdline", 64 * 1024);
    if (!cmdline || cmdline->empty()) continue;
    std::vector<std::string> argv;
    std::string_view rest = *cmdline;
    while (!rest.empty()) {
      std::string_view arg = rest.substr(0, rest.find('\0'));
      argv.emplace_back(arg);
      rest.remove_prefix(std::min(rest.size(), arg.size() + 1));
    }
    std::string_view prog = argv[0];
    prog = prog.substr(prog.rfind('/') == std::string_view::npos ? 0 : prog.rfind('/') + 1);
    if (prog != "dockerd") continue;
    int pid = std::stoi(entry);
    if (out.found && pid > out.pid) continue;  // the lowest pid: the long-running daemon
    out = DockerdCommandLine{};
    out.found = true;
    out.pid = pid;
    out.args.assign(argv.begin() + 1, argv.end());
    out.config_file = flag_value(out.args, "--config-file").value_or("");
    for (std::size_t i = 0; i < out.args.size(); ++i) {
      std::string_view a = out.args[i];
      if ((a == "-H" || a == "--host") && i + 1 < out.args.size())
        out.hosts.push_back(out.args[i + 1]);
      if (a.rfind("--host=", 0) == 0) out.hosts.emplace_back(a.substr(7));
      if (a.rfind("-H=", 0) == 0) out.hosts.emplace_back(a.substr(3));
    }
  }
  return out;
}

std::string daemon_config_path(const DockerdCommandLine& cmd) {
  return cmd.config_file.empty() ? std::string("/etc/docker/daemon.json") : cmd.config_file;
}

}  // namespace vern::host
