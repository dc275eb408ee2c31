// WorkloadSpill: Kubernetes workloads set aside until the end of a scan, in an
// unnamed temporary file, so that a scan's memory does not grow with the
// number of workloads it reads. Set-level rules that judge each workload
// against objects of the whole scan (a ServiceAccount in another file) can
// only run once every file is read.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "model/workload.h"

namespace vern {

class WorkloadSpill {
 public:
  WorkloadSpill();
  ~WorkloadSpill();
  WorkloadSpill(const WorkloadSpill&) = delete;
  WorkloadSpill& operator=(const WorkloadSpill&) = delete;

  // Keeps the workload's pod-level facts: surface, file, kind, name,
  // namespace, positions, host namespaces, network and user-namespace modes,
  // service account and token automount. Containers, volumes, networks and
  // suppressions are not kept (reduce_for_set_rules drops them already).
  void push(const Workload& w);
  std::size_t size() const { return m_count; }

  // Hands every workload pushed so far back in push order, up to `batch` at a
  // time (the vector may be modified by `each`). REQUIRES batch > 0.
  void replay(std::size_t batch, const std::function<void(std::vector<Workload>&)>& each);

 private:
  std::FILE* m_file = nullptr;        // null when no temporary file could be made
  std::vector<std::string> m_memory;  // records kept in memory instead
  std::vector<char> m_file_buffer;    // stdio buffer of m_file
  std::size_t m_in_file = 0;          // records written to m_file
  std::size_t m_count = 0;
};

}  // namespace vern
