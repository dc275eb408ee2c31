#include "vulndb/version/dpkg.h"

#include <cctype>

namespace vern::vulndb {

namespace {

struct DpkgVersion {
  std::string_view epoch;  // digits without leading zeros; empty means 0
  std::string_view upstream;
  std::string_view revision;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

DpkgVersion split(std::string_view v) {
  DpkgVersion out;
  std::size_t colon = v.find(':');
  if (colon != std::string_view::npos) {
    std::string_view e = v.substr(0, colon);
    bool numeric = true;
    for (char c : e) numeric = numeric && is_digit(c);
    if (numeric) {
      while (!e.empty() && e.front() == '0') e.remove_prefix(1);
      out.epoch = e;
      v.remove_prefix(colon + 1);
    }
  }
  std::size_t dash = v.rfind('-');
  if (dash != std::string_view::npos) {
    out.revision = v.substr(dash + 1);
    v = v.substr(0, dash);
  }
  out.upstream = v;
  return out;
}

// Weight of a non-digit character: `~` below the end of the string, letters
// below every other symbol (dpkg's order()).
int order(char c) {
  if (is_digit(c)) return 0;
  if (is_alpha(c)) return static_cast<unsigned char>(c);
  if (c == '~') return -1;
  return static_cast<unsigned char>(c) + 256;
}

int sign(int x) { return (x > 0) - (x < 0); }

// dpkg's verrevcmp, with digit runs compared as strings so that long runs
// cannot overflow.
int verrevcmp(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    while ((i < a.size() && !is_digit(a[i])) || (j < b.size() && !is_digit(b[j]))) {
      int ac = i < a.size() ? order(a[i]) : 0;
      int bc = j < b.size() ? order(b[j]) : 0;
      if (ac != bc) return sign(ac - bc);
      ++i;
      ++j;
    }
    while (i < a.size() && a[i] == '0') ++i;
    while (j < b.size() && b[j] == '0') ++j;
    int first_diff = 0;
    while (i < a.size() && is_digit(a[i]) && j < b.size() && is_digit(b[j])) {
      if (first_diff == 0) first_diff = a[i] - b[j];
      ++i;
      ++j;
    }
    if (i < a.size() && is_digit(a[i])) return 1;
    if (j < b.size() && is_digit(b[j])) return -1;
    if (first_diff != 0) return sign(first_diff);
  }
  return 0;
}

int compare_numbers(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return sign(c);
}

}  // namespace

int dpkg_compare(std::string_view a, std::string_view b) {
  DpkgVersion x = split(a), y = split(b);
  if (int c = compare_numbers(x.epoch, y.epoch)) return c;
  if (int c = verrevcmp(x.upstream, y.upstream)) return c;
  return verrevcmp(x.revision, y.revision);
}

}  // namespace vern::vulndb
