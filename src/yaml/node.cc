#include "yaml/node.h"

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace vern::yaml {

bool Node::is_null() const {
  if (m_kind != Kind::scalar || !m_plain) return false;
  std::string_view t = text();
  return t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL";
}

std::optional<bool> Node::as_bool(bool yaml11) const {
  // An explicit `!!bool` makes even a quoted scalar a boolean, as YAML
  // decoders (Kubernetes' included) read `hostNetwork: !!bool "true"`.
  if (m_kind != Kind::scalar || (!m_plain && tag() != "tag:yaml.org,2002:bool")) {
    return std::nullopt;
  }
  std::string_view t = text();
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
  std::string_view t = text();
  if (t.empty() || t.size() > 20) return std::nullopt;
  bool plus = t[0] == '+';
  if (plus) t.remove_prefix(1);
  if (t.empty() || (plus && t[0] == '-')) return std::nullopt;
  // from_chars checks the digits and rejects values beyond 64 bits.
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return value;
}

const Node::Entry* Node::find(std::string_view key) const {
  // key_size matches only scalar keys, whose m_data is their text.
  for (const Entry& e : entries()) {
    if (e.key_size == key.size() &&
        (key.empty() || std::memcmp(e.key->m_data, key.data(), key.size()) == 0)) {
      return &e;
    }
  }
  return nullptr;
}

const Node* Node::get(std::string_view key) const {
  const Entry* e = find(key);
  return e ? e->value : nullptr;
}

}  // namespace vern::yaml
