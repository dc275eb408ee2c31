#include "sources/dockerfile/words.h"

namespace vern::dockerfile {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

class Expander {
 public:
  Expander(std::string_view s, const Vars& vars, char escape, int depth)
      : m_s(s), m_vars(vars), m_escape(escape), m_depth(depth) {}

  Expanded run() {
    char quote = 0;
    while (m_i < m_s.size()) {
      char c = m_s[m_i];
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          m_out.text += c;
        }
        ++m_i;
      } else if (c == m_escape && m_i + 1 < m_s.size()) {
        char n = m_s[m_i + 1];
        // Inside double quotes only $, ", the escape and newline are escapable.
        if (quote == '"' && n != '$' && n != '"' && n != m_escape) m_out.text += c;
        m_out.text += n;
        m_i += 2;
      } else if (c == '"' || (c == '\'' && !quote)) {
        quote = quote == c ? 0 : (quote ? quote : c);
        ++m_i;
      } else if (c == '$') {
        dollar();
      } else {
        m_out.text += c;
        ++m_i;
      }
    }
    return m_out;
  }

 private:
  // The value of `name`; nullopt when unknown.
  std::optional<std::string> lookup(std::string_view name) const {
    auto it = m_vars.find(name);
    if (it == m_vars.end()) return std::nullopt;
    return it->second;
  }

  void unknown(std::string_view raw) {
    m_out.resolved = false;
    m_out.text += raw;
  }

  void dollar() {
    std::size_t start = m_i;
    ++m_i;
    if (m_i < m_s.size() && m_s[m_i] == '{') {
      std::size_t close = m_i + 1;
      int level = 1;
      for (; close < m_s.size(); ++close) {
        if (m_s[close] == '{') ++level;
        if (m_s[close] == '}' && --level == 0) break;
      }
      std::string_view inner = m_s.substr(m_i + 1, close - m_i - 1);
      m_i = close < m_s.size() ? close + 1 : close;
      std::string_view raw = m_s.substr(start, m_i - start);
      std::size_t n = 0;
      while (n < inner.size() && name_char(inner[n])) ++n;
      std::string_view name = inner.substr(0, n);
      std::string_view op = inner.substr(n);
      std::optional<std::string> v = lookup(name);
      bool colon = !op.empty() && op[0] == ':';
      if (colon) op.remove_prefix(1);
      if (op.empty()) {
        if (v) {
          m_out.text += *v;
        } else {
          unknown(raw);
        }
        return;
      }
      char kind = op[0];
      std::string_view word = op.substr(1);
      bool set = v.has_value() && (!colon || !v->empty());
      if (kind == '-') {
        if (set) {
          m_out.text += *v;
        } else {
          nested(word);
        }
      } else if (kind == '+') {
        if (set) nested(word);
        if (!v) unknown("");
      } else {
        if (set) {
          m_out.text += *v;
        } else {
          unknown(raw);
        }
      }
      return;
    }
    std::size_t n = m_i;
    while (n < m_s.size() && name_char(m_s[n])) ++n;
    if (n == m_i || !name_start(m_s[m_i])) {
      m_out.text += '$';
      return;
    }
    std::string_view name = m_s.substr(m_i, n - m_i);
    m_i = n;
    if (auto v = lookup(name); v) {
      m_out.text += *v;
    } else {
      unknown(m_s.substr(start, n - start));
    }
  }

  void nested(std::string_view word) {
    if (m_depth > 8) {
      unknown(word);
      return;
    }
    Expanded e = Expander(word, m_vars, m_escape, m_depth + 1).run();
    m_out.text += e.text;
    m_out.resolved = m_out.resolved && e.resolved;
  }

  std::string_view m_s;
  const Vars& m_vars;
  char m_escape;
  int m_depth;
  std::size_t m_i = 0;
  Expanded m_out;
};

}  // namespace

std::vector<RawWord> split_words(const shell::SourceText& text, char escape) {
  std::vector<RawWord> out;
  const std::string& s = text.text();
  std::size_t k = 0;
  while (k < s.size()) {
    while (k < s.size() && blank(s[k])) ++k;
    if (k >= s.size()) break;
    RawWord w;
    w.where = text.at(k);
    char quote = 0;
    while (k < s.size() && (quote || !blank(s[k]))) {
      char c = s[k];
      if (c == escape && quote != '\'' && k + 1 < s.size()) {
        w.text += c;
        w.text += s[k + 1];
        k += 2;
        continue;
      }
      if (quote && c == quote) {
        quote = 0;
      } else if (!quote && (c == '"' || c == '\'')) {
        quote = c;
      }
      w.text += c;
      ++k;
    }
    out.push_back(std::move(w));
  }
  return out;
}

Expanded process_word(std::string_view raw, const Vars& vars, char escape) {
  return Expander(raw, vars, escape, 0).run();
}

}  // namespace vern::dockerfile
