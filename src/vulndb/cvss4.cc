#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "vulndb/cvss.h"
#include "vulndb/cvss_vector.h"

namespace vern::vulndb {

namespace {

// Score of each MacroVector (EQ1..EQ6) in tenths, from the CVSS v4.0
// specification's lookup table; -1 where the combination cannot occur.
// Indexed eq1*108 + eq2*54 + eq3*18 + eq4*6 + eq5*2 + eq6.
constexpr std::array<int, 324> k_macro_scores = {
    100, 99, 98, 95, 95, 92, 100, 96, 93, 87, 91, 81, 93, 90, 89, 80, 81, 68, 98, 95, 95, 92,
    90,  84, 93, 92, 89, 81, 81,  65, 88, 80, 78, 70, 69, 48, -1, 92, -1, 82, -1, 72, -1, 79,
    -1,  69, -1, 50, -1, 69, -1,  55, -1, 27, 99, 97, 95, 92, 92, 85, 95, 91, 90, 83, 84, 71,
    92,  81, 82, 71, 72, 53, 95,  93, 92, 85, 85, 73, 92, 82, 80, 72, 70, 59, 84, 70, 71, 52,
    50,  30, -1, 86, -1, 75, -1,  52, -1, 71, -1, 52, -1, 29, -1, 63, -1, 29, -1, 17, 98, 95,
    94,  87, 91, 81, 94, 89, 86,  74, 77, 64, 87, 75, 74, 63, 63, 49, 94, 89, 88, 77, 76, 67,
    86,  76, 74, 58, 59, 50, 72,  57, 57, 52, 52, 25, -1, 83, -1, 70, -1, 54, -1, 65, -1, 58,
    -1,  26, -1, 53, -1, 21, -1,  13, 95, 90, 88, 76, 76, 70, 90, 77, 75, 62, 61, 53, 77, 66,
    68,  59, 52, 30, 89, 78, 76,  67, 62, 58, 74, 59, 57, 57, 47, 23, 61, 52, 57, 29, 24, 16,
    -1,  71, -1, 59, -1, 30, -1,  58, -1, 26, -1, 15, -1, 23, -1, 13, -1, 6,  93, 87, 86, 72,
    75,  58, 86, 74, 74, 61, 56,  34, 70, 54, 52, 40, 40, 22, 85, 75, 74, 55, 62, 51, 72, 57,
    55,  41, 46, 19, 53, 36, 34,  19, 19, 8,  -1, 64, -1, 51, -1, 20, -1, 47, -1, 21, -1, 11,
    -1,  24, -1, 9,  -1, 4,  88,  75, 73, 53, 60, 50, 73, 55, 59, 40, 41, 20, 54, 43, 45, 22,
    20,  11, 75, 55, 58, 45, 40,  21, 61, 51, 48, 18, 20, 9,  46, 18, 17, 7,  8,  2,  -1, 53,
    -1,  24, -1, 14, -1, 24, -1,  12, -1, 5,  -1, 10, -1, 3,  -1, 1,
};

using Eq = std::array<int, 6>;

std::optional<double> macro_score(const Eq& eq) {
  static constexpr int k_dims[6] = {3, 2, 3, 3, 3, 2};
  int index = 0;
  for (int i = 0; i < 6; ++i) {
    if (eq[i] < 0 || eq[i] >= k_dims[i]) return std::nullopt;
    index = index * k_dims[i] + eq[i];
  }
  int tenths = k_macro_scores[std::size_t(index)];
  if (tenths < 0) return std::nullopt;
  return tenths / 10.0;
}

// The effective value of a metric: a modified (environmental) metric
// overrides its base metric; undefined threat and requirement metrics take
// their worst case.
class Metrics {
 public:
  explicit Metrics(const MetricValues& v) : m_v(v) {}
  char operator()(std::string_view name) const {
    char value = m_v.get(name);
    if (name == "E" && value == 'X') return 'A';
    if ((name == "CR" || name == "IR" || name == "AR") && value == 'X') return 'H';
    std::string modified = "M" + std::string(name);
    char m = m_v.get(modified);
    if (m != 'X') return m;
    return value;
  }

 private:
  const MetricValues& m_v;
};

Eq macro_vector(const Metrics& m) {
  Eq eq{};
  const char av = m("AV"), pr = m("PR"), ui = m("UI");
  if (av == 'N' && pr == 'N' && ui == 'N') {
    eq[0] = 0;
  } else if ((av == 'N' || pr == 'N' || ui == 'N') && av != 'P') {
    eq[0] = 1;
  } else {
    eq[0] = 2;
  }
  eq[1] = (m("AC") == 'L' && m("AT") == 'N') ? 0 : 1;
  const char vc = m("VC"), vi = m("VI"), va = m("VA");
  if (vc == 'H' && vi == 'H') {
    eq[2] = 0;
  } else if (vc == 'H' || vi == 'H' || va == 'H') {
    eq[2] = 1;
  } else {
    eq[2] = 2;
  }
  if (m("MSI") == 'S' || m("MSA") == 'S') {
    eq[3] = 0;
  } else if (m("SC") == 'H' || m("SI") == 'H' || m("SA") == 'H') {
    eq[3] = 1;
  } else {
    eq[3] = 2;
  }
  const char e = m("E");
  eq[4] = e == 'A' ? 0 : e == 'P' ? 1 : 2;
  eq[5] = ((m("CR") == 'H' && vc == 'H') || (m("IR") == 'H' && vi == 'H') ||
           (m("AR") == 'H' && va == 'H'))
              ? 0
              : 1;
  return eq;
}

// Severity level of a metric value in steps of 0.1 (0 = most severe).
int level(std::string_view metric, char v) {
  auto pick = [v](std::string_view order, int offset) {
    std::size_t i = order.find(v);
    return i == std::string_view::npos ? 0 : int(i) + offset;
  };
  if (metric == "AV") return pick("NALP", 0);
  if (metric == "PR") return pick("NLH", 0);
  if (metric == "UI") return pick("NPA", 0);
  if (metric == "AC") return pick("LH", 0);
  if (metric == "AT") return pick("NP", 0);
  if (metric == "VC" || metric == "VI" || metric == "VA") return pick("HLN", 0);
  if (metric == "SC") return pick("HLN", 1);
  if (metric == "SI" || metric == "SA") return pick("SHLN", 0);
  return pick("HML", 0);  // CR, IR, AR
}

// The highest-severity vectors of each MacroVector value ("max composed").
using Vectors = std::vector<std::string_view>;
const Vectors& eq1_maxes(int v) {
  static const Vectors k[3] = {{"AV:N/PR:N/UI:N"},
                               {"AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"},
                               {"AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"}};
  return k[v];
}
const Vectors& eq2_maxes(int v) {
  static const Vectors k[2] = {{"AC:L/AT:N"}, {"AC:H/AT:N", "AC:L/AT:P"}};
  return k[v];
}
const Vectors& eq3eq6_maxes(int eq3, int eq6) {
  static const Vectors k[3][2] = {
      {{"VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"},
       {"VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"}},
      {{"VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"},
       {"VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
        "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
        "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"}},
      {{}, {"VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"}}};
  return k[eq3][eq6];
}
const Vectors& eq4_maxes(int v) {
  static const Vectors k[3] = {{"SC:H/SI:S/SA:S"}, {"SC:H/SI:H/SA:H"}, {"SC:L/SI:L/SA:L"}};
  return k[v];
}

char value_in(std::string_view vector, std::string_view metric) {
  std::size_t at = 0;
  while (at < vector.size()) {
    std::size_t slash = vector.find('/', at);
    std::string_view part =
        vector.substr(at, slash == std::string_view::npos ? vector.npos : slash - at);
    if (part.size() == metric.size() + 2 && part.substr(0, metric.size()) == metric &&
        part[metric.size()] == ':') {
      return part.back();
    }
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  return 'X';
}

// Per-EQ severity distances (in 0.1 steps) from the first highest-severity
// vector that is at least as severe in every metric.
struct Distances {
  int eq1 = 0, eq2 = 0, eq3eq6 = 0, eq4 = 0;
};

Distances severity_distances(const Metrics& m, const Eq& eq) {
  static constexpr std::string_view k_names[] = {"AV", "PR", "UI", "AC", "AT", "VC", "VI",
                                                 "VA", "SC", "SI", "SA", "CR", "IR", "AR"};
  int d[14] = {};
  for (std::string_view a : eq1_maxes(eq[0])) {
    for (std::string_view b : eq2_maxes(eq[1])) {
      for (std::string_view c : eq3eq6_maxes(eq[2], eq[5])) {
        for (std::string_view e : eq4_maxes(eq[3])) {
          std::string max =
              std::string(a) + "/" + std::string(b) + "/" + std::string(c) + "/" + std::string(e);
          bool all_positive = true;
          for (int i = 0; i < 14; ++i) {
            d[i] = level(k_names[i], m(k_names[i])) - level(k_names[i], value_in(max, k_names[i]));
            if (d[i] < 0) all_positive = false;
          }
          // The reference keeps the last candidate's distances when none fits.
          if (all_positive) goto found;
        }
      }
    }
  }
found:
  return Distances{d[0] + d[1] + d[2], d[3] + d[4], d[5] + d[6] + d[7] + d[11] + d[12] + d[13],
                   d[8] + d[9] + d[10]};
}

// Depth of each MacroVector, in 0.1 steps.
int max_severity_eq1(int v) { return std::array{1, 4, 5}[std::size_t(v)]; }
int max_severity_eq2(int v) { return std::array{1, 2}[std::size_t(v)]; }
int max_severity_eq3eq6(int eq3, int eq6) {
  static constexpr int k[3][2] = {{7, 6}, {8, 8}, {10, 10}};
  return k[eq3][eq6];
}
int max_severity_eq4(int v) { return std::array{6, 5, 4}[std::size_t(v)]; }

std::optional<double> lower_eq3eq6(const Eq& eq) {
  auto with = [&](int d3, int d6) {
    Eq n = eq;
    n[2] += d3;
    n[5] += d6;
    return macro_score(n);
  };
  const int eq3 = eq[2], eq6 = eq[5];
  if (eq3 == 0 && eq6 == 0) {
    auto left = with(0, 1), right = with(1, 0);
    // As the reference: the higher of the two, or the right one when either is missing.
    if (left && right && *left > *right) return left;
    return right;
  }
  if (eq3 == 1 && eq6 == 0) return with(0, 1);
  if (eq6 == 1 && eq3 <= 1) return with(1, 0);
  return std::nullopt;
}

}  // namespace

Result<CvssScore> cvss4_score(std::string_view vector) {
  if (vector.rfind("CVSS:4.0/", 0) != 0) {
    return Error::invalid("not a CVSS v4.0 vector: " + std::string(vector));
  }
  static constexpr MetricSpec k_metrics[] = {
      {"AV", "NALP", true},    {"AC", "LH", true},      {"AT", "NP", true},
      {"PR", "NLH", true},     {"UI", "NPA", true},     {"VC", "HLN", true},
      {"VI", "HLN", true},     {"VA", "HLN", true},     {"SC", "HLN", true},
      {"SI", "HLN", true},     {"SA", "HLN", true},     {"E", "XAPU", false},
      {"CR", "XHML", false},   {"IR", "XHML", false},   {"AR", "XHML", false},
      {"MAV", "XNALP", false}, {"MAC", "XLH", false},   {"MAT", "XNP", false},
      {"MPR", "XNLH", false},  {"MUI", "XNPA", false},  {"MVC", "XHLN", false},
      {"MVI", "XHLN", false},  {"MVA", "XHLN", false},  {"MSC", "XHLN", false},
      {"MSI", "XHLNS", false}, {"MSA", "XHLNS", false}, {"S", "XNP", false},
      {"AU", "XNY", false},    {"R", "XAUI", false},    {"V", "XDC", false},
      {"RE", "XLMH", false},   {"U", "X", false}};
  std::string_view body = vector.substr(9);
  // The Urgency metric's values are words (Clear, Green, Amber, Red).
  std::string cleaned;
  for (std::string_view rest = body; !rest.empty();) {
    std::size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (part.rfind("U:", 0) == 0) {
      static constexpr std::string_view k_urgency[] = {"U:X", "U:Clear", "U:Green", "U:Amber",
                                                       "U:Red"};
      bool ok = false;
      for (auto u : k_urgency) ok = ok || part == u;
      if (!ok) return Error::invalid("invalid value for CVSS metric '" + std::string(part) + "'");
      continue;
    }
    if (!cleaned.empty()) cleaned += '/';
    cleaned += part;
  }
  auto parsed = parse_vector(cleaned, k_metrics);
  if (!parsed) return parsed.error();
  Metrics m(*parsed);

  CvssScore out;
  out.version = "4.0";
  static constexpr std::string_view k_impacts[] = {"VC", "VI", "VA", "SC", "SI", "SA"};
  bool no_impact = true;
  for (auto name : k_impacts) no_impact = no_impact && m(name) == 'N';
  if (no_impact) return out;

  const Eq eq = macro_vector(m);
  const double value = *macro_score(eq);
  auto lower = [&](int i) {
    Eq n = eq;
    n[std::size_t(i)] += 1;
    return macro_score(n);
  };
  const std::optional<double> next[5] = {lower(0), lower(1), lower_eq3eq6(eq), lower(3), lower(4)};
  const Distances d = severity_distances(m, eq);
  const double proportion[5] = {double(d.eq1) / max_severity_eq1(eq[0]),
                                double(d.eq2) / max_severity_eq2(eq[1]),
                                double(d.eq3eq6) / max_severity_eq3eq6(eq[2], eq[5]),
                                double(d.eq4) / max_severity_eq4(eq[3]), 0.0};
  double total = 0;
  int existing = 0;
  for (int i = 0; i < 5; ++i) {
    if (!next[i]) continue;
    ++existing;
    total += (value - *next[i]) * proportion[i];
  }
  double score = value - (existing ? total / existing : 0.0);
  score = std::clamp(score, 0.0, 10.0);
  // Half up at one decimal, nudged so a tie one ulp low still rounds up.
  out.score = std::floor((score + 1e-6) * 10.0 + 0.5) / 10.0;
  return out;
}

}  // namespace vern::vulndb
