#include "rules/secret_names.h"

#include <array>
#include <cctype>
#include <string>

namespace vern {

bool secret_like_name(std::string_view name) {
  static constexpr std::array<std::string_view, 9> k_words = {
      "PASSWORD", "PASSWD",     "SECRET",      "TOKEN",     "API_KEY",
      "APIKEY",   "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL"};
  std::string n(name);
  for (char& c : n) c = char(std::toupper(static_cast<unsigned char>(c)));
  if (n.ends_with("_FILE") || n.ends_with("_PATH") || n.ends_with("_URL")) return false;
  for (std::string_view w : k_words) {
    if (n.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace vern
