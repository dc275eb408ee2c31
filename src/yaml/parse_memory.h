// Memory for libyaml while it parses one stream.
//
// libyaml allocates and frees several small blocks for every token (a
// scalar's text, its line breaks and spaces, each event's copy of them):
// about 1,200 malloc/free pairs for a 5 KB manifest, a fifth of the time its
// parser takes. vern links libyaml statically and routes that library's
// malloc, realloc and free here (the linker's --wrap): inside a
// ParseMemoryScope they are bumped from a region of the calling thread, and
// the scope's end empties the region in one step; outside any scope, past
// the region's size or in a build without the region (sanitizers, fuzzing,
// a libyaml without its static archive) they go to the system allocator.
//
// The promise callers keep: everything libyaml allocates inside a scope is
// freed (yaml_parser_delete, yaml_event_delete) before the scope ends, on the
// same thread. The loader copies what it keeps into its own nodes.
#pragma once

#include <cstddef>

namespace vern::yaml {

class ParseMemoryScope {
 public:
  ParseMemoryScope();
  ~ParseMemoryScope();
  ParseMemoryScope(const ParseMemoryScope&) = delete;
  ParseMemoryScope& operator=(const ParseMemoryScope&) = delete;
};

// Whether this build routes libyaml's allocations through the region.
bool parse_memory_enabled();

// Whether `p` was handed out from the calling thread's region.
bool in_parse_memory(const void* p);

// Bytes of the calling thread's region in use (0 outside a scope).
std::size_t parse_memory_used();

}  // namespace vern::yaml
