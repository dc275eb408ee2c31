// CVSS scores computed from vector strings, so a severity never rests on a
// number someone else rounded. v3.0/v3.1 follow the FIRST specification's
// base equations (3.0 rounds up to one decimal; 3.1 uses its Roundup that
// avoids floating-point error). v4.0 follows the FIRST reference calculator:
// MacroVector lookup, then interpolation by severity distance; threat and
// environmental metrics in the vector are applied as that calculator does.
#pragma once

#include <string>
#include <string_view>

#include "model/vulnerability.h"
#include "util/result.h"

namespace vern::vulndb {

struct CvssScore {
  double score = 0;     // 0.0 .. 10.0, one decimal
  std::string version;  // "3.0", "3.1", "4.0"
};

// Scores a "CVSS:3.0/..." or "CVSS:3.1/..." vector. Error (invalid_input) when
// a base metric is missing, repeated or has an unknown value.
Result<CvssScore> cvss3_score(std::string_view vector);

// Scores a "CVSS:4.0/..." vector, with the same error rules.
Result<CvssScore> cvss4_score(std::string_view vector);

// Either of the above, by the vector's prefix.
Result<CvssScore> cvss_score(std::string_view vector);

// The qualitative rating of a score: 0.0 is none (reported as low, since an
// advisory exists), 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical.
VulnSeverity severity_for_score(double score);

}  // namespace vern::vulndb
