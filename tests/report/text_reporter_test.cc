// Golden tests: the text reporter's exact output.
#include <gtest/gtest.h>

#include "report/render.h"

namespace vern {
namespace {

using testing::FileFindings;
using testing::make_test_finding;
using testing::render;

std::vector<FileFindings> sample_files() {
  return {
      {"Dockerfile",
       {make_test_finding("root-user", Severity::high, "Dockerfile", 3, 6, "USER root",
                          "the final stage runs as root (USER root)", "set USER to a non-root UID"),
        make_test_finding("pipe-to-shell", Severity::high, "Dockerfile", 7, 5,
                          "RUN\tcurl -fsSL https://get.example | sh", "a download is piped into sh",
                          "download, verify a checksum, then run")}},
      {"",
       {make_test_finding("privileged", Severity::critical, "", 0, 0, "",
                          "the container runs privileged", "run without --privileged",
                          "container web")}},
  };
}

Summary sample_summary() {
  Summary s;
  s.files_scanned = 2;
  s.counts[int(Severity::critical)] = 1;
  s.counts[int(Severity::high)] = 2;
  s.errors = 1;
  s.suppressed = 4;
  return s;
}

std::vector<Error> sample_errors() {
  Error e = Error::invalid("mapping values are not allowed here", 2, 3);
  e.file = "compose.yaml";
  return {e};
}

TEST(TextReporter, GoldenWithoutColour) {
  ReportOptions options;
  std::string text = render(options, sample_files(), sample_errors(), sample_summary(),
                            {{"Dockerfile", 1, 1, "image-latest-tag"}});
  EXPECT_EQ(text,
            "Dockerfile:3:6  high  root-user  the final stage runs as root (USER root)\n"
            "    USER root\n"
            "         ^\n"
            "  remedy: set USER to a non-root UID\n"
            "\n"
            "Dockerfile:7:5  high  pipe-to-shell  a download is piped into sh\n"
            "    RUN\tcurl -fsSL https://get.example | sh\n"
            "       \t^\n"
            "  remedy: download, verify a checksum, then run\n"
            "\n"
            "container web  critical  privileged  the container runs privileged\n"
            "  remedy: run without --privileged\n"
            "\n"
            "compose.yaml:2:3: error: mapping values are not allowed here\n"
            "Dockerfile:1: suppression for image-latest-tag matched nothing\n"
            "3 findings (1 critical, 2 high) in 2 files; 1 error; 4 suppressed\n");
}

TEST(TextReporter, GoldenWithColour) {
  ReportOptions options;
  options.color = true;
  std::vector<FileFindings> files = {sample_files()[0]};
  files[0].findings.resize(1);
  Summary summary;
  summary.files_scanned = 1;
  summary.counts[int(Severity::high)] = 1;
  std::string text = render(options, files, sample_errors(), summary);
  EXPECT_EQ(text,
            "Dockerfile:3:6  \x1b[31mhigh\x1b[0m  \x1b[1mroot-user\x1b[0m  "
            "the final stage runs as root (USER root)\n"
            "    USER root\n"
            "    \x1b[1;32m     ^\x1b[0m\n"
            "  remedy: set USER to a non-root UID\n"
            "\n"
            "compose.yaml:2:3: \x1b[1;31merror:\x1b[0m mapping values are not allowed here\n"
            "1 finding (1 high) in 1 file\n");
}

TEST(TextReporter, ColourPerSeverity) {
  ReportOptions options;
  options.color = true;
  const std::pair<Severity, std::string_view> cases[] = {
      {Severity::critical, "\x1b[1;35mcritical\x1b[0m"},
      {Severity::high, "\x1b[31mhigh\x1b[0m"},
      {Severity::medium, "\x1b[33mmedium\x1b[0m"},
      {Severity::low, "\x1b[36mlow\x1b[0m"},
      {Severity::info, "\x1b[2minfo\x1b[0m"}};
  for (auto [severity, painted] : cases) {
    std::vector<FileFindings> files = {
        {"f", {make_test_finding("r", severity, "f", 1, 1, "", "m", "")}}};
    std::string text = render(options, files, {}, Summary{});
    EXPECT_NE(text.find(std::string("f:1:1  ") + std::string(painted) + "  "), std::string::npos)
        << text;
  }
}

TEST(TextReporter, QuietPrintsOnlyErrorsAndSummary) {
  ReportOptions options;
  options.quiet = true;
  std::string text = render(options, sample_files(), sample_errors(), sample_summary(),
                            {{"Dockerfile", 1, 1, "image-latest-tag"}});
  EXPECT_EQ(text,
            "compose.yaml:2:3: error: mapping values are not allowed here\n"
            "3 findings (1 critical, 2 high) in 2 files; 1 error; 4 suppressed\n");
}

TEST(TextReporter, NoExcerptWithoutSourceLine) {
  std::vector<FileFindings> files = {
      {"compose.yaml",
       {make_test_finding("no-memory-limit", Severity::medium, "compose.yaml", 4, 3, "",
                          "service web has no memory limit", "")}}};
  Summary summary;
  summary.files_scanned = 1;
  summary.counts[int(Severity::medium)] = 1;
  EXPECT_EQ(render(ReportOptions{}, files, {}, summary),
            "compose.yaml:4:3  medium  no-memory-limit  service web has no memory limit\n"
            "\n"
            "1 finding (1 medium) in 1 file\n");
}

TEST(TextReporter, ErrorWithoutPositionOrFile) {
  Error with_file = Error::not_found("no such file");
  with_file.file = "missing.yaml";
  Error bare = Error::failed("cannot reach the Docker daemon");
  EXPECT_EQ(render(ReportOptions{}, {}, {with_file, bare}, Summary{}),
            "missing.yaml: error: no such file\n"
            "error: cannot reach the Docker daemon\n"
            "no findings in 0 files\n");
}

TEST(TextReporter, EscapeSequencesFromInputAreNeutralised) {
  std::vector<FileFindings> files = {
      {"evil\x1b]0;x\x07.yaml",
       {make_test_finding("r", Severity::low, "evil\x1b]0;x\x07.yaml", 1, 1, "a\x1b[2Jb",
                          "value \x1b[31mred", "")}}};
  std::string text = render(ReportOptions{}, files, {}, Summary{});
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_NE(text.find("evil?]0;x?.yaml:1:1  low  r  value ?[31mred\n"), std::string::npos) << text;
}

TEST(TextReporter, StreamsEachFileBeforeFinish) {
  testing::MemoryFile out;
  auto reporter = make_reporter(ReportOptions{}, out.get());
  reporter->begin();
  auto files = sample_files();
  reporter->add_file(files[0].file, files[0].findings);
  std::fflush(out.get());
  EXPECT_NE(out.text().find("pipe-to-shell"), std::string::npos);
  reporter->finish(Summary{}, {});
}

}  // namespace
}  // namespace vern
