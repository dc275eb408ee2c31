// Docker's colon-separated short syntaxes, shared by `docker run` lines,
// Dockerfiles and Compose: `-p`/`ports:` (`[ip:][host:]container[/proto]`)
// and `-v`/`volumes:` (`source:target[:mode]`). Values may hold `${...}`
// variables, whose defaults may hold colons.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace vern {

// The position of the '}' that closes the `${` whose body starts at `from`,
// counting nested `${...}`; npos when it is not closed.
std::size_t closing_brace(std::string_view text, std::size_t from);

// The parts of `s` split on ':' outside `${...}` (whose `:-` is not a
// separator) and outside `[...]` (an IPv6 address).
std::vector<std::string_view> split_colons(std::string_view s);

// A port mapping split as Docker splits it: the last part is the container
// port, the one before it the host port, everything before those the address
// (so a bare IPv6 address, `::1:80:80`, keeps its colons). Each part is a
// view of the spec; absent parts are empty.
struct PortSpecParts {
  std::string_view ip;  // as written, brackets included
  std::string_view host;
  std::string_view container;
  std::string_view protocol;  // after the last '/' outside a variable
};
PortSpecParts split_port_spec(std::string_view spec);

// `ip` without the brackets of `[::1]`.
std::string_view unbracket(std::string_view ip);

// "80" or "8000-8010" into [first, last]; false unless both are ports
// (0-65535) and first <= last.
bool parse_port_range(std::string_view s, int& first, int& last);

}  // namespace vern
