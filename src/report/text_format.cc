#include "report/text_format.h"

#include <algorithm>
#include <vector>

namespace vern {

namespace {

// Length in bytes of the UTF-8 sequence at s[i], and whether it is a valid,
// shortest-form encoding; an invalid byte counts as a sequence of its own.
struct CodePoint {
  size_t length = 1;
  char32_t value = 0;
  bool valid = false;
};

CodePoint decode(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return {1, b0, true};
  size_t n = 0;
  char32_t v = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2, v = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3, v = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4, v = b0 & 0x07, min = 0x10000;
  } else {
    return {1, b0, false};
  }
  if (i + n > s.size()) return {1, b0, false};
  for (size_t k = 1; k < n; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return {1, b0, false};
    v = (v << 6) | (b & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return {1, b0, false};
  return {n, v, true};
}

bool is_control(char32_t v) { return v < 0x20 || (v >= 0x7F && v <= 0x9F); }

std::string plural(int n, std::string_view one, std::string_view many) {
  std::string out = std::to_string(n);
  out += ' ';
  out += n == 1 ? one : many;
  return out;
}

}  // namespace

std::string printable(std::string_view text, bool keep_tabs) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    CodePoint cp = decode(text, i);
    if (cp.valid && cp.value == '\t') {
      out += keep_tabs ? '\t' : ' ';
    } else if (!cp.valid || is_control(cp.value)) {
      out += '?';
    } else {
      out.append(text.substr(i, cp.length));
    }
    i += cp.length;
  }
  return out;
}

Excerpt make_excerpt(std::string_view source_line, int column) {
  while (!source_line.empty() && (source_line.back() == '\n' || source_line.back() == '\r')) {
    source_line.remove_suffix(1);
  }
  std::vector<size_t> starts;  // byte offset of each character
  for (size_t i = 0; i < source_line.size(); i += decode(source_line, i).length) {
    starts.push_back(i);
  }
  size_t index = column > 1 ? std::min(size_t(column - 1), starts.size()) : 0;
  size_t at = index < starts.size() ? starts[index] : source_line.size();

  size_t begin = 0;
  size_t end = source_line.size();
  if (end > k_excerpt_max_bytes) {
    begin = at > k_excerpt_max_bytes / 2 ? at - k_excerpt_max_bytes / 2 : 0;
    begin = std::min(begin, source_line.size() - k_excerpt_max_bytes);
    end = begin + k_excerpt_max_bytes;
    // Move both ends inward onto character boundaries (the end of the line is one).
    std::vector<size_t> bounds = starts;
    bounds.push_back(source_line.size());
    begin = *std::lower_bound(bounds.begin(), bounds.end(), begin);
    end = *std::prev(std::upper_bound(bounds.begin(), bounds.end(), end));
  }

  Excerpt out;
  if (begin > 0) {
    out.line = "...";
    out.caret = "   ";
  }
  std::string_view window = source_line.substr(begin, end - begin);
  out.line += printable(window, /*keep_tabs=*/true);
  for (size_t i = begin; i < at && i < end; i += decode(source_line, i).length) {
    out.caret += source_line[i] == '\t' ? '\t' : ' ';
  }
  if (end < source_line.size()) out.line += "...";
  out.caret += '^';
  return out;
}

std::string location_label(const Finding& finding) {
  if (!finding.file.empty() && finding.where.known()) {
    std::string out = printable(finding.file);
    out += ':' + std::to_string(finding.where.line);
    if (finding.where.column > 0) out += ':' + std::to_string(finding.where.column);
    return out;
  }
  if (!finding.object.empty()) return printable(finding.object);
  if (!finding.file.empty()) return printable(finding.file);
  return "-";
}

std::string summary_sentence(const Summary& summary) {
  std::string out;
  int total = summary.total();
  if (total == 0) {
    out = "no findings";
  } else {
    out = plural(total, "finding", "findings") + " (";
    bool first = true;
    for (int s = 4; s >= 0; --s) {
      if (summary.counts[s] == 0) continue;
      if (!first) out += ", ";
      first = false;
      out += std::to_string(summary.counts[s]) + ' ';
      out += severity_name(static_cast<Severity>(s));
    }
    out += ')';
  }
  out += " in " + plural(summary.files_scanned, "file", "files");
  if (summary.errors > 0) out += "; " + plural(summary.errors, "error", "errors");
  if (summary.suppressed > 0) out += "; " + std::to_string(summary.suppressed) + " suppressed";
  return out;
}

}  // namespace vern
