// The JSON reporter's output parses and holds the fields of the contract.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/render.h"

namespace vern {
namespace {

using nlohmann::json;
using testing::FileFindings;
using testing::make_test_finding;
using testing::render;

ReportOptions json_options() {
  ReportOptions options;
  options.format = OutputFormat::json;
  return options;
}

TEST(JsonReporter, FindingsErrorsSummaryAndUnusedSuppressions) {
  Finding with_props = make_test_finding("secret-in-env", Severity::high, "compose.yaml", 9, 7,
                                         "      DB_PASSWORD: hunter2", "DB_PASSWORD is a literal",
                                         "use a secret", "service db");
  with_props.properties = {{"cis", "4.10"}, {"variable", "DB_PASSWORD"}};
  std::vector<FileFindings> files = {
      {"compose.yaml",
       {with_props,
        make_test_finding("privileged", Severity::critical, "compose.yaml", 12, 5, "",
                          "service web runs privileged", "remove privileged", "service web")}},
      {"",
       {make_test_finding("no-pids-limit", Severity::low, "", 0, 0, "", "no pids limit", "",
                          "container abc")}}};
  Error error = Error::invalid("bad indentation", 3, 1);
  error.file = "k8s.yaml";
  Summary summary;
  summary.files_scanned = 3;
  summary.counts[int(Severity::critical)] = 1;
  summary.counts[int(Severity::high)] = 1;
  summary.counts[int(Severity::low)] = 1;
  summary.errors = 1;
  summary.suppressed = 2;

  json doc = json::parse(
      render(json_options(), files, {error}, summary, {{"Dockerfile", 4, 1, "root-user"}}));

  ASSERT_EQ(doc["findings"].size(), 3u);
  const json& f = doc["findings"][0];
  EXPECT_EQ(f["rule"], "secret-in-env");
  EXPECT_EQ(f["severity"], "high");
  EXPECT_EQ(f["file"], "compose.yaml");
  EXPECT_EQ(f["line"], 9);
  EXPECT_EQ(f["column"], 7);
  EXPECT_EQ(f["object"], "service db");
  EXPECT_EQ(f["message"], "DB_PASSWORD is a literal");
  EXPECT_EQ(f["remedy"], "use a secret");
  EXPECT_EQ(f["properties"], (json{{"cis", "4.10"}, {"variable", "DB_PASSWORD"}}));
  // The source line is never part of the output: it may hold a secret.
  EXPECT_EQ(doc.dump().find("hunter2"), std::string::npos);
  EXPECT_FALSE(doc["findings"][1].contains("properties"));
  EXPECT_EQ(doc["findings"][2]["file"], "");
  EXPECT_EQ(doc["findings"][2]["line"], 0);

  ASSERT_EQ(doc["errors"].size(), 1u);
  EXPECT_EQ(
      doc["errors"][0],
      (json{{"file", "k8s.yaml"}, {"line", 3}, {"column", 1}, {"message", "bad indentation"}}));

  const json& s = doc["summary"];
  EXPECT_EQ(s["critical"], 1);
  EXPECT_EQ(s["high"], 1);
  EXPECT_EQ(s["medium"], 0);
  EXPECT_EQ(s["low"], 1);
  EXPECT_EQ(s["info"], 0);
  EXPECT_EQ(s["total"], 3);
  EXPECT_EQ(s["files"], 3);
  EXPECT_EQ(s["errors"], 1);
  EXPECT_EQ(s["suppressed"], 2);

  ASSERT_EQ(doc["unused_suppressions"].size(), 1u);
  EXPECT_EQ(doc["unused_suppressions"][0],
            (json{{"file", "Dockerfile"}, {"line", 4}, {"column", 1}, {"rule", "root-user"}}));
}

TEST(JsonReporter, EmptyReportIsValid) {
  json doc = json::parse(render(json_options(), {}, {}, Summary{}));
  EXPECT_TRUE(doc["findings"].is_array());
  EXPECT_TRUE(doc["findings"].empty());
  EXPECT_TRUE(doc["errors"].empty());
  EXPECT_TRUE(doc["unused_suppressions"].empty());
  EXPECT_EQ(doc["summary"]["total"], 0);
}

TEST(JsonReporter, LiveObjectsFirstHaveAnEmptyFile) {
  // vern host reports containers, not files: the very first finding may
  // have no file, and later ones another file or none again.
  std::vector<FileFindings> files = {
      {"",
       {make_test_finding("no-pids-limit", Severity::low, "", 0, 0, "", "no pids limit", "",
                          "container abc"),
        make_test_finding("privileged", Severity::critical, "", 0, 0, "", "privileged", "",
                          "container abc")}},
      {"daemon.json",
       {make_test_finding("live-restore-disabled", Severity::low, "daemon.json", 1, 1, "", "off",
                          "", "daemon")}},
      {"",
       {make_test_finding("host-pid", Severity::high, "", 0, 0, "", "host pid", "",
                          "container def")}}};
  json doc = json::parse(render(json_options(), files, {}, Summary{}));
  ASSERT_EQ(doc["findings"].size(), 4u);
  EXPECT_EQ(doc["findings"][0]["file"], "");
  EXPECT_EQ(doc["findings"][1]["file"], "");
  EXPECT_EQ(doc["findings"][2]["file"], "daemon.json");
  EXPECT_EQ(doc["findings"][3]["file"], "");
}

// The scan driver renders a file's findings in the thread that checked it
// and writes the text later: the report must be the one add_file() writes,
// whichever of the files comes first and whether files in between are empty.
TEST(JsonReporter, RenderedAheadIsWhatAddFileWrites) {
  std::vector<Finding> a = {make_test_finding("r1", Severity::low, "a", 1, 1, "", "m1", ""),
                            make_test_finding("r2", Severity::high, "a", 2, 1, "", "m2", "x")};
  std::vector<Finding> b = {make_test_finding("r3", Severity::info, "b\"q", 3, 4, "", "m3", "")};
  testing::MemoryFile direct_out, ahead_out;
  auto direct = make_reporter(json_options(), direct_out.get());
  auto ahead = make_reporter(json_options(), ahead_out.get());
  ASSERT_TRUE(ahead->renders_ahead());
  std::string text_a = ahead->render_file(a), text_b = ahead->render_file(b);
  direct->begin();
  ahead->begin();
  direct->add_file("e", {});
  ahead->add_rendered(ahead->render_file({}), 0);
  direct->add_file("a", a);
  ahead->add_rendered(text_a, a.size());
  direct->add_file("b", b);
  ahead->add_rendered(text_b, b.size());
  direct->finish(Summary{}, {});
  ahead->finish(Summary{}, {});
  EXPECT_EQ(ahead_out.text(), direct_out.text());
  json doc = json::parse(ahead_out.text());
  ASSERT_EQ(doc["findings"].size(), 3u);
  EXPECT_EQ(doc["findings"][2]["file"], "b\"q");
}

TEST(JsonReporter, ErrorsInterleavedWithFilesStillParse) {
  testing::MemoryFile out;
  auto reporter = make_reporter(json_options(), out.get());
  reporter->begin();
  std::vector<Finding> one = {make_test_finding("r1", Severity::low, "a", 1, 1, "", "m", "")};
  reporter->add_file("a", one);
  reporter->add_error(Error::failed("first"));
  reporter->add_file("b", {});
  reporter->add_file("c", one);
  reporter->add_error(Error::failed("second"));
  reporter->finish(Summary{}, {});
  json doc = json::parse(out.text());
  EXPECT_EQ(doc["findings"].size(), 2u);
  ASSERT_EQ(doc["errors"].size(), 2u);
  EXPECT_EQ(doc["errors"][1]["message"], "second");
}

TEST(JsonReporter, StreamsFindingsBeforeFinish) {
  testing::MemoryFile out;
  auto reporter = make_reporter(json_options(), out.get());
  reporter->begin();
  std::vector<Finding> one = {
      make_test_finding("early-rule", Severity::low, "a", 1, 1, "", "m", "")};
  reporter->add_file("a", one);
  std::fflush(out.get());
  EXPECT_NE(out.text().find("early-rule"), std::string::npos);
  reporter->finish(Summary{}, {});
}

TEST(JsonReporter, InvalidUtf8AndQuotesAreEscaped) {
  std::vector<FileFindings> files = {{"x",
                                      {make_test_finding("r", Severity::low, "we\"ird\n.yaml", 1, 1,
                                                         "", "bad \xFF byte and \"quotes\"", "")}}};
  json doc = json::parse(render(json_options(), files, {}, Summary{}));
  EXPECT_EQ(doc["findings"][0]["file"], "we\"ird\n.yaml");
  EXPECT_EQ(doc["findings"][0]["message"], "bad \xEF\xBF\xBD byte and \"quotes\"");
}

// The finding lines are written without a JSON tree; they must stay byte for
// byte what nlohmann's dump (invalid UTF-8 replaced) writes for the object.
TEST(JsonReporter, FindingTextIsNlohmannsDump) {
  const std::vector<std::string> texts = {
      "plain ascii",
      "quotes \" and \\ backslash",
      std::string("controls \x01 \x1f \x7f \t \b \f \r \n end"),
      std::string("nul \0 inside", 12),
      "utf-8: \xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x90\xB3",
      "overlong \xC0\x80 and \xE0\x80\xAF",
      "surrogate \xED\xA0\x80 beyond \xF4\x90\x80\x80",
      "cut short \xE2\x82",
      "lone continuation \x80\xBF then ok \xC3\xA9",
      // The longest a JSON string gets: six bytes out for every byte in.
      std::string(100, '\x01'),
      std::string(100, '\xFF'),
  };
  for (const std::string& text : texts) {
    Finding f = make_test_finding("rule-" + text, Severity::medium, "dir/" + text, 3, 4, "",
                                  "message " + text, "remedy " + text, "object " + text);
    f.properties = {{"cis", "5." + text}, {"key " + text, "value"}, {"cis", "again"}};
    if (text.size() % 2 == 0) f.properties.pop_back();  // with and without a repeated key
    nlohmann::ordered_json expected;
    expected["rule"] = f.rule;
    expected["severity"] = "medium";
    expected["file"] = f.file;
    expected["line"] = 3;
    expected["column"] = 4;
    expected["object"] = f.object;
    expected["message"] = f.message;
    expected["remedy"] = f.remedy;
    for (const auto& [key, value] : f.properties) expected["properties"][key] = value;
    std::string out = render(json_options(), {{f.file, {f}}}, {}, Summary{});
    size_t begin = out.find("\n    {");
    ASSERT_NE(begin, std::string::npos) << out;
    size_t end = out.find('\n', begin + 1);
    EXPECT_EQ(out.substr(begin + 5, end - begin - 5),
              expected.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
        << text;
  }
}

// Plain text is copied eight bytes at a time: a byte that needs escaping must
// be caught at every position of such a word and of the tail after it.
TEST(JsonReporter, EscapesAtEveryPositionOfALongString) {
  const std::vector<std::string> specials = {
      "\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f", "\xC3\xA9", "\xFF", " "};
  for (const std::string& special : specials) {
    for (size_t at = 0; at < 20; ++at) {
      std::string text(20, 'a');
      text.replace(at, 1, special);
      Finding f = make_test_finding("r", Severity::low, "f.yaml", 1, 1, "", text, "");
      json doc = json::parse(render(json_options(), {{"f.yaml", {f}}}, {}, Summary{}));
      nlohmann::json expected =
          json::parse(json(text).dump(-1, ' ', false, json::error_handler_t::replace));
      EXPECT_EQ(doc["findings"][0]["message"], expected) << at;
    }
  }
}

}  // namespace
}  // namespace vern
