// How libyaml reads a stream that is already in memory. Internal to src/yaml.
//
// libyaml decodes its input character by character into its own buffer
// before scanning it (yaml_parser_update_buffer): for UTF-8 input that is a
// validated copy, and it took about a seventh of a scan's instructions (some
// 30 per byte). Where libyaml is linked from its static archive, the linker
// sends the scanner's calls of that function here (--wrap): for a stream set
// with set_input and encoded in UTF-8 (with or without a byte order mark),
// runs of printable ASCII are copied whole and only other bytes are decoded
// one by one. Everything else goes to libyaml's own function.
//
// The promise: the parser sees exactly what libyaml's reader gives it: the
// same characters, the same chunks (a stream is decoded in the same windows
// of libyaml's raw buffer size, so an invalid byte stops the parse at the
// same event), and the same errors with the same problem, offset and value.
#pragma once

#include <yaml.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace vern::yaml {

// A stream in memory as libyaml reads it. Its fields are the reader's own.
struct ReaderInput {
  const unsigned char* start = nullptr;
  const unsigned char* current = nullptr;  // the next byte not yet read
  const unsigned char* end = nullptr;
  const unsigned char* raw = nullptr;  // the first byte read but not yet decoded
};

// Points `parser` (initialised, with no input yet) at `text`, through
// `input`; both must outlive the parse. Equivalent to
// yaml_parser_set_input_string, with the reader above where this build has it.
void set_input(yaml_parser_t& parser, ReaderInput& input, std::string_view text);

// The line and column (0-based, in characters) of byte `offset` of `text`,
// counted as libyaml counts its marks: a line ends at LF, CR, CR LF, NEL,
// LS or PS. For reader errors, which libyaml gives as an offset only.
yaml_mark_t mark_at(std::string_view text, std::size_t offset);

// A reader error's problem with the byte or character it is about, such as
// "control characters are not allowed (U+0007)".
std::string reader_problem(const yaml_parser_t& parser);

// Whether this build decodes UTF-8 streams with the reader above.
bool fast_reader_enabled();

}  // namespace vern::yaml
