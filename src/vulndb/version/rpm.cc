#include "vulndb/version/rpm.h"

#include <optional>

namespace vern::vulndb {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

int sign(int x) { return (x > 0) - (x < 0); }

struct Evr {
  std::string_view epoch = "0";
  std::string_view version;
  std::optional<std::string_view> release;
};

// rpm's parseEVR: leading digits followed by ':' are the epoch (an empty one
// is 0); the release follows the last '-'.
Evr parse_evr(std::string_view s) {
  Evr out;
  std::size_t digits = 0;
  while (digits < s.size() && is_digit(s[digits])) ++digits;
  if (digits < s.size() && s[digits] == ':') {
    if (digits > 0) out.epoch = s.substr(0, digits);
    s.remove_prefix(digits + 1);
  }
  std::size_t dash = s.rfind('-');
  if (dash != std::string_view::npos) {
    out.release = s.substr(dash + 1);
    s = s.substr(0, dash);
  }
  out.version = s;
  return out;
}

}  // namespace

int rpm_vercmp(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  std::size_t i = 0, j = 0;
  auto at = [](std::string_view s, std::size_t k) { return k < s.size() ? s[k] : '\0'; };
  while (i < a.size() || j < b.size()) {
    while (i < a.size() && !is_alnum(a[i]) && a[i] != '~' && a[i] != '^') ++i;
    while (j < b.size() && !is_alnum(b[j]) && b[j] != '~' && b[j] != '^') ++j;

    // `~` sorts before everything, the end of the string included.
    if (at(a, i) == '~' || at(b, j) == '~') {
      if (at(a, i) != '~') return 1;
      if (at(b, j) != '~') return -1;
      ++i, ++j;
      continue;
    }
    // `^` sorts after the end of the string but before anything else.
    if (at(a, i) == '^' || at(b, j) == '^') {
      if (i >= a.size()) return -1;
      if (j >= b.size()) return 1;
      if (a[i] != '^') return 1;
      if (b[j] != '^') return -1;
      ++i, ++j;
      continue;
    }
    if (i >= a.size() || j >= b.size()) break;

    const bool numeric = is_digit(a[i]);
    auto segment_end = [numeric](std::string_view s, std::size_t k) {
      while (k < s.size() && (numeric ? is_digit(s[k]) : is_alpha(s[k]))) ++k;
      return k;
    };
    std::size_t ie = segment_end(a, i), je = segment_end(b, j);
    // A number is newer than letters.
    if (je == j) return numeric ? 1 : -1;
    std::string_view x = a.substr(i, ie - i), y = b.substr(j, je - j);
    if (numeric) {
      while (!x.empty() && x.front() == '0') x.remove_prefix(1);
      while (!y.empty() && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() > y.size() ? 1 : -1;
    }
    if (int c = x.compare(y)) return sign(c);
    i = ie;
    j = je;
  }
  if (i >= a.size() && j >= b.size()) return 0;
  return i >= a.size() ? -1 : 1;
}

int rpm_compare(std::string_view a, std::string_view b) {
  Evr x = parse_evr(a), y = parse_evr(b);
  if (int c = rpm_vercmp(x.epoch, y.epoch)) return c;
  if (int c = rpm_vercmp(x.version, y.version)) return c;
  if (x.release && y.release) return rpm_vercmp(*x.release, *y.release);
  return 0;
}

}  // namespace vern::vulndb
