#include <array>
#include <cmath>
#include <optional>

#include "vulndb/cvss.h"
#include "vulndb/cvss_vector.h"

namespace vern::vulndb {

namespace {

// CVSS 3.1 Roundup: the smallest one-decimal number >= x, computed on an
// integer so that 4.000000001 does not become 4.1.
double roundup_31(double x) {
  long long i = std::llround(x * 100000.0);
  if (i % 10000 == 0) return double(i) / 100000.0;
  return (double(i / 10000) + 1.0) / 10.0;
}

double roundup_30(double x) { return std::ceil(x * 10.0 - 1e-9) / 10.0; }

}  // namespace

Result<CvssScore> cvss3_score(std::string_view vector) {
  std::string version;
  if (vector.rfind("CVSS:3.1/", 0) == 0) {
    version = "3.1";
  } else if (vector.rfind("CVSS:3.0/", 0) == 0) {
    version = "3.0";
  } else {
    return Error::invalid("not a CVSS v3 vector: " + std::string(vector));
  }
  static constexpr MetricSpec k_metrics[] = {
      {"AV", "NALP", true},   {"AC", "LH", true},     {"PR", "NLH", true},
      {"UI", "NR", true},     {"S", "UC", true},      {"C", "HLN", true},
      {"I", "HLN", true},     {"A", "HLN", true},     {"E", "XUPFH", false},
      {"RL", "XOTWU", false}, {"RC", "XURC", false},  {"CR", "XLMH", false},
      {"IR", "XLMH", false},  {"AR", "XLMH", false},  {"MAV", "XNALP", false},
      {"MAC", "XLH", false},  {"MPR", "XNLH", false}, {"MUI", "XNR", false},
      {"MS", "XUC", false},   {"MC", "XNLH", false},  {"MI", "XNLH", false},
      {"MA", "XNLH", false}};
  auto parsed = parse_vector(vector.substr(9), k_metrics);
  if (!parsed) return parsed.error();
  const MetricValues& m = *parsed;
  auto v = [&](std::string_view name) { return m.get(name); };

  const bool changed = v("S") == 'C';
  auto cia = [](char c) { return c == 'H' ? 0.56 : c == 'L' ? 0.22 : 0.0; };
  double iss = 1.0 - (1.0 - cia(v("C"))) * (1.0 - cia(v("I"))) * (1.0 - cia(v("A")));
  double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;

  double av = 0;
  switch (v("AV")) {
    case 'N':
      av = 0.85;
      break;
    case 'A':
      av = 0.62;
      break;
    case 'L':
      av = 0.55;
      break;
    default:
      av = 0.2;
      break;
  }
  double ac = v("AC") == 'L' ? 0.77 : 0.44;
  double pr = 0.85;
  if (v("PR") == 'L') pr = changed ? 0.68 : 0.62;
  if (v("PR") == 'H') pr = changed ? 0.5 : 0.27;
  double ui = v("UI") == 'N' ? 0.85 : 0.62;
  double exploitability = 8.22 * av * ac * pr * ui;

  CvssScore out;
  out.version = version;
  if (impact <= 0) return out;
  double raw = changed ? std::min(1.08 * (impact + exploitability), 10.0)
                       : std::min(impact + exploitability, 10.0);
  out.score = version == "3.1" ? roundup_31(raw) : roundup_30(raw);
  return out;
}

Result<CvssScore> cvss_score(std::string_view vector) {
  if (vector.rfind("CVSS:4.0/", 0) == 0) return cvss4_score(vector);
  return cvss3_score(vector);
}

VulnSeverity severity_for_score(double score) {
  if (score >= 9.0) return VulnSeverity::critical;
  if (score >= 7.0) return VulnSeverity::high;
  if (score >= 4.0) return VulnSeverity::medium;
  return VulnSeverity::low;
}

}  // namespace vern::vulndb
