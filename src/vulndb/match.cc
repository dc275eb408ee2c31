#include "vulndb/match.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <span>

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

  // One lookup per (package, name it is known by): the source name, and for
  // rpm also the binary name.
  struct Lookup {
    std::size_t package;
    std::string name;
    std::string version;
  };
  // An affected entry that applies to a lookup; its advisory is read later.
  struct Hit {
    std::int64_t advisory_row;
    std::string fixed;
    VulnSeverity distro_severity;
    std::string distro_rater;
  };
  std::vector<Lookup> lookups;
  for (std::size_t i = 0; i < inventory.packages.size(); ++i) {
    const Package& p = inventory.packages[i];
    std::string source = p.source_name.empty() ? p.name : p.source_name;
    const bool binary_too = p.format == PackageFormat::rpm && p.name != source;
    lookups.push_back({i, std::move(source), installed_version(p)});
    if (binary_too) lookups.push_back({i, p.name, lookups.back().version});
  }
  std::vector<std::vector<Hit>> hits(lookups.size());

  // One read transaction: the file is locked once, not per lookup.
  if (Status s = db.begin_read(); !s) return s.error();
  struct EndRead {
    Database& db;
    ~EndRead() { db.end_read(); }
  } end_read{db};

  // Each name is read once, and in key order, so that consecutive lookups
  // touch neighbouring pages of the database.
  std::vector<std::size_t> by_name(lookups.size());
  std::iota(by_name.begin(), by_name.end(), std::size_t(0));
  std::stable_sort(by_name.begin(), by_name.end(),
                   [&](std::size_t a, std::size_t b) { return lookups[a].name < lookups[b].name; });
  for (std::size_t g = 0; g < by_name.size();) {
    std::size_t end = g + 1;
    while (end < by_name.size() && lookups[by_name[end]].name == lookups[by_name[g]].name) ++end;
    const std::span<const std::size_t> group(by_name.data() + g, end - g);
    Status scanned = db.scan_affected(key, lookups[group[0]].name, [&](const AffectedRow& r) {
      for (std::size_t k : group) {
        AffectedVerdict verdict =
            evaluate_encoded(scheme, lookups[k].version, r.ranges, r.versions);
        if (!verdict.affected) continue;
        hits[k].push_back({r.advisory_row, std::move(verdict.fixed), r.distro_severity,
                           std::string(r.distro_rater)});
      }
    });
    if (!scanned) return scanned.error();
    g = end;
  }

  // The advisories of every hit, read in row order for the same reason.
  std::vector<std::int64_t> rows;
  for (const auto& list : hits) {
    for (const Hit& h : list) rows.push_back(h.advisory_row);
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  std::vector<AdvisoryDetails> details;
  details.reserve(rows.size());
  for (std::int64_t row : rows) {
    auto d = db.advisory_details(row);
    if (!d) return d.error();
    details.push_back(std::move(*d));
  }

  ScoreCache scores;
  std::set<std::string_view> seen;
  std::size_t first = 0;
  for (std::size_t k = 0; k < lookups.size(); ++k) {
    const Lookup& lookup = lookups[k];
    const Package& p = inventory.packages[lookup.package];
    for (const Hit& hit : hits[k]) {
      const AdvisoryDetails& s =
          details[std::lower_bound(rows.begin(), rows.end(), hit.advisory_row) - rows.begin()];
      if (!seen.insert(s.advisory).second) continue;
      // Borrowed vectors stand in only for a record that has none of its own.
      const bool own = !s.cvss3.empty() || !s.cvss4.empty();
      SeverityVerdict sev = decide(hit.distro_severity, hit.distro_rater, s.cvss3, s.cvss4,
                                   own ? std::nullopt : s.borrowed, scores);
      VulnerabilityMatch m;
      m.advisory = s.advisory;
      m.aliases = s.aliases;
      m.summary = s.summary;
      m.package = p.name;
      m.source_package = lookup.name;
      m.installed_version = p.version;
      m.fixed_version = hit.fixed;
      m.ecosystem = key;
      m.severity = sev.severity;
      m.severity_source = std::move(sev.source);
      m.score = sev.score;
      m.vector = std::move(sev.vector);
      m.layer = p.layer;
      out.push_back(std::move(m));
    }
    // A package's lookups are adjacent: fold once its last one is done.
    if (k + 1 == lookups.size() || lookups[k + 1].package != lookup.package) {
      fold_aliases(out, first);
      first = out.size();
      seen.clear();
    }
  }

  // Sorts positions, then moves each match once: a match is a dozen strings,
  // too big to shuffle around while sorting.
  std::vector<std::size_t> order(out.size());
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const VulnerabilityMatch& a = out[i];
    const VulnerabilityMatch& b = out[j];
    if (a.package != b.package) return a.package < b.package;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.advisory < b.advisory;
  });
  std::vector<VulnerabilityMatch> sorted;
  sorted.reserve(out.size());
  for (std::size_t i : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

}  // namespace vern::vulndb
