#include "host/virtualization.h"

#include "util/strings.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

#include <cstring>
#include <string_view>
#include <vector>

namespace vern::host {

namespace {

bool contains(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

struct Known {
  std::string_view needle;
  std::string_view technology;
};

// CPUID leaf 0x40000000 vendor strings.
constexpr Known k_cpuid_vendors[] = {
    {"KVMKVMKVM", "kvm"},          {"Microsoft Hv", "hyperv"}, {"VMwareVMware", "vmware"},
    {"XenVMMXenVMM", "xen"},       {"TCGTCGTCGTCG", "qemu"},   {"bhyve bhyve", "bhyve"},
    {" lrpepyh  vr", "parallels"}, {"ACRNACRNACRN", "acrn"},   {"VBoxVBoxVBox", "virtualbox"},
    {"QNXQVMBSQG", "qnx"},
};

// DMI sys_vendor / product_name / bios_vendor substrings (lower case).
constexpr Known k_dmi_vendors[] = {
    {"qemu", "qemu"},
    {"kvm", "kvm"},
    {"vmware", "vmware"},
    {"virtualbox", "virtualbox"},
    {"innotek", "virtualbox"},
    {"xen", "xen"},
    {"amazon ec2", "amazon"},
    {"google compute engine", "google"},
    {"virtual machine", "hyperv"},
    {"parallels", "parallels"},
    {"bhyve", "bhyve"},
    {"openstack", "kvm"},
    {"firecracker", "kvm"},
    {"cloud hypervisor", "kvm"},
};

// PID 1 cgroup path fragments of container engines.
constexpr Known k_cgroup_markers[] = {
    {"/docker/", "docker"},
    {"/docker-", "docker"},
    {"/lxc/", "lxc"},
    {"lxc.payload", "lxc"},
    {"/kubepods", "kubernetes"},
    {"/libpod-", "podman"},
    {"/machine.slice/machine-", "systemd-nspawn"},
    {"/containerd/", "containerd"},
};

struct Verdict {
  std::string container;   // technology of the first strong container signal
  std::string hypervisor;  // technology of the first hypervisor signal ("" = generic)
  bool hypervisor_seen = false;
  std::vector<std::string> evidence;
};

void check_openvz(const RootFs& fs, Verdict& v) {
  if (!fs.exists("/proc/vz")) return;
  if (fs.exists("/proc/bc")) {
    v.evidence.push_back("/proc/vz and /proc/bc exist: an OpenVZ host node, not a container");
    return;
  }
  v.evidence.push_back("/proc/vz exists without /proc/bc: inside an OpenVZ/Virtuozzo container");
  if (v.container.empty()) v.container = "openvz";
}

void check_pid1_environ(const RootFs& fs, Verdict& v) {
  std::optional<std::string> env = fs.read("/proc/1/environ", 64 * 1024);
  if (!env) return;
  std::string_view rest = *env;
  while (!rest.empty()) {
    std::string_view var = rest.substr(0, rest.find('\0'));
    rest.remove_prefix(std::min(rest.size(), var.size() + 1));
    if (var.substr(0, 10) != "container=") continue;
    std::string tech(var.substr(10));
    v.evidence.push_back("PID 1 environment has container=" + tech);
    if (v.container.empty()) v.container = tech.empty() ? "container" : tech;
    return;
  }
}

void check_pid1_cgroup(const RootFs& fs, Verdict& v) {
  std::optional<std::string> cg = fs.read("/proc/1/cgroup", 64 * 1024);
  if (!cg) return;
  for (const Known& k : k_cgroup_markers) {
    if (!contains(*cg, k.needle)) continue;
    std::string line = cg->substr(0, cg->find('\n', cg->find(k.needle)));
    line = line.substr(line.rfind('\n') == std::string::npos ? 0 : line.rfind('\n') + 1);
    v.evidence.push_back("PID 1 cgroup is inside a " + std::string(k.technology) +
                         " container: " + line);
    if (v.container.empty()) v.container = std::string(k.technology);
    return;
  }
}

// The root filesystem is an engine's overlay layer (Docker-in-Docker with a
// private cgroup namespace shows nothing in /proc/1/cgroup, but this remains).
void check_root_mount(const RootFs& fs, Verdict& v) {
  std::optional<std::string> mi = fs.read("/proc/1/mountinfo", 512 * 1024);
  if (!mi) mi = fs.read("/proc/self/mountinfo", 512 * 1024);
  if (!mi) return;
  std::string_view rest = *mi;
  while (!rest.empty()) {
    std::string_view line = rest.substr(0, rest.find('\n'));
    rest.remove_prefix(std::min(rest.size(), line.size() + 1));
    // Fields: id parent major:minor root mountpoint options ... - fstype source super-options
    std::size_t p = 0;
    std::string_view fields[5];
    for (int i = 0; i < 5 && p < line.size(); ++i) {
      std::size_t sp = line.find(' ', p);
      fields[i] = line.substr(p, sp == std::string_view::npos ? sp : sp - p);
      p = sp == std::string_view::npos ? line.size() : sp + 1;
    }
    if (fields[4] != "/") continue;
    std::size_t dash = line.find(" - ");
    if (dash == std::string_view::npos) continue;
    std::string_view tail = line.substr(dash + 3);
    if (tail.substr(0, 7) != "overlay") continue;
    std::string tech;
    if (contains(tail, "/docker/"))
      tech = "docker";
    else if (contains(tail, "/containers/storage/"))
      tech = "podman";
    else if (contains(tail, "containerd"))
      tech = "containerd";
    if (tech.empty()) continue;
    v.evidence.push_back("the root filesystem is an overlay in " + tech + "'s storage");
    if (v.container.empty()) v.container = tech;
    return;
  }
}

void check_hypervisor(const RootFs& fs, const std::string& cpuid_vendor, Verdict& v) {
  if (!cpuid_vendor.empty()) {
    std::string tech = "unknown hypervisor";
    for (const Known& k : k_cpuid_vendors) {
      if (contains(cpuid_vendor, k.needle)) tech = std::string(k.technology);
    }
    v.evidence.push_back("CPUID hypervisor leaf: \"" + cpuid_vendor + "\" (" + tech + ")");
    v.hypervisor_seen = true;
    if (v.hypervisor.empty() && tech != "unknown hypervisor") v.hypervisor = tech;
  }
  if (std::optional<std::string> cpuinfo = fs.read("/proc/cpuinfo", 1 << 20)) {
    std::size_t flags = cpuinfo->find("\nflags");
    if (cpuinfo->rfind("flags", 0) == 0) flags = 0;
    if (flags != std::string::npos) {
      std::string line = cpuinfo->substr(flags, cpuinfo->find('\n', flags + 1) - flags);
      if (contains(line + ' ', " hypervisor ")) {
        v.evidence.push_back("/proc/cpuinfo lists the hypervisor CPU flag");
        v.hypervisor_seen = true;
      }
    }
  }
  for (const char* file : {"/sys/class/dmi/id/sys_vendor", "/sys/class/dmi/id/product_name",
                           "/sys/class/dmi/id/bios_vendor"}) {
    std::optional<std::string> text = fs.read_line(file);
    if (!text || text->empty()) continue;
    std::string l = to_lower(*text);
    for (const Known& k : k_dmi_vendors) {
      if (!contains(l, k.needle)) continue;
      v.evidence.push_back(std::string("DMI ") + (std::strrchr(file, '/') + 1) + ": \"" + *text +
                           "\"");
      v.hypervisor_seen = true;
      if (v.hypervisor.empty()) v.hypervisor = std::string(k.technology);
      break;
    }
  }
  if (std::optional<std::string> t = fs.read_line("/sys/hypervisor/type"); t && !t->empty()) {
    v.evidence.push_back("/sys/hypervisor/type: " + *t);
    v.hypervisor_seen = true;
    if (v.hypervisor.empty()) v.hypervisor = *t;
  }
}

}  // namespace

std::string cpuid_hypervisor_vendor() {
#if defined(__x86_64__) || defined(__i386__)
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 31))) return {};
  __cpuid(0x40000000, a, b, c, d);
  char vendor[13];
  std::memcpy(vendor, &b, 4);
  std::memcpy(vendor + 4, &c, 4);
  std::memcpy(vendor + 8, &d, 4);
  vendor[12] = '\0';
  std::string out(vendor);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\0')) out.pop_back();
  return out.empty() ? std::string("(empty vendor)") : out;
#else
  return {};
#endif
}

void detect_virtualization(const RootFs& fs, const std::string& cpuid_vendor, HostFacts& facts) {
  Verdict v;
  check_openvz(fs, v);
  check_pid1_environ(fs, v);
  check_pid1_cgroup(fs, v);
  check_root_mount(fs, v);
  if (fs.exists("/run/.containerenv")) {
    v.evidence.push_back("/run/.containerenv exists (Podman)");
    if (v.container.empty()) v.container = "podman";
  }
  check_hypervisor(fs, cpuid_vendor, v);
  bool dockerenv = fs.exists("/.dockerenv");
  if (dockerenv) {
    v.evidence.push_back(
        "/.dockerenv exists (weak: images and VM templates copied from containers carry it)");
  }

  if (!v.container.empty()) {
    facts.virtualization = Virtualization::shared_kernel;
    facts.virtualization_technology = v.container;
  } else if (v.hypervisor_seen) {
    facts.virtualization = Virtualization::hardware_vm;
    facts.virtualization_technology = v.hypervisor.empty() ? "unknown hypervisor" : v.hypervisor;
  } else if (dockerenv) {
    // Only the weak marker: not enough to call it a container, nor bare metal.
    facts.virtualization = Virtualization::unknown;
  } else {
    facts.virtualization = Virtualization::bare_metal;
    v.evidence.push_back("no hypervisor and no container signal");
  }
  facts.virtualization_evidence = std::move(v.evidence);
}

}  // namespace vern::host
