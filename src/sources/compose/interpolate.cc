#include "sources/compose/interpolate.h"

#include <cctype>

#include "sources/short_syntax.h"

namespace vern::compose {

namespace {
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::optional<std::string> expand(std::string_view text, bool keep_empty) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '$') {
      out += c;
      continue;
    }
    if (i + 1 >= text.size()) {
      out += c;  // a trailing '$' is kept as is
      continue;
    }
    char n = text[i + 1];
    if (n == '$') {
      out += '$';
      ++i;
      continue;
    }
    if (n == '{') {
      size_t close = closing_brace(text, i + 2);
      if (close == std::string_view::npos) return std::nullopt;
      std::string_view body = text.substr(i + 2, close - i - 2);
      size_t op = 0;
      while (op < body.size() && name_char(body[op])) ++op;
      std::string_view rest = body.substr(op);
      std::string_view def;
      if (rest.starts_with(":-")) {
        def = rest.substr(2);
      } else if (rest.starts_with("-")) {
        def = rest.substr(1);
      } else {
        return std::nullopt;  // ${VAR}, ${VAR:?err}, ${VAR:+alt}
      }
      // A default may itself hold variables with defaults (`${A:-${B:-x}}`).
      std::optional<std::string> value = expand(def, keep_empty);
      if (!value || (value->empty() && !keep_empty)) return std::nullopt;
      out += *value;
      i = close;
      continue;
    }
    if (name_char(n)) return std::nullopt;  // $VAR
    out += c;
  }
  return out;
}
}  // namespace

std::optional<std::string> interpolate(std::string_view text) { return expand(text, false); }

std::optional<std::string> interpolate_keeping_empty(std::string_view text) {
  return expand(text, true);
}

}  // namespace vern::compose
