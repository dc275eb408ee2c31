// Secret-like names, as rules.md defines them for secret-in-env and
// secret-in-build-arg: the name contains PASSWORD, PASSWD, SECRET, TOKEN,
// API_KEY, APIKEY, ACCESS_KEY, PRIVATE_KEY or CREDENTIAL (any case) and does not
// end in _FILE, _PATH or _URL (those point at a secret instead of holding it).
#pragma once

#include <string_view>

namespace vern {

bool secret_like_name(std::string_view name);

}  // namespace vern
