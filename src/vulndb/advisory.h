// Advisory: one vulnerability record in the form every importer produces and
// the database stores, whatever the source's format (OSV, Alpine secdb,
// Debian security tracker). Plain data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/vulnerability.h"

namespace vern::vulndb {

// One event of an OSV-style ECOSYSTEM range, in the record's order.
struct RangeEvent {
  enum class Kind : std::uint8_t { introduced, fixed, last_affected, limit };
  Kind kind = Kind::introduced;
  std::string version;  // "0" for introduced means "from the first version"
};

struct AffectedRange {
  std::vector<RangeEvent> events;
};

// The versions of one package, in one ecosystem, that an advisory affects.
struct AffectedPackage {
  std::string ecosystem;  // canonical key (vulndb/ecosystem.h)
  std::string package;    // source package name (binary name for ecosystems without one)
  std::vector<AffectedRange> ranges;
  std::vector<std::string> versions;  // affected versions listed one by one
  // The distribution's own rating for this package and release (Debian
  // urgency, Ubuntu priority); unknown when the source gives none.
  VulnSeverity distro_severity = VulnSeverity::unknown;
  std::string distro_rater;  // "debian", "ubuntu", ...: who gave distro_severity
};

struct Advisory {
  std::string id;
  std::vector<std::string> aliases;
  std::string summary;
  std::string modified;  // RFC 3339 when the source says, else empty
  std::string cvss3;     // CVSS v3.x vector, when the record has one
  std::string cvss4;     // CVSS v4.0 vector, when the record has one
  std::vector<AffectedPackage> affected;
};

// Reads a distribution's severity word: Debian urgency ("low", "medium",
// "high", "unimportant"), Ubuntu priority ("negligible", "critical", ...).
// Trailing "*" and a "**" suffix are ignored; unknown for anything else
// ("not yet assigned", "end-of-life").
VulnSeverity parse_distro_rating(std::string_view word);

}  // namespace vern::vulndb
