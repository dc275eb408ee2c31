#include "vulndb/json_fields.h"

namespace vern::vulndb {

Result<nlohmann::json> parse_json(std::string_view text, std::string_view name) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.byte >= text.size() ? "truncated JSON (unexpected end of input)"
                                             : "invalid JSON at byte " + std::to_string(e.byte);
    return Error::invalid(std::string(name) + ": " + what);
  }
}

const nlohmann::json* member(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string string_member(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = member(j, key);
  return m && m->is_string() ? m->get<std::string>() : std::string();
}

bool clean_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

std::string first_line(std::string_view s) {
  std::size_t nl = s.find_first_of("\r\n");
  if (nl != std::string_view::npos) s = s.substr(0, nl);
  if (s.size() > 200) {
    // Cut before a UTF-8 continuation byte, never inside a character.
    std::size_t n = 200;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s = s.substr(0, n);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace vern::vulndb
