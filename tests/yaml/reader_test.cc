#include "yaml/reader.h"

#include <gtest/gtest.h>
#include <yaml.h>

#include <random>
#include <string>
#include <vector>

#include "support/yaml_events.h"
#include "yaml/node.h"

namespace vern::yaml {
namespace {

// Every input is parsed twice, through libyaml's own string reader and
// through set_input, and the two event streams must be the same to the last
// field, errors included.
void expect_same_as_libyaml(const std::string& text) {
  EXPECT_EQ(testing::events_of(text, testing::Reader::vern),
            testing::events_of(text, testing::Reader::libyaml))
      << "input of " << text.size() << " bytes";
}

// A manifest line with characters of every UTF-8 width.
std::string long_text(std::size_t bytes) {
  std::string out = "items:\n";
  int i = 0;
  while (out.size() < bytes) {
    out += "- name: caf\xC3\xA9-" + std::to_string(i) + "  # \xE2\x82\xAC \xF0\x9F\x90\xB3\n";
    out += "  note: \"tab\there\\n\"\r\n";
    ++i;
  }
  return out;
}

TEST(ReaderSetInput, GivesTheSameEventsAsLibyamlForValidStreams) {
  for (const std::string& text : std::vector<std::string>{
           "",
           "a",
           "ab",
           "a: 1\n",
           "a: 1\r\nb: [x, y]\r\n",
           "\xEF\xBB\xBF"
           "a: b\n",
           "\xEF\xBB\xBF",
           "key: \"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x90\xB3\"\n",
           "a: b\xC2\x85"
           "c: d\n",  // NEL, a line break to YAML
           "a: b\xE2\x80\xA8"
           "c\n",  // LS
           "- \t x\n- y\n",
           "a: |\n  line\n\n  more\n",
           "--- &a {x: 1}\n--- *a\n...\n",
           long_text(16384 * 3 + 100),
       }) {
    expect_same_as_libyaml(text);
  }
}

TEST(ReaderSetInput, GivesTheSameErrorsAsLibyamlForInvalidBytes) {
  for (const std::string& bad : std::vector<std::string>{
           std::string("\x00", 1),
           "\x01",
           "\x7F",
           "\x80",
           "\xBF",
           "\xC0\x80",
           "\xC1\xBF",
           "\xE0\x80\x80",
           "\xF0\x80\x80\x80",
           "\xED\xA0\x80",
           "\xED\xBF\xBF",
           "\xF4\x90\x80\x80",
           "\xF8\x88\x80\x80\x80",
           "\xFF",
           "\xC2",
           "\xE2\x82",
           "\xF0\x9F\x90",
           "\xC2\x41",
           "\xE2\x41\x82",
           "\xC2\x80",
           "\xC2\x9F",
           "\xEF\xBF\xBE",
           "\xEF\xBF\xBF",
           "\xEF\xBF\xBD",
       }) {
    expect_same_as_libyaml(bad);
    expect_same_as_libyaml("a: b\nc: d" + bad + "\ne: f\n");
    expect_same_as_libyaml("a: b" + bad);
  }
}

TEST(ReaderSetInput, GivesTheSameEventsAsLibyamlAcrossItsBufferWindows) {
  // libyaml reads 16 KiB at a time: characters cut by a window's end, and
  // bad bytes in the first window or a later one (after events were given).
  const std::string base = long_text(16384 * 2 + 5000);
  for (std::size_t at = 16384 - 6; at <= 16384 + 6; ++at) {
    expect_same_as_libyaml(base.substr(0, at));
    for (const char* bad : {"\xFF", "\x01", "\xC3", "\xF0\x9F"}) {
      std::string text = base;
      text.insert(at, bad);
      expect_same_as_libyaml(text);
      text = base;
      text.insert(at + 16384, bad);
      expect_same_as_libyaml(text);
    }
  }
}

TEST(ReaderSetInput, GivesTheSameAsLibyamlForUtf16Streams) {
  // Streams with a UTF-16 byte order mark go through libyaml's reader.
  const std::string le(
      "\xFF\xFE"
      "a\0:\0 \0b\0\n\0",
      12);
  const std::string be(
      "\xFE\xFF"
      "\0a\0:\0 \0b\0\n",
      12);
  expect_same_as_libyaml(le);
  expect_same_as_libyaml(be);
  expect_same_as_libyaml(le.substr(0, 11));
  EXPECT_NE(testing::events_of(le, testing::Reader::vern).back().find("STREAM-END"),
            std::string::npos);
}

TEST(ReaderSetInput, GivesTheSameAsLibyamlForMutatedStreams) {
  // Deterministic mutations of a manifest with every kind of character:
  // bytes replaced, inserted and removed, around and away from the windows.
  const std::string base = long_text(20000);
  const unsigned char interesting[] = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x20, 0x7F, 0x80, 0x85,
                                       0xA0, 0xBF, 0xC2, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4,
                                       0xF8, 0xFE, 0xFF, ':',  '-',  '#',  '"'};
  std::mt19937 random(20261204);
  for (int round = 0; round < 400; ++round) {
    std::string text = base.substr(0, random() % base.size());
    const int edits = 1 + int(random() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = random() % text.size();
      const char c = char(interesting[random() % sizeof interesting]);
      switch (random() % 3) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(text.begin() + long(at), c);
          break;
        default:
          text.erase(at, 1);
          break;
      }
    }
    expect_same_as_libyaml(text);
  }
}

TEST(ReaderSetInput, DecodesUtf8WithoutLibyamlsRawBufferWhereTheBuildHasIt) {
  if (!fast_reader_enabled()) GTEST_SKIP() << "this build reads through libyaml's reader";
  yaml_parser_t parser;
  ASSERT_TRUE(yaml_parser_initialize(&parser));
  ReaderInput input;
  const std::string text = "a: [1, 2]\n";
  set_input(parser, input, text);
  yaml_event_t ev;
  do {
    ASSERT_TRUE(yaml_parser_parse(&parser, &ev));
    const bool end = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
    if (end) break;
  } while (true);
  // libyaml's reader would have copied the stream into its raw buffer.
  EXPECT_EQ(parser.raw_buffer.last, parser.raw_buffer.start);
  EXPECT_EQ(input.raw, input.end);
  yaml_parser_delete(&parser);
}

TEST(ReaderMarkAt, CountsLinesAndCharactersAsLibyamlDoes) {
  const std::string text =
      "a\r\nb\rc\xC2\x85"
      "d\xE2\x80\xA8"
      "\xC3\xA9x\ny";
  yaml_mark_t m = mark_at(text, text.find('x'));
  EXPECT_EQ(m.line, 4u);
  EXPECT_EQ(m.column, 1u);  // after one two-byte character
  m = mark_at(text, text.size() - 1);
  EXPECT_EQ(m.line, 5u);
  EXPECT_EQ(m.column, 0u);
  EXPECT_EQ(mark_at(text, 1000).line, 5u);
  // A byte order mark takes no column.
  EXPECT_EQ(mark_at("\xEF\xBB\xBF"
                    "ab",
                    4)
                .column,
            1u);
}

TEST(ReaderProblem, NamesTheByteOrTheCharacter) {
  yaml_parser_t parser{};
  parser.problem = "invalid leading UTF-8 octet";
  parser.problem_value = 0xFF;
  EXPECT_EQ(reader_problem(parser), "invalid leading UTF-8 octet (byte 0xFF)");
  parser.problem = "control characters are not allowed";
  parser.problem_value = 7;
  EXPECT_EQ(reader_problem(parser), "control characters are not allowed (U+0007)");
  parser.problem_value = -1;
  EXPECT_EQ(reader_problem(parser), "control characters are not allowed");
}

TEST(LoaderReaderErrors, AreLocatedAtTheBadCharacter) {
  Stream s = parse("a: 1\nb: x\x01y\n");
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].line, 2);
  EXPECT_EQ(s.errors[0].column, 5);
  EXPECT_NE(s.errors[0].message.find("control characters are not allowed (U+0001)"),
            std::string::npos)
      << s.errors[0].message;
}

// The first scalar key of each document.
std::vector<std::string> first_keys(const Stream& s) {
  std::vector<std::string> keys;
  for (const Document& d : s.documents) {
    keys.emplace_back(d.root->is_mapping() && !d.root->entries().empty()
                          ? d.root->entries()[0].key->text()
                          : "?");
  }
  return keys;
}

TEST(LoaderReaderErrors, LoseOnlyTheDocumentWithTheBadByte) {
  Stream s = parse("a: 1\n---\nb: 2\n---\nc: x\xFFy\nd: 4\n---\ne: 5\n");
  EXPECT_EQ(first_keys(s), (std::vector<std::string>{"a", "b", "e"}));
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].line, 5);
  EXPECT_EQ(s.errors[0].column, 5);
}

TEST(LoaderReaderErrors, KeepDocumentsOfEarlierWindowsOnce) {
  // The bad byte is past libyaml's first 16 KiB window: the documents of that
  // window were loaded before the error, and are not loaded twice.
  std::string text;
  int n = 0;
  while (text.size() < 20000) text += "---\nk" + std::to_string(n++) + ": value\n";
  text += "---\nbad: \x01\n---\nlast: 1\n";
  Stream s = parse(text);
  ASSERT_EQ(s.errors.size(), 1u);
  ASSERT_EQ(s.documents.size(), std::size_t(n) + 1);
  EXPECT_EQ(first_keys(s).front(), "k0");
  EXPECT_EQ(first_keys(s)[std::size_t(n) - 1], "k" + std::to_string(n - 1));
  EXPECT_EQ(first_keys(s).back(), "last");
}

}  // namespace
}  // namespace vern::yaml
