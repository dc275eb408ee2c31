// Bounded file reading: untrusted input is never read past a limit.
#pragma once

#include <cstddef>
#include <string>

#include "util/result.h"

namespace vern {

// The whole content of the regular file at `path`, or an error when it cannot
// be read (not_found / permission_denied / failed) or is larger than
// `max_bytes` (limit_exceeded). The error's file is set to `path`.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes);

}  // namespace vern
