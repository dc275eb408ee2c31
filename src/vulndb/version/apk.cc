#include "vulndb/version/apk.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace vern::vulndb {

namespace {

// Token kinds in the order a version may hold them; the order is used both to
// reject tokens out of place and to rank versions that differ in shape.
enum class Tok : std::uint8_t {
  initial_digit,
  digit,
  letter,
  suffix,
  suffix_no,
  commit_hash,
  revision_no,
  end,
  invalid,
};

// Suffix ranks; `none` is the pivot between pre- and post-release.
enum Suffix : std::uint8_t {
  s_invalid,
  s_alpha,
  s_beta,
  s_pre,
  s_rc,
  s_none,
  s_cvs,
  s_svn,
  s_git,
  s_hg,
  s_p
};

Suffix suffix_rank(std::string_view s) {
  static constexpr struct {
    std::string_view name;
    Suffix rank;
  } k_suffixes[] = {{"alpha", s_alpha}, {"beta", s_beta}, {"pre", s_pre},
                    {"rc", s_rc},       {"cvs", s_cvs},   {"svn", s_svn},
                    {"git", s_git},     {"hg", s_hg},     {"p", s_p}};
  for (const auto& e : k_suffixes) {
    if (e.name == s) return e.rank;
  }
  return s_invalid;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

struct Token {
  Tok kind = Tok::initial_digit;
  Suffix suffix = s_invalid;
  std::uint64_t number = 0;  // wraps like apk's on absurdly long runs
  std::string_view text;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view v) : m_rest(v) {
    m_tok.kind = Tok::initial_digit;
    take_digits();
  }
  const Token& token() const { return m_tok; }

  void next() {
    if (m_rest.empty()) {
      m_tok.kind = Tok::end;
      return;
    }
    const Tok prev = m_tok.kind;
    const char c = m_rest.front();
    if (is_lower(c)) {
      if (prev > Tok::digit) return invalid();
      m_tok.text = m_rest.substr(0, 1);
      m_tok.kind = Tok::letter;
      m_rest.remove_prefix(1);
    } else if (c == '.' || is_digit(c)) {
      if (c == '.') {
        if (prev > Tok::digit) return invalid();
        m_rest.remove_prefix(1);
      }
      if (prev == Tok::initial_digit || prev == Tok::digit) {
        m_tok.kind = Tok::digit;
      } else if (prev == Tok::suffix) {
        m_tok.kind = Tok::suffix_no;
      } else {
        return invalid();
      }
      take_digits();
    } else if (c == '_') {
      if (prev > Tok::suffix_no) return invalid();
      m_rest.remove_prefix(1);
      m_tok.text = span(is_lower);
      m_tok.suffix = suffix_rank(m_tok.text);
      if (m_tok.suffix == s_invalid) return invalid();
      m_tok.kind = Tok::suffix;
    } else if (c == '~') {
      if (prev >= Tok::commit_hash) return invalid();
      m_rest.remove_prefix(1);
      m_tok.text = span(is_hex);
      if (m_tok.text.empty()) return invalid();
      m_tok.kind = Tok::commit_hash;
    } else if (c == '-') {
      if (prev >= Tok::revision_no || m_rest.size() < 2 || m_rest[1] != 'r') return invalid();
      m_rest.remove_prefix(2);
      m_tok.kind = Tok::revision_no;
      take_digits();
    } else {
      invalid();
    }
  }

 private:
  void invalid() { m_tok.kind = Tok::invalid; }

  std::string_view span(bool (*pred)(char)) {
    std::size_t n = 0;
    while (n < m_rest.size() && pred(m_rest[n])) ++n;
    std::string_view out = m_rest.substr(0, n);
    m_rest.remove_prefix(n);
    return out;
  }

  void take_digits() {
    m_tok.text = span(is_digit);
    m_tok.number = 0;
    for (char c : m_tok.text) m_tok.number = m_tok.number * 10 + std::uint64_t(c - '0');
    if (m_tok.text.empty()) invalid();
  }

  std::string_view m_rest;
  Token m_tok;
};

int three_way(std::uint64_t a, std::uint64_t b) { return (a > b) - (a < b); }

// Byte order, then length (apk_blob_sort).
int blob_sort(std::string_view a, std::string_view b) {
  std::size_t n = std::min(a.size(), b.size());
  int c = n ? std::memcmp(a.data(), b.data(), n) : 0;
  if (c != 0) return c < 0 ? -1 : 1;
  return three_way(a.size(), b.size());
}

// Compares two tokens of the same kind.
int token_compare(const Token& a, const Token& b) {
  switch (a.kind) {
    case Tok::digit:
      // A leading zero means the number is compared as text (Gentoo's rule).
      if (a.text.front() == '0' || b.text.front() == '0') return blob_sort(a.text, b.text);
      return three_way(a.number, b.number);
    case Tok::initial_digit:
    case Tok::suffix_no:
    case Tok::revision_no:
      return three_way(a.number, b.number);
    case Tok::letter:
      return three_way(std::uint8_t(a.text.front()), std::uint8_t(b.text.front()));
    case Tok::suffix:
      return three_way(a.suffix, b.suffix);
    default:
      return blob_sort(a.text, b.text);
  }
}

int compare(std::string_view a, std::string_view b, bool fuzzy) {
  Tokenizer ta(a), tb(b);
  while (ta.token().kind == tb.token().kind && ta.token().kind < Tok::end) {
    if (int c = token_compare(ta.token(), tb.token())) return c;
    ta.next();
    tb.next();
  }
  const Token& x = ta.token();
  const Token& y = tb.token();
  if (x.kind == y.kind) return 0;
  if (fuzzy && y.kind == Tok::end) return 0;
  // Same so far: the longer version is newer unless it goes on with a
  // pre-release suffix; otherwise the later kind of token is the older.
  if (x.kind == Tok::suffix && x.suffix < s_none) return -1;
  if (y.kind == Tok::suffix && y.suffix < s_none) return 1;
  return x.kind > y.kind ? -1 : 1;
}

}  // namespace

int apk_compare(std::string_view a, std::string_view b) { return compare(a, b, false); }

int apk_compare_fuzzy(std::string_view a, std::string_view b) { return compare(a, b, true); }

bool apk_valid(std::string_view v) {
  Tokenizer t(v);
  while (t.token().kind < Tok::end) t.next();
  return t.token().kind == Tok::end;
}

}  // namespace vern::vulndb
