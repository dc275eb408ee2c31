#include "sources/shell/source_text.h"

#include <algorithm>

namespace vern::shell {

SourceText SourceText::whole(std::string_view content, Location start) {
  SourceText out;
  out.append(content, start);
  return out;
}

void SourceText::append(std::string_view piece, Location start) {
  Location loc = start;
  std::size_t pos = 0;
  while (pos < piece.size()) {
    std::size_t nl = piece.find('\n', pos);
    std::size_t stop = nl == std::string_view::npos ? piece.size() : nl + 1;
    m_segments.push_back(Segment{m_text.size(), loc, false});
    m_text.append(piece.substr(pos, stop - pos));
    pos = stop;
    loc = Location{loc.line + 1, 1};
  }
}

void SourceText::append_synthetic(std::string_view piece) {
  if (piece.empty()) return;
  Location loc = m_text.empty() ? Location{} : at(m_text.size() - 1);
  m_segments.push_back(Segment{m_text.size(), loc, true});
  m_text.append(piece);
}

SourceText SourceText::slice(std::size_t begin, std::size_t end) const {
  SourceText out;
  end = std::min(end, m_text.size());
  if (begin >= end) return out;
  out.m_text = m_text.substr(begin, end - begin);
  auto it = std::upper_bound(m_segments.begin(), m_segments.end(), begin,
                             [](std::size_t o, const Segment& s) { return o < s.offset; });
  if (it != m_segments.begin()) --it;
  for (; it != m_segments.end() && it->offset < end; ++it) {
    Segment seg = *it;
    if (seg.offset < begin) {
      if (!seg.synthetic) seg.start.column += int(begin - seg.offset);
      seg.offset = begin;
    }
    seg.offset -= begin;
    out.m_segments.push_back(seg);
  }
  return out;
}

Location SourceText::at(std::size_t offset) const {
  if (m_segments.empty()) return {};
  if (offset >= m_text.size()) offset = m_text.empty() ? 0 : m_text.size() - 1;
  auto it = std::upper_bound(m_segments.begin(), m_segments.end(), offset,
                             [](std::size_t o, const Segment& s) { return o < s.offset; });
  if (it != m_segments.begin()) --it;
  if (it->synthetic) return it->start;
  return Location{it->start.line, it->start.column + int(offset - it->offset)};
}

}  // namespace vern::shell
