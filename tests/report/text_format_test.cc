#include "report/text_format.h"

#include <gtest/gtest.h>

namespace vern {
namespace {

TEST(MakeExcerpt, CaretUnderColumn) {
  Excerpt e = make_excerpt("USER root", 6);
  EXPECT_EQ(e.line, "USER root");
  EXPECT_EQ(e.caret, "     ^");
}

TEST(MakeExcerpt, FirstColumnHasNoIndent) {
  EXPECT_EQ(make_excerpt("FROM debian", 1).caret, "^");
  EXPECT_EQ(make_excerpt("FROM debian", 0).caret, "^");
}

TEST(MakeExcerpt, TabsAreRepeatedSoTheCaretLinesUp) {
  Excerpt e = make_excerpt("\t\tprivileged: true", 3);
  EXPECT_EQ(e.line, "\t\tprivileged: true");
  EXPECT_EQ(e.caret, "\t\t^");
  EXPECT_EQ(make_excerpt("RUN\tcurl x | sh", 5).caret, "   \t^");
}

TEST(MakeExcerpt, ColumnsCountCharactersNotBytes) {
  // "é" is two bytes but one column.
  EXPECT_EQ(make_excerpt("name: caf\xC3\xA9 x", 12).caret, "           ^");
}

TEST(MakeExcerpt, ColumnPastEndPointsAfterLastCharacter) {
  EXPECT_EQ(make_excerpt("abc", 10).caret, "   ^");
}

TEST(MakeExcerpt, DropsLineBreaks) { EXPECT_EQ(make_excerpt("image: x\r\n", 1).line, "image: x"); }

TEST(MakeExcerpt, ControlCharactersAreReplaced) {
  Excerpt e = make_excerpt("a\x1b[31mb", 7);
  EXPECT_EQ(e.line, "a?[31mb");
  EXPECT_EQ(e.caret, "      ^");
}

TEST(MakeExcerpt, LongLineIsClippedAroundColumn) {
  std::string line(1000, 'a');
  line[500] = 'X';
  Excerpt e = make_excerpt(line, 501);
  EXPECT_LE(e.line.size(), k_excerpt_max_bytes + 6);
  EXPECT_EQ(e.line.substr(0, 3), "...");
  EXPECT_EQ(e.line.substr(e.line.size() - 3), "...");
  ASSERT_EQ(e.caret.back(), '^');
  EXPECT_EQ(e.line[e.caret.size() - 1], 'X');
}

TEST(MakeExcerpt, LongLineClipsOnlyTheFarEnd) {
  std::string line(400, 'b');
  Excerpt start = make_excerpt(line, 2);
  EXPECT_EQ(start.line.substr(0, 3), "bbb");
  EXPECT_EQ(start.line.substr(start.line.size() - 3), "...");
  EXPECT_EQ(start.caret, " ^");
  Excerpt end = make_excerpt(line, 400);
  EXPECT_EQ(end.line.substr(0, 3), "...");
  EXPECT_EQ(end.line.substr(end.line.size() - 3), "bbb");
  EXPECT_EQ(end.line[end.caret.size() - 1], 'b');
}

TEST(MakeExcerpt, ClippingNeverSplitsACharacter) {
  std::string line;
  for (int i = 0; i < 200; ++i) line += "\xE2\x82\xAC";  // 600 bytes, 200 characters
  Excerpt e = make_excerpt(line, 100);
  EXPECT_EQ(e.line.find('?'), std::string::npos);
}

TEST(Printable, ReplacesControlAndInvalidBytesKeepsUtf8) {
  EXPECT_EQ(printable("ok \xC3\xA9"), "ok \xC3\xA9");
  EXPECT_EQ(printable("a\nb\x07"
                      "c"),
            "a?b?c");
  EXPECT_EQ(printable("\xC2\x9B"
                      "2J"),
            "?2J");  // C1 CSI
  EXPECT_EQ(printable("\xFF"), "?");
  EXPECT_EQ(printable("a\tb"), "a b");
  EXPECT_EQ(printable("a\tb", true), "a\tb");
}

TEST(LocationLabel, FileLineColumnOrObject) {
  Finding f;
  f.file = "k8s/web.yaml";
  f.where = {12, 7};
  f.object = "Deployment prod/web";
  EXPECT_EQ(location_label(f), "k8s/web.yaml:12:7");
  f.where = {12, 0};
  EXPECT_EQ(location_label(f), "k8s/web.yaml:12");
  f.where = {};
  EXPECT_EQ(location_label(f), "Deployment prod/web");
  f.file.clear();
  EXPECT_EQ(location_label(f), "Deployment prod/web");
  f.object.clear();
  EXPECT_EQ(location_label(f), "-");
}

TEST(SummarySentence, CountsBySeverityAndPlurals) {
  Summary s;
  s.files_scanned = 7;
  s.counts[int(Severity::critical)] = 2;
  s.counts[int(Severity::high)] = 5;
  s.counts[int(Severity::medium)] = 3;
  s.counts[int(Severity::low)] = 2;
  s.errors = 1;
  s.suppressed = 3;
  EXPECT_EQ(summary_sentence(s),
            "12 findings (2 critical, 5 high, 3 medium, 2 low) in 7 files; 1 error; 3 suppressed");
}

TEST(SummarySentence, NothingFound) {
  Summary s;
  s.files_scanned = 1;
  EXPECT_EQ(summary_sentence(s), "no findings in 1 file");
  s.counts[int(Severity::info)] = 1;
  s.errors = 2;
  EXPECT_EQ(summary_sentence(s), "1 finding (1 info) in 1 file; 2 errors");
}

}  // namespace
}  // namespace vern
