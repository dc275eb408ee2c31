#include "vulndb/match.h"

#include <algorithm>
#include <map>
#include <set>

#include "vulndb/cvss.h"
#include "vulndb/ecosystem.h"

namespace vern::vulndb {

namespace {

// CVSS scores by vector: a scan meets the same few vectors many times.
class ScoreCache {
 public:
  const std::optional<CvssScore>& score(std::string_view vector) {
    auto it = m_scores.find(vector);
    if (it == m_scores.end()) {
      auto s = cvss_score(vector);
      it = m_scores.emplace(std::string(vector), s ? std::optional(*s) : std::nullopt).first;
    }
    return it->second;
  }

 private:
  std::map<std::string, std::optional<CvssScore>, std::less<>> m_scores;
};

SeverityVerdict decide(VulnSeverity distro, std::string_view rater, std::string_view cvss3,
                       std::string_view cvss4, const std::optional<ScoreVectors>& fallback,
                       ScoreCache& cache) {
  SeverityVerdict out;
  if (distro != VulnSeverity::unknown) {
    out.severity = distro;
    out.source = std::string(rater);
    return out;
  }
  const std::string_view none;
  const std::string_view vectors[] = {cvss4, cvss3, fallback ? fallback->cvss4 : none,
                                      fallback ? fallback->cvss3 : none};
  for (std::string_view v : vectors) {
    if (v.empty()) continue;
    const std::optional<CvssScore>& score = cache.score(v);
    if (!score) continue;
    out.severity = severity_for_score(score->score);
    out.source = "CVSS:" + score->version;
    out.score = score->score;
    out.vector = std::string(v);
    return out;
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

SeverityVerdict decide_severity(VulnSeverity distro, std::string_view rater, std::string_view cvss3,
                                std::string_view cvss4,
                                const std::optional<ScoreVectors>& fallback) {
  ScoreCache cache;
  return decide(distro, rater, cvss3, cvss4, fallback, cache);
}

Result<std::vector<VulnerabilityMatch>> match_packages(Database& db,
                                                       const PackageInventory& inventory,
                                                       std::string_view ecosystem) {
  std::string key = ecosystem.empty() ? ecosystem_for_os(inventory.os) : std::string(ecosystem);
  std::vector<VulnerabilityMatch> out;
  if (key.empty()) return out;
  const VersionScheme scheme = scheme_for_ecosystem(key);

  ScoreCache scores;
  // An affected entry that applies, noted during the scan of a package's
  // rows; its advisory is read afterwards.
  struct Hit {
    std::int64_t advisory_row;
    std::string fixed;
    VulnSeverity distro_severity;
    std::string distro_rater;
  };
  std::vector<Hit> hits;

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
      hits.clear();
      Status scanned = db.scan_affected(key, name, [&](const AffectedRow& r) {
        AffectedVerdict verdict = evaluate_encoded(scheme, version, r.ranges, r.versions);
        if (!verdict.affected) return;
        hits.push_back({r.advisory_row, std::move(verdict.fixed), r.distro_severity,
                        std::string(r.distro_rater)});
      });
      if (!scanned) return scanned.error();
      for (Hit& hit : hits) {
        auto details = db.advisory_details(hit.advisory_row);
        if (!details) return details.error();
        AdvisoryDetails& s = *details;
        if (!seen.insert(s.advisory).second) continue;
        // Borrowed vectors stand in only for a record that has none of its own.
        const bool own = !s.cvss3.empty() || !s.cvss4.empty();
        SeverityVerdict sev = decide(hit.distro_severity, hit.distro_rater, s.cvss3, s.cvss4,
                                     own ? std::nullopt : s.borrowed, scores);
        VulnerabilityMatch m;
        m.advisory = std::move(s.advisory);
        m.aliases = std::move(s.aliases);
        m.summary = std::move(s.summary);
        m.package = p.name;
        m.source_package = name;
        m.installed_version = p.version;
        m.fixed_version = std::move(hit.fixed);
        m.ecosystem = key;
        m.severity = sev.severity;
        m.severity_source = std::move(sev.source);
        m.score = sev.score;
        m.vector = std::move(sev.vector);
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
