#include "rules/secret_names.h"

#include <array>
#include <string>

namespace vern {

bool secret_like_name(std::string_view name) {
  static constexpr std::array<std::string_view, 9> k_words = {
      "PASSWORD", "PASSWD",     "SECRET",      "TOKEN",     "API_KEY",
      "APIKEY",   "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL"};
  // Every environment variable of every container comes here: names are
  // upper-cased (ASCII, as the words are) on the stack when they fit.
  auto upper = [](char c) { return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c; };
  char small[64];
  std::string large;
  char* out = small;
  if (name.size() > sizeof small) {
    large.resize(name.size());
    out = large.data();
  }
  for (std::size_t i = 0; i < name.size(); ++i) out[i] = upper(name[i]);
  std::string_view n(out, name.size());
  if (n.ends_with("_FILE") || n.ends_with("_PATH") || n.ends_with("_URL")) return false;
  for (std::string_view w : k_words) {
    if (n.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace vern
