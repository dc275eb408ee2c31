// SourceText: text assembled from pieces of a file (a whole script, the lines of
// a continued Dockerfile instruction, a YAML block scalar) that still knows the
// file position of every character, so tokens found in it point at the file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/located.h"

namespace vern::shell {

class SourceText {
 public:
  SourceText() = default;
  // The whole of `content`, its first character at `start`.
  static SourceText whole(std::string_view content, Location start = {1, 1});

  // Appends `piece`, whose first character is at `start`. Newlines inside the
  // piece move to the next line at column 1.
  void append(std::string_view piece, Location start);
  // Appends text that is not in the file (a joining space); it takes the
  // position of the character before it.
  void append_synthetic(std::string_view piece);

  // The characters [begin, end) with their positions.
  SourceText slice(std::size_t begin, std::size_t end) const;

  const std::string& text() const { return m_text; }
  std::size_t size() const { return m_text.size(); }
  // The file position of the character at `offset` (clamped to the text).
  Location at(std::size_t offset) const;

 private:
  struct Segment {
    std::size_t offset;  // first character in m_text
    Location start;      // its file position
    bool synthetic;
  };
  std::string m_text;
  std::vector<Segment> m_segments;  // sorted by offset; each lies within one line
};

}  // namespace vern::shell
