// JSON reporter: the machine-readable contract of design.md.
//   {"findings": [...], "errors": [...], "summary": {...}, "unused_suppressions": [...]}
// Findings are written one per line as they arrive; errors are held until
// finish() because the findings array must close first. Unknown line/column
// are 0; an empty file is "" (live objects).
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <memory>
#include <string>
#include <vector>

#include "json/dump.h"
#include "report/reporters.h"

namespace vern {

namespace {

using Json = nlohmann::ordered_json;

// Length of the well-formed UTF-8 sequence at s[i] (a byte >= 0x80), or 0
// when it is not well-formed (overlong, surrogate, beyond U+10FFFF, cut short).
size_t utf8_length(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xbf) {
    unsigned c = at(k);
    return c >= lo && c <= hi;
  };
  unsigned c = at(i);
  if (c >= 0xc2 && c <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    unsigned lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    unsigned lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

// Appends `s` as a JSON string, byte for byte what dump_json writes for it:
// quotes, backslashes and control characters escaped, well-formed UTF-8 kept.
// Text with malformed UTF-8 (rare: it comes from odd input files) goes
// through dump_json itself for its replacement rules. Serialising findings
// through a JSON tree per finding dominated large scans before this.
// Bytes that go into a JSON string as they are: printable ASCII other than
// the quote and the backslash.
constexpr std::array<bool, 256> k_verbatim = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[size_t(c)] = c != '"' && c != '\\';
  return t;
}();

// Eight bytes at a time: true when none of them needs an escape or UTF-8
// checking (each is >= 0x20, < 0x80, and neither '"' nor '\\').
bool plain_word(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto zero_byte = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
  std::uint64_t below_space = (w - ones * 0x20) & ~w;  // high bit set where byte < 0x20
  std::uint64_t special =
      below_space | w | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'));
  return (special & highs) == 0;
}

// The end of the run of verbatim bytes starting at s[i].
size_t verbatim_run(std::string_view s, size_t i) {
#if defined(__SSE2__)
  // Sixteen bytes at a time where SSE2 is there (every x86-64): a signed
  // compare with 0x20 catches both control bytes and bytes >= 0x80.
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  while (i + 16 <= s.size()) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                     _mm_cmplt_epi8(v, space));
    if (int mask = _mm_movemask_epi8(special))
      return i + std::size_t(__builtin_ctz(unsigned(mask)));
    i += 16;
  }
#endif
  while (i + 8 <= s.size()) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (!plain_word(w)) break;
    i += 8;
  }
  while (i < s.size() && k_verbatim[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// Writes JSON text into a buffer its caller sized for the worst case, so each
// piece is a plain copy with no capacity check (a finding is about forty
// pieces; growing a std::string piece by piece cost a third of rendering).
// A JSON string of n bytes takes at most 6n + 2: each byte is copied, escaped
// as \u00XX, or (malformed UTF-8) replaced by U+FFFD's three bytes.
class Writer {
 public:
  explicit Writer(char* at) : m_at(at) {}

  static constexpr std::size_t string_bound(std::string_view s) { return 6 * s.size() + 2; }

  char* at() const { return m_at; }

  template <std::size_t N>
  void literal(const char (&text)[N]) {
    std::memcpy(m_at, text, N - 1);
    m_at += N - 1;
  }

  void raw(std::string_view text) {
    std::memcpy(m_at, text.data(), text.size());
    m_at += text.size();
  }

  void integer(int value) { m_at = std::to_chars(m_at, m_at + 12, value).ptr; }

  // `s` as a JSON string, byte for byte what dump_json writes for it:
  // quotes, backslashes and control characters escaped, well-formed UTF-8
  // kept. Text with malformed UTF-8 (rare: it comes from odd input files)
  // goes through dump_json itself for its replacement rules.
  void string(std::string_view s) {
    char* mark = m_at;
    *m_at++ = '"';
    for (size_t i = 0; i < s.size();) {
      // Most text needs no escape at all: copy runs of it at once.
      size_t end = verbatim_run(s, i);
      raw(s.substr(i, end - i));
      i = end;
      if (i == s.size()) break;
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        size_t n = utf8_length(s, i);
        if (n == 0) {
          m_at = mark;
          raw(dump_json(Json(std::string(s))));
          return;
        }
        raw(s.substr(i, n));
        i += n;
        continue;
      }
      *m_at++ = '\\';
      switch (c) {
        case '"':
        case '\\':
          *m_at++ = char(c);
          break;
        case '\b':
          *m_at++ = 'b';
          break;
        case '\f':
          *m_at++ = 'f';
          break;
        case '\n':
          *m_at++ = 'n';
          break;
        case '\r':
          *m_at++ = 'r';
          break;
        case '\t':
          *m_at++ = 't';
          break;
        default: {
          static constexpr char k_hex[] = "0123456789abcdef";
          literal("u00");
          *m_at++ = k_hex[c >> 4];
          *m_at++ = k_hex[c & 15];
        }
      }
      ++i;
    }
    *m_at++ = '"';
  }

 private:
  char* m_at;
};

// The most bytes write_finding can write for `f`.
std::size_t finding_bound(const Finding& f) {
  // Keys, punctuation and the two numbers of a finding; each property adds
  // its two strings and a colon and a comma.
  constexpr std::size_t k_fixed = 160, k_per_property = 2;
  std::size_t n = k_fixed + Writer::string_bound(f.rule) + Writer::string_bound(f.file) +
                  Writer::string_bound(f.object) + Writer::string_bound(f.message) +
                  Writer::string_bound(f.remedy);
  for (const auto& [key, value] : f.properties)
    n += Writer::string_bound(key) + Writer::string_bound(value) + k_per_property;
  return n;
}

// The same text as dump_json of an ordered object with these members in this order.
// `file_json` is f.file already written as a JSON string (the same for every
// finding of a file, so it is escaped once).
void write_finding(Writer& out, const Finding& f, std::string_view file_json) {
  out.literal("{\"rule\":");
  out.string(f.rule);
  out.literal(",\"severity\":\"");
  out.raw(severity_name(f.severity));
  out.literal("\",\"file\":");
  out.raw(file_json);
  out.literal(",\"line\":");
  out.integer(f.where.line);
  out.literal(",\"column\":");
  out.integer(f.where.column);
  out.literal(",\"object\":");
  out.string(f.object);
  out.literal(",\"message\":");
  out.string(f.message);
  out.literal(",\"remedy\":");
  out.string(f.remedy);
  if (f.properties.empty()) {
    out.literal("}");
    return;
  }
  out.literal(",\"properties\":");
  const auto& props = f.properties;
  bool distinct = true;
  for (size_t i = 0; i < props.size() && distinct; ++i) {
    for (size_t k = 0; k < i; ++k) distinct = distinct && props[k].first != props[i].first;
  }
  if (!distinct) {
    // A repeated key keeps its first place and its last value, as in a JSON object.
    Json object = Json::object();
    for (const auto& [key, value] : props) object[key] = value;
    out.raw(dump_json(object));
  } else {
    char sep = '{';
    for (const auto& [key, value] : props) {
      out.raw({&sep, 1});
      sep = ',';
      out.string(key);
      out.literal(":");
      out.string(value);
    }
    out.literal("}");
  }
  out.literal("}");
}

Json error_json(const Error& e) {
  Json j;
  j["file"] = e.file;
  j["line"] = e.line;
  j["column"] = e.column;
  j["message"] = e.message;
  return j;
}

Json summary_json(const Summary& s) {
  Json j;
  for (int i = 4; i >= 0; --i)
    j[std::string(severity_name(static_cast<Severity>(i)))] = s.counts[i];
  j["total"] = s.total();
  j["files"] = s.files_scanned;
  j["errors"] = s.errors;
  j["suppressed"] = s.suppressed;
  return j;
}

Json unused_json(const UnusedSuppression& u) {
  Json j;
  j["file"] = u.file;
  j["line"] = u.line;
  j["column"] = u.column;
  j["rule"] = u.rule;
  return j;
}

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::FILE* out) : m_out(out) {}

  void begin() override { write("{\n  \"findings\": ["); }

  void add_file(std::string_view, std::span<const Finding> findings) override {
    add_rendered(render_file(findings), findings.size());
  }

  bool renders_ahead() const override { return true; }

  // Each finding on its own line, after a comma; the report's first finding
  // is written without it.
  std::string render_file(std::span<const Finding> findings) const override {
    constexpr std::size_t k_separator = 6;  // ",\n    "
    std::size_t bound = 0;
    for (const Finding& f : findings) bound += k_separator + finding_bound(f);
    // Not a std::string of that size: it would be zero-filled, and the
    // bound is several times what is written.
    auto buffer = std::make_unique_for_overwrite<char[]>(bound);
    Writer w(buffer.get());
    std::string file_json;  // the JSON string of the file of the last finding
    const std::string* file = nullptr;
    for (const Finding& f : findings) {
      w.literal(",\n    ");
      if (!file || f.file != *file) {
        file = &f.file;
        file_json.resize(Writer::string_bound(f.file));
        Writer fw(file_json.data());
        fw.string(f.file);
        file_json.resize(std::size_t(fw.at() - file_json.data()));
      }
      write_finding(w, f, file_json);
    }
    return std::string(buffer.get(), w.at());
  }

  void add_rendered(std::string_view text, std::size_t count) override {
    if (count == 0) return;
    write(m_findings == 0 ? text.substr(1) : text);
    m_findings += count;
  }

  void add_error(const Error& error) override { m_errors.push_back(error); }

  bool shows_source_lines() const override { return false; }

  void finish(const Summary& summary, std::span<const UnusedSuppression> unused) override {
    write(m_findings == 0 ? "],\n" : "\n  ],\n");
    write("  \"errors\": [");
    for (size_t i = 0; i < m_errors.size(); ++i) {
      write(i == 0 ? "\n    " : ",\n    ");
      write(dump_json(error_json(m_errors[i])));
    }
    write(m_errors.empty() ? "],\n" : "\n  ],\n");
    write("  \"summary\": " + dump_json(summary_json(summary)) + ",\n");
    write("  \"unused_suppressions\": [");
    for (size_t i = 0; i < unused.size(); ++i) {
      write(i == 0 ? "\n    " : ",\n    ");
      write(dump_json(unused_json(unused[i])));
    }
    write(unused.empty() ? "]\n}\n" : "\n  ]\n}\n");
    std::fflush(m_out);
  }

 private:
  void write(std::string_view text) { std::fwrite(text.data(), 1, text.size(), m_out); }

  std::FILE* m_out;
  size_t m_findings = 0;
  std::vector<Error> m_errors;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const ReportOptions&, std::FILE* out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace vern
