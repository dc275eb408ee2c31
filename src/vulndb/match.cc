#include "vulndb/match.h"

#include <algorithm>
#include <map>
#include <set>

#include "vulndb/cvss.h"
#include "vulndb/ecosystem.h"

namespace vern::vulndb {

namespace {

int compare(VersionScheme scheme, std::string_view a, std::string_view b) {
  // "0" as introduced means "from the beginning", whatever the ordering says.
  if (a == "0" && b == "0") return 0;
  if (a == "0") return -1;
  if (b == "0") return 1;
  return compare_versions(scheme, a, b);
}

AffectedVerdict evaluate_range(VersionScheme scheme, std::string_view v, const AffectedRange& r) {
  std::vector<const RangeEvent*> events;
  bool has_limit = false, under_limit = false;
  for (const RangeEvent& e : r.events) {
    if (e.kind == RangeEvent::Kind::limit) {
      has_limit = true;
      under_limit = under_limit || compare(scheme, v, e.version) < 0;
      continue;
    }
    events.push_back(&e);
  }
  std::stable_sort(events.begin(), events.end(), [&](const RangeEvent* a, const RangeEvent* b) {
    return compare(scheme, a->version, b->version) < 0;
  });
  AffectedVerdict out;
  for (const RangeEvent* e : events) {
    int c = compare(scheme, v, e->version);
    switch (e->kind) {
      case RangeEvent::Kind::introduced:
        if (c >= 0) out.affected = true;
        break;
      case RangeEvent::Kind::fixed:
        if (c >= 0) out.affected = false;
        break;
      case RangeEvent::Kind::last_affected:
        if (c > 0) out.affected = false;
        break;
      case RangeEvent::Kind::limit:
        break;
    }
  }
  if (has_limit && !under_limit) out.affected = false;
  if (!out.affected) return out;
  // The fix that ends this affected stretch: the lowest fixed version above v.
  for (const RangeEvent* e : events) {
    if (e->kind == RangeEvent::Kind::fixed && compare(scheme, v, e->version) < 0) {
      out.fixed = e->version;
      break;
    }
  }
  return out;
}

std::string installed_version(const Package& p) {
  // Advisories name source packages and their versions (a binNMU's +bN is not
  // in the fixed version); apk and rpm versions are the same for both.
  if (p.format == PackageFormat::dpkg && !p.source_version.empty()) return p.source_version;
  return p.version;
}

// One issue often comes from two sources for the same package: a DSA that
// aliases a CVE and the CVE itself. Keep the record named by the CVE and note
// the other id as its alias. `matches[from..]` are one package's matches.
void fold_aliases(std::vector<VulnerabilityMatch>& matches, std::size_t from) {
  const std::size_t n = matches.size() - from;
  std::vector<bool> drop(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& aliases = matches[from + i].aliases;
    for (std::size_t j = 0; j < n; ++j) {
      if (i == j || drop[j]) continue;
      if (std::find(aliases.begin(), aliases.end(), matches[from + j].advisory) == aliases.end()) {
        continue;
      }
      drop[i] = true;
      VulnerabilityMatch& keep = matches[from + j];
      const VulnerabilityMatch& gone = matches[from + i];
      if (keep.fixed_version.empty()) keep.fixed_version = gone.fixed_version;
      if (keep.severity == VulnSeverity::unknown) {
        keep.severity = gone.severity;
        keep.severity_source = gone.severity_source;
        keep.score = gone.score;
        keep.vector = gone.vector;
      }
      if (std::find(keep.aliases.begin(), keep.aliases.end(), gone.advisory) ==
          keep.aliases.end()) {
        keep.aliases.push_back(gone.advisory);
      }
      break;
    }
  }
  std::size_t k = from;
  for (std::size_t i = 0; i < n; ++i) {
    if (drop[i]) continue;
    if (k != from + i) matches[k] = std::move(matches[from + i]);
    ++k;
  }
  matches.resize(k);
}

}  // namespace

AffectedVerdict evaluate_affected(VersionScheme scheme, std::string_view version,
                                  const std::vector<AffectedRange>& ranges,
                                  const std::vector<std::string>& versions) {
  AffectedVerdict out;
  for (const AffectedRange& r : ranges) {
    AffectedVerdict v = evaluate_range(scheme, version, r);
    if (!v.affected) continue;
    if (!out.affected || (out.fixed.empty() && !v.fixed.empty())) out = v;
  }
  if (out.affected) return out;
  for (const std::string& listed : versions) {
    if (compare(scheme, version, listed) == 0) return {true, {}};
  }
  return out;
}

SeverityVerdict decide_severity(VulnSeverity distro, std::string_view rater, std::string_view cvss3,
                                std::string_view cvss4,
                                const std::optional<ScoreVectors>& fallback) {
  SeverityVerdict out;
  if (distro != VulnSeverity::unknown) {
    out.severity = distro;
    out.source = std::string(rater);
    return out;
  }
  std::vector<std::string_view> vectors = {cvss4, cvss3};
  if (fallback) {
    vectors.push_back(fallback->cvss4);
    vectors.push_back(fallback->cvss3);
  }
  for (std::string_view v : vectors) {
    if (v.empty()) continue;
    auto score = cvss_score(v);
    if (!score) continue;
    out.severity = severity_for_score(score->score);
    out.source = "CVSS:" + score->version;
    out.score = score->score;
    out.vector = std::string(v);
    return out;
  }
  return out;
}

Result<std::vector<VulnerabilityMatch>> match_packages(Database& db,
                                                       const PackageInventory& inventory,
                                                       std::string_view ecosystem) {
  std::string key = ecosystem.empty() ? ecosystem_for_os(inventory.os) : std::string(ecosystem);
  std::vector<VulnerabilityMatch> out;
  if (key.empty()) return out;
  const VersionScheme scheme = scheme_for_ecosystem(key);

  std::map<std::string, std::vector<StoredAffected>, std::less<>> by_name;
  std::map<std::string, std::optional<ScoreVectors>, std::less<>> vectors;
  auto lookup = [&](const std::string& name) -> Result<const std::vector<StoredAffected>*> {
    auto it = by_name.find(name);
    if (it == by_name.end()) {
      auto rows = db.affected(key, name);
      if (!rows) return rows.error();
      it = by_name.emplace(name, std::move(*rows)).first;
    }
    return &it->second;
  };
  auto vectors_of = [&](const std::string& id) -> Result<const std::optional<ScoreVectors>*> {
    auto it = vectors.find(id);
    if (it == vectors.end()) {
      auto v = db.vectors_for(id);
      if (!v) return v.error();
      it = vectors.emplace(id, std::move(*v)).first;
    }
    return &it->second;
  };
  auto fallback_for = [&](const StoredAffected& s) -> Result<std::optional<ScoreVectors>> {
    auto own = vectors_of(s.advisory);
    if (!own) return own.error();
    if (**own) return **own;
    for (const std::string& id : s.aliases) {
      auto v = vectors_of(id);
      if (!v) return v.error();
      if (**v) return **v;
    }
    return std::optional<ScoreVectors>();
  };

  // One read transaction: the file is locked once, not per lookup.
  if (Status s = db.begin_read(); !s) return s.error();
  struct EndRead {
    Database& db;
    ~EndRead() { db.end_read(); }
  } end_read{db};
  for (const Package& p : inventory.packages) {
    std::string source = p.source_name.empty() ? p.name : p.source_name;
    std::vector<std::string> names = {source};
    if (p.format == PackageFormat::rpm && p.name != source) names.push_back(p.name);
    const std::string version = installed_version(p);
    std::set<std::string> seen;
    const std::size_t first = out.size();
    for (const std::string& name : names) {
      auto rows = lookup(name);
      if (!rows) return rows.error();
      for (const StoredAffected& s : **rows) {
        AffectedVerdict verdict = evaluate_affected(scheme, version, s.ranges, s.versions);
        if (!verdict.affected || !seen.insert(s.advisory).second) continue;
        std::optional<ScoreVectors> fallback;
        if (s.distro_severity == VulnSeverity::unknown && s.cvss3.empty() && s.cvss4.empty()) {
          auto f = fallback_for(s);
          if (!f) return f.error();
          fallback = std::move(*f);
        }
        SeverityVerdict sev =
            decide_severity(s.distro_severity, s.distro_rater, s.cvss3, s.cvss4, fallback);
        VulnerabilityMatch m;
        m.advisory = s.advisory;
        m.aliases = s.aliases;
        m.summary = s.summary;
        m.package = p.name;
        m.source_package = name;
        m.installed_version = p.version;
        m.fixed_version = verdict.fixed;
        m.ecosystem = key;
        m.severity = sev.severity;
        m.severity_source = sev.source;
        m.score = sev.score;
        m.vector = sev.vector;
        m.layer = p.layer;
        out.push_back(std::move(m));
      }
    }
    fold_aliases(out, first);
  }
  std::sort(out.begin(), out.end(), [](const VulnerabilityMatch& a, const VulnerabilityMatch& b) {
    if (a.package != b.package) return a.package < b.package;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.advisory < b.advisory;
  });
  return out;
}

}  // namespace vern::vulndb
