#include "scan/file_check.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "scan/evaluate.h"
#include "scan/set_state.h"
#include "scan/source_lines.h"
#include "sources/detect.h"
#include "util/file.h"

namespace vern {

void sort_findings(std::vector<Finding>& f) {
  struct Key {
    int line;
    int column;
    std::uint32_t index;
  };
  std::vector<Key> keys(f.size());
  bool sorted = true;
  for (std::size_t i = 0; i < f.size(); ++i) {
    keys[i] = {f[i].where.line, f[i].where.column, std::uint32_t(i)};
    if (i > 0 &&
        std::tie(keys[i - 1].line, keys[i - 1].column) > std::tie(keys[i].line, keys[i].column)) {
      sorted = false;
    }
  }
  auto before = [&](const Key& a, const Key& b) {
    if (a.line != b.line) return a.line < b.line;
    if (a.column != b.column) return a.column < b.column;
    if (int c = f[a.index].rule.compare(f[b.index].rule)) return c < 0;
    return a.index < b.index;
  };
  if (sorted && std::is_sorted(keys.begin(), keys.end(), before)) return;
  std::sort(keys.begin(), keys.end(), before);
  std::vector<Finding> out;
  out.reserve(f.size());
  for (const Key& k : keys) out.push_back(std::move(f[k.index]));
  f = std::move(out);
}

void drop_unset_in_partial(const Inventory& inventory, std::vector<Finding>& findings) {
  std::vector<Location> unset_at;
  for (const Workload& w : inventory.workloads) {
    if (w.partial) unset_at.push_back(w.where);
  }
  if (unset_at.empty()) return;
  std::erase_if(findings, [&](const Finding& f) {
    return std::any_of(unset_at.begin(), unset_at.end(), [&](Location at) {
      return f.where.line == at.line && f.where.column == at.column;
    });
  });
}

FileResult check_file(const WalkItem& item, const ScanOptions& options, bool source_lines,
                      const Reporter* render) {
  FileResult r;
  r.path = item.path;
  if (item.kustomize_patch) {
    // Skipped quietly in a walk, like other files that are not manifests.
    r.recognised = false;
    if (item.explicit_path) {
      Error e = not_recognised(item.path,
                               " (a kustomize patch, listed by a kustomization: render the "
                               "overlay first, e.g. kustomize build)");
      e.line = 1;
      e.column = 1;
      r.errors.push_back(std::move(e));
    }
    return r;
  }
  Result<std::string> content =
      item.dir ? read_file_at(*item.dir, item.name, item.path, options.max_file_bytes)
               : read_file(item.path, options.max_file_bytes);
  if (!content) {
    r.recognised = true;
    r.errors.push_back(content.error());
    return r;
  }
  Translation t =
      translate_file(item.path, *content, item.explicit_path, options.dockerfile_target);
  r.recognised = t.recognised;
  r.errors = std::move(t.errors);
  if (!t.recognised) return r;
  r.objects = int(t.inventory.workloads.size() + t.inventory.network_policies.size() +
                  t.inventory.namespaces.size() + t.inventory.pod_security_policies.size() +
                  t.inventory.daemon_configs.size());
  FindingList found;
  // About eight findings per workload in practice: growing the list from
  // empty would move every finding several times.
  found.findings().reserve(t.inventory.workloads.size() * 8);
  evaluate(t.inventory, RuleScope::unit, options.config.rule_options, found);
  r.suppressions = find_comment_suppressions(item.path, *content);
  std::vector<Suppression> objects = find_object_suppressions(t.inventory);
  r.suppressions.insert(r.suppressions.end(), objects.begin(), objects.end());
  judge_compose_project(t.inventory, options.config.rule_options, found);
  r.findings = std::move(found.findings());
  drop_unset_in_partial(t.inventory, r.findings);
  std::erase_if(r.findings, [&](Finding& f) { return !apply_config(options.config, f); });
  if (source_lines) fill_source_lines(*content, r.findings);
  sort_findings(r.findings);
  r.suppressed = remove_suppressed(r.suppressions, r.findings);
  for (const Finding& f : r.findings) ++r.counts[static_cast<int>(f.severity)];
  if (render && !r.findings.empty()) r.rendered = render->render_file(r.findings);
  r.set_part = reduce_for_set_rules(std::move(t.inventory));
  return r;
}

}  // namespace vern
