// Affected ranges: the TEXT encoding the database stores them in, and the
// verdict on one installed version, read either from decoded ranges or
// straight from the stored text (matching evaluates every row of a package,
// so that path allocates nothing unless the version is affected).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vulndb/advisory.h"
#include "vulndb/version/scheme.h"

namespace vern::vulndb {

// One event per line, its kind as a letter ('i', 'f', 'l', 'x') before the
// version; a line "|" ends each range. Versions hold no newline.
std::string encode_ranges(const std::vector<AffectedRange>& ranges);
std::vector<AffectedRange> decode_ranges(std::string_view text);

struct AffectedVerdict {
  bool affected = false;
  std::string fixed;  // the version that ends the affected range; empty: no fix known
};

// Whether `version` is affected by OSV-style `ranges` (introduced / fixed /
// last_affected / limit, evaluated in version order as the OSV schema says)
// or is one of `versions`.
AffectedVerdict evaluate_affected(VersionScheme scheme, std::string_view version,
                                  const std::vector<AffectedRange>& ranges,
                                  const std::vector<std::string>& versions);

// The same verdict from the stored forms: `ranges` as encode_ranges() writes
// them, `versions` separated by newlines.
AffectedVerdict evaluate_encoded(VersionScheme scheme, std::string_view version,
                                 std::string_view ranges, std::string_view versions);

}  // namespace vern::vulndb
