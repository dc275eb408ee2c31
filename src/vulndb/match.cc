#include "vulndb/match.h"

#include <algorithm>
#include <deque>
#include <map>
#include <numeric>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

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
// the other id as its alias. `kept[from..]` are one package's matches, as
// positions in `found`.
void fold_aliases(std::deque<VulnerabilityMatch>& found, std::vector<std::size_t>& kept,
                  std::size_t from) {
  const std::size_t n = kept.size() - from;
  if (n < 2) return;
  // Advisories are distinct within one package's matches: each names one.
  std::unordered_map<std::string_view, std::size_t> by_advisory;
  by_advisory.reserve(n);
  for (std::size_t j = 0; j < n; ++j) by_advisory.emplace(found[kept[from + j]].advisory, j);
  std::vector<bool> drop(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    // The earliest match, not yet folded, that one of i's aliases names.
    std::size_t j = n;
    for (const std::string& alias : found[kept[from + i]].aliases) {
      auto it = by_advisory.find(alias);
      if (it != by_advisory.end() && it->second != i && !drop[it->second]) {
        j = std::min(j, it->second);
      }
    }
    if (j < n) {
      drop[i] = true;
      VulnerabilityMatch& keep = found[kept[from + j]];
      const VulnerabilityMatch& gone = found[kept[from + i]];
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
    }
  }
  std::size_t k = from;
  for (std::size_t i = 0; i < n; ++i) {
    if (!drop[i]) kept[k++] = kept[from + i];
  }
  kept.resize(k);
}

std::vector<std::string> split_aliases(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t at = text.find(' ');
    if (at > 0) out.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return out;
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
  if (key.empty()) return std::vector<VulnerabilityMatch>{};
  const VersionScheme scheme = scheme_for_ecosystem(key);

  // One lookup per (package, name it is known by): the source name, and for
  // rpm also the binary name.
  struct Lookup {
    std::size_t package;
    std::string name;
    std::string version;
  };
  std::vector<Lookup> lookups;
  for (std::size_t i = 0; i < inventory.packages.size(); ++i) {
    const Package& p = inventory.packages[i];
    std::string source = p.source_name.empty() ? p.name : p.source_name;
    const bool binary_too = p.format == PackageFormat::rpm && p.name != source;
    lookups.push_back({i, std::move(source), installed_version(p)});
    if (binary_too) lookups.push_back({i, p.name, lookups.back().version});
  }
  // Each match as found, in a deque so that it never moves until it is
  // returned; `hits` holds each lookup's, in row order, as positions in it.
  std::deque<VulnerabilityMatch> found;
  std::vector<std::vector<std::size_t>> hits(lookups.size());
  ScoreCache scores;
  // The lookups of the entry being read that it applies to, with the fix for
  // each: decided from its ranges, used once SQLite hands over the rest of it.
  std::vector<std::pair<std::size_t, std::string>> applies;

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
    auto decide_entry = [&](std::string_view ranges, std::string_view versions) {
      applies.clear();
      for (std::size_t k : group) {
        AffectedVerdict verdict = evaluate_encoded(scheme, lookups[k].version, ranges, versions);
        if (verdict.affected) applies.emplace_back(k, std::move(verdict.fixed));
      }
      return !applies.empty();
    };
    auto add_matches = [&](const AffectedRow& r) {
      const SeverityVerdict sev =
          decide(r.distro_severity, r.distro_rater, r.cvss3, r.cvss4, std::nullopt, scores);
      for (auto& [k, fixed] : applies) {
        const Package& p = inventory.packages[lookups[k].package];
        VulnerabilityMatch& m = found.emplace_back();
        m.advisory = r.advisory;
        m.aliases = split_aliases(r.aliases);
        m.summary = r.summary;
        m.package = p.name;
        m.source_package = lookups[k].name;
        m.installed_version = p.version;
        m.fixed_version = std::move(fixed);
        m.ecosystem = key;
        m.severity = sev.severity;
        m.severity_source = sev.source;
        m.score = sev.score;
        m.vector = sev.vector;
        m.layer = p.layer;
        hits[k].push_back(found.size() - 1);
      }
    };
    Status scanned = db.scan_affected(key, lookups[group[0]].name, decide_entry, add_matches);
    if (!scanned) return scanned.error();
    g = end;
  }

  // A package's matches in lookup order, each advisory once, aliases folded.
  std::vector<std::size_t> kept;
  std::set<std::string_view> seen;
  std::size_t first = 0;
  for (std::size_t k = 0; k < lookups.size(); ++k) {
    for (std::size_t i : hits[k]) {
      if (seen.insert(found[i].advisory).second) kept.push_back(i);
    }
    // A package's lookups are adjacent: fold once its last one is done.
    if (k + 1 == lookups.size() || lookups[k + 1].package != lookups[k].package) {
      fold_aliases(found, kept, first);
      first = kept.size();
      seen.clear();
    }
  }

  // Sorts small keys, then moves each match once: a match is a dozen
  // strings, too big to shuffle around while sorting. Packages compare by
  // their rank by name, so most comparisons read no string.
  std::vector<std::size_t> package_of(found.size());
  for (std::size_t k = 0; k < lookups.size(); ++k) {
    for (std::size_t i : hits[k]) package_of[i] = lookups[k].package;
  }
  std::vector<std::size_t> by_package(inventory.packages.size());
  std::iota(by_package.begin(), by_package.end(), std::size_t(0));
  std::sort(by_package.begin(), by_package.end(), [&](std::size_t a, std::size_t b) {
    return inventory.packages[a].name < inventory.packages[b].name;
  });
  std::vector<std::size_t> rank(inventory.packages.size());
  for (std::size_t i = 0; i < by_package.size(); ++i) {
    const bool same = i > 0 && inventory.packages[by_package[i]].name ==
                                   inventory.packages[by_package[i - 1]].name;
    rank[by_package[i]] = same ? rank[by_package[i - 1]] : i;
  }
  struct Key {
    std::size_t package_rank;
    VulnSeverity severity;
    std::string_view advisory;
    std::size_t match;
  };
  std::vector<Key> order;
  order.reserve(kept.size());
  for (std::size_t i : kept) {
    order.push_back({rank[package_of[i]], found[i].severity, found[i].advisory, i});
  }
  std::sort(order.begin(), order.end(), [](const Key& a, const Key& b) {
    if (a.package_rank != b.package_rank) return a.package_rank < b.package_rank;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.advisory < b.advisory;
  });
  std::vector<VulnerabilityMatch> out;
  out.reserve(order.size());
  for (const Key& k : order) out.push_back(std::move(found[k.match]));
  return out;
}

}  // namespace vern::vulndb
