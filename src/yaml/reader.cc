#include "yaml/reader.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vern::yaml {

namespace {

// What libyaml's string handler does, from `input`.
int read_input(void* data, unsigned char* buffer, std::size_t size, std::size_t* size_read) {
  auto* in = static_cast<ReaderInput*>(data);
  std::size_t n = std::min(size, std::size_t(in->end - in->current));
  if (n > 0) std::memcpy(buffer, in->current, n);
  in->current += n;
  *size_read = n;
  return 1;
}

}  // namespace

void set_input(yaml_parser_t& parser, ReaderInput& input, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  input = ReaderInput{p, p, p + text.size(), p};
  yaml_parser_set_input(&parser, read_input, &input);
}

yaml_mark_t mark_at(std::string_view text, std::size_t offset) {
  yaml_mark_t mark{};
  offset = std::min(offset, text.size());
  auto at = [&](std::size_t i, const char* bytes) {
    return text.compare(i, std::strlen(bytes), bytes) == 0;
  };
  // A byte order mark at the start is not a character of the stream.
  std::size_t i = at(0, "\xEF\xBB\xBF") ? 3 : 0;
  while (i < offset) {
    std::size_t width = 0;
    if (at(i, "\r\n")) {
      width = 2;
    } else if (text[i] == '\n' || text[i] == '\r') {
      width = 1;
    } else if (at(i, "\xC2\x85")) {
      width = 2;
    } else if (at(i, "\xE2\x80\xA8") || at(i, "\xE2\x80\xA9")) {
      width = 3;
    }
    if (width > 0) {
      ++mark.line;
      mark.column = 0;
      i += width;
      continue;
    }
    // A column per character: UTF-8 continuation bytes add none.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++mark.column;
    ++i;
  }
  mark.index = offset;
  return mark;
}

std::string reader_problem(const yaml_parser_t& parser) {
  std::string text = parser.problem ? parser.problem : "invalid input";
  if (parser.problem_value < 0) return text;
  char value[32];
  // Octet problems carry the byte; the others the character.
  if (text.find("octet") != std::string::npos) {
    std::snprintf(value, sizeof value, " (byte 0x%02X)", unsigned(parser.problem_value));
  } else {
    std::snprintf(value, sizeof value, " (U+%04X)", unsigned(parser.problem_value));
  }
  return text + value;
}

#if VERN_YAML_READER

bool fast_reader_enabled() { return true; }

}  // namespace vern::yaml

extern "C" {
int __real_yaml_parser_update_buffer(yaml_parser_t* parser, std::size_t length);
int __wrap_yaml_parser_update_buffer(yaml_parser_t* parser, std::size_t length);
}

namespace vern::yaml {

namespace {

// libyaml's limit on a stream's length (MAX_FILE_SIZE in its sources).
constexpr std::size_t k_max_stream_bytes = ~std::size_t{0} / 2;

int reader_error(yaml_parser_t& p, const char* problem, std::size_t offset, int value) {
  p.error = YAML_READER_ERROR;
  p.problem = problem;
  p.problem_offset = offset;
  p.problem_value = value;
  return 0;
}

bool starts_with_utf16_bom(const ReaderInput& in) {
  return in.end - in.start >= 2 && ((in.start[0] == 0xFF && in.start[1] == 0xFE) ||
                                    (in.start[0] == 0xFE && in.start[1] == 0xFF));
}

// Reads the next piece of the input into the raw window [raw, current), as
// libyaml fills its raw buffer: up to that buffer's size, and the end of the
// stream once a read finds nothing left.
void read_more(yaml_parser_t& p, ReaderInput& in) {
  const std::size_t capacity = std::size_t(p.raw_buffer.end - p.raw_buffer.start);
  const std::size_t held = std::size_t(in.current - in.raw);
  if (held == capacity || p.eof) return;
  const std::size_t n = std::min(capacity - held, std::size_t(in.end - in.current));
  in.current += n;
  if (n == 0) p.eof = 1;
}

enum class Step { character, incomplete, error };

// Checks the character at `s` (not a plain byte) as libyaml's reader does,
// with `available` bytes read from `s` on and `offset` the stream offset of
// `s`; sets `width` when it is a character YAML allows.
Step check_character(yaml_parser_t& p, const unsigned char* s, std::size_t available,
                     std::size_t offset, unsigned& width) {
  const unsigned char lead = s[0];
  width = (lead & 0x80) == 0x00   ? 1
          : (lead & 0xE0) == 0xC0 ? 2
          : (lead & 0xF0) == 0xE0 ? 3
          : (lead & 0xF8) == 0xF0 ? 4
                                  : 0;
  if (width == 0) {
    reader_error(p, "invalid leading UTF-8 octet", offset, lead);
    return Step::error;
  }
  if (width > available) {
    if (!p.eof) return Step::incomplete;
    reader_error(p, "incomplete UTF-8 octet sequence", offset, -1);
    return Step::error;
  }
  unsigned value = width == 1   ? lead
                   : width == 2 ? lead & 0x1Fu
                   : width == 3 ? lead & 0x0Fu
                                : lead & 0x07u;
  for (unsigned k = 1; k < width; ++k) {
    if ((s[k] & 0xC0) != 0x80) {
      reader_error(p, "invalid trailing UTF-8 octet", offset + k, s[k]);
      return Step::error;
    }
    value = (value << 6) + (s[k] & 0x3Fu);
  }
  if (!(width == 1 || (width == 2 && value >= 0x80) || (width == 3 && value >= 0x800) ||
        (width == 4 && value >= 0x10000))) {
    reader_error(p, "invalid length of a UTF-8 sequence", offset, -1);
    return Step::error;
  }
  if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
    reader_error(p, "invalid Unicode character", offset, int(value));
    return Step::error;
  }
  // Printable ASCII, tab, line feed and carriage return never come here, so
  // of the one-byte characters only the disallowed remain; the ranges are YAML's printable set.
  if (!(width > 1 && (value == 0x85 || (value >= 0xA0 && value <= 0xD7FF) ||
                      (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000))) {
    reader_error(p, "control characters are not allowed", offset, int(value));
    return Step::error;
  }
  return Step::character;
}

// Copies the bytes from `s` on that are printable ASCII or line feeds (most
// of a manifest) to `out`, up to `end` or the first other byte.
void copy_printable(const unsigned char*& s, const unsigned char* end, unsigned char*& out) {
#if defined(__SSE2__)
  // Sixteen at a time; the parser's buffer has room for the whole window,
  // so a block stored past the first other byte stays inside it.
  const __m128i below = _mm_set1_epi8(0x1F);
  const __m128i above = _mm_set1_epi8(0x7F);
  const __m128i lf = _mm_set1_epi8('\n');
  while (end - s >= 16) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
    // Signed compares: bytes from 0x80 are negative, so not above 0x1F.
    const __m128i ok = _mm_or_si128(
        _mm_and_si128(_mm_cmpgt_epi8(b, below), _mm_cmplt_epi8(b, above)), _mm_cmpeq_epi8(b, lf));
    const unsigned mask = unsigned(_mm_movemask_epi8(ok));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), b);
    if (mask != 0xFFFF) {
      const int n = __builtin_ctz(~mask);
      s += n;
      out += n;
      return;
    }
    s += 16;
    out += 16;
  }
#endif
  while (s != end && (*s == '\n' || (*s >= 0x20 && *s < 0x7F))) *out++ = *s++;
}

// Moves what has been read into the parser's buffer, up to the last complete
// character; valid UTF-8 decodes to the same bytes, so characters are copied.
int decode(yaml_parser_t& p, ReaderInput& in) {
  const unsigned char* s = in.raw;
  const unsigned char* const end = in.current;
  unsigned char* out = p.buffer.last;
  // The parser's buffer is three times the raw window (room for any
  // encoding), so a window always fits; checked rather than assumed.
  if (std::size_t(end - s) >= std::size_t(p.buffer.end - out)) {
    return reader_error(p, "input error", p.offset, -1);
  }
  std::size_t chars = 0;
  int ok = 1;
  while (s != end) {
    const unsigned char* run = s;
    copy_printable(s, end, out);
    chars += std::size_t(s - run);
    if (s == end) break;
    // The other one-byte characters YAML allows: copied without decoding.
    if (*s == '\t' || *s == '\r') {
      *out++ = *s++;
      ++chars;
      continue;
    }
    unsigned width = 0;
    Step step =
        check_character(p, s, std::size_t(end - s), p.offset + std::size_t(s - in.raw), width);
    if (step == Step::error) ok = 0;
    if (step != Step::character) break;
    std::memcpy(out, s, width);
    out += width;
    s += width;
    ++chars;
  }
  p.offset += std::size_t(s - in.raw);
  in.raw = s;
  p.buffer.last = out;
  p.unread += chars;
  return ok;
}

// yaml_parser_update_buffer for a UTF-8 stream read through set_input.
int update_buffer(yaml_parser_t& p, ReaderInput& in, std::size_t length) {
  if (p.eof && in.raw == in.current) return 1;
  if (p.unread >= length) return 1;
  if (p.encoding == YAML_ANY_ENCODING) {
    while (!p.eof && in.current - in.raw < 3) read_more(p, in);
    if (in.current - in.raw >= 3 && std::memcmp(in.raw, "\xEF\xBB\xBF", 3) == 0) {
      in.raw += 3;
      p.offset += 3;
    }
    p.encoding = YAML_UTF8_ENCODING;
  }
  // The characters not yet scanned go to the front of the buffer.
  if (p.buffer.start < p.buffer.pointer && p.buffer.pointer < p.buffer.last) {
    const std::size_t size = std::size_t(p.buffer.last - p.buffer.pointer);
    std::memmove(p.buffer.start, p.buffer.pointer, size);
    p.buffer.pointer = p.buffer.start;
    p.buffer.last = p.buffer.start + size;
  } else if (p.buffer.pointer == p.buffer.last) {
    p.buffer.pointer = p.buffer.start;
    p.buffer.last = p.buffer.start;
  }
  bool first = true;
  while (p.unread < length) {
    if (!first || in.raw == in.current) read_more(p, in);
    first = false;
    if (!decode(p, in)) return 0;
    if (p.eof) {
      *p.buffer.last++ = '\0';
      ++p.unread;
      return 1;
    }
  }
  if (p.offset >= k_max_stream_bytes) return reader_error(p, "input is too long", p.offset, -1);
  return 1;
}

}  // namespace

}  // namespace vern::yaml

extern "C" int __wrap_yaml_parser_update_buffer(yaml_parser_t* parser, std::size_t length) {
  using vern::yaml::ReaderInput;
  if (parser->read_handler == vern::yaml::read_input) {
    auto& in = *static_cast<ReaderInput*>(parser->read_handler_data);
    if (parser->encoding == YAML_UTF8_ENCODING ||
        (parser->encoding == YAML_ANY_ENCODING && !vern::yaml::starts_with_utf16_bom(in))) {
      return vern::yaml::update_buffer(*parser, in, length);
    }
  }
  return __real_yaml_parser_update_buffer(parser, length);
}

#else

bool fast_reader_enabled() { return false; }

}  // namespace vern::yaml

#endif
