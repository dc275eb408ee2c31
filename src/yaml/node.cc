#include "yaml/node.h"

#include <cstdlib>

namespace vern::yaml {

bool Node::is_null() const {
  if (m_kind != Kind::scalar || !m_plain) return false;
  return m_text.empty() || m_text == "~" || m_text == "null" || m_text == "Null" ||
         m_text == "NULL";
}

std::optional<bool> Node::as_bool(bool yaml11) const {
  if (m_kind != Kind::scalar || !m_plain) return std::nullopt;
  const std::string& t = m_text;
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  if (yaml11) {
    if (t == "yes" || t == "Yes" || t == "YES" || t == "on" || t == "On" || t == "ON" || t == "y" ||
        t == "Y") {
      return true;
    }
    if (t == "no" || t == "No" || t == "NO" || t == "off" || t == "Off" || t == "OFF" || t == "n" ||
        t == "N") {
      return false;
    }
  }
  return std::nullopt;
}

std::optional<std::int64_t> Node::as_int() const {
  if (m_kind != Kind::scalar || m_text.empty() || m_text.size() > 19) return std::nullopt;
  size_t i = 0;
  bool negative = false;
  if (m_text[0] == '+' || m_text[0] == '-') {
    negative = m_text[0] == '-';
    i = 1;
  }
  if (i == m_text.size()) return std::nullopt;
  std::int64_t value = 0;
  for (; i < m_text.size(); ++i) {
    char c = m_text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

const Node::Entry* Node::find(std::string_view key) const {
  for (const Entry& e : m_entries) {
    if (e.key->m_kind == Kind::scalar && e.key->m_text == key) return &e;
  }
  return nullptr;
}

const Node* Node::get(std::string_view key) const {
  const Entry* e = find(key);
  return e ? e->value : nullptr;
}

}  // namespace vern::yaml
