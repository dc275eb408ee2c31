// Virtualization verdict: is the Docker host a hardware-virtualized guest,
// bare metal, or itself a shared-kernel container/VPS? Decided from several
// signals, each kept as a line of evidence:
// - container signals: OpenVZ (/proc/vz without /proc/bc), PID 1's
//   `container=` environment variable, PID 1's cgroup path, the root mount of
//   an engine's overlay storage, /run/.containerenv;
// - hypervisor signals: the CPUID hypervisor vendor leaf, the `hypervisor`
//   CPU flag, DMI vendor/product, /sys/hypervisor/type.
// /.dockerenv alone never decides: a KVM guest whose image happens to contain
// it is a KVM guest. A strong container signal wins over hypervisor signals,
// since a container inside a VM still shares the VM's kernel.
#pragma once

#include <string>

#include "host/root_fs.h"
#include "model/host.h"

namespace vern::host {

// The CPUID hypervisor vendor string ("KVMKVMKVM", "Microsoft Hv", ...) of the
// CPU this runs on; empty when the hypervisor bit is clear or not on x86.
std::string cpuid_hypervisor_vendor();

// Fills facts.virtualization, virtualization_technology and
// virtualization_evidence from the files under `fs` and the CPUID vendor
// (pass cpuid_hypervisor_vendor() on a live host, a fixed value in tests).
void detect_virtualization(const RootFs& fs, const std::string& cpuid_vendor, HostFacts& facts);

}  // namespace vern::host
