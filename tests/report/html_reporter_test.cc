// The HTML reporter writes one self-contained page with everything escaped.
#include <gtest/gtest.h>

#include "report/render.h"

namespace vern {
namespace {

using testing::FileFindings;
using testing::make_test_finding;
using testing::render;

std::string sample_page() {
  ReportOptions options;
  options.format = OutputFormat::html;
  std::vector<FileFindings> files = {
      {"<script>alert(1)</script>.yaml",
       {make_test_finding("privileged", Severity::critical, "x.yaml", 4, 3,
                          "  privileged: \"<b>&\"", "runs <privileged> & 'bad'", "remove it",
                          "service \"web\"")}}};
  Error error = Error::invalid("bad <yaml>", 1, 1);
  error.file = "c.yaml";
  Summary summary;
  summary.files_scanned = 1;
  summary.counts[int(Severity::critical)] = 1;
  summary.errors = 1;
  return render(options, files, {error}, summary, {{"Dockerfile", 2, 1, "root-user"}});
}

TEST(HtmlReporter, EscapesInputText) {
  std::string page = sample_page();
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;.yaml"), std::string::npos);
  EXPECT_NE(page.find("runs &lt;privileged&gt; &amp; &#39;bad&#39;"), std::string::npos);
  EXPECT_NE(page.find("service &quot;web&quot;"), std::string::npos);
  EXPECT_NE(page.find("privileged: &quot;&lt;b&gt;&amp;&quot;"), std::string::npos);
  EXPECT_NE(page.find("bad &lt;yaml&gt;"), std::string::npos);
}

TEST(HtmlReporter, IsSelfContained) {
  std::string page = sample_page();
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("</html>\n"), std::string::npos);
  for (const char* external : {"<link", "src=", "@import", "url(", "http://", "https://"}) {
    EXPECT_EQ(page.find(external), std::string::npos) << external;
  }
}

TEST(HtmlReporter, ShowsBadgesSummaryAndUnusedSuppressions) {
  std::string page = sample_page();
  EXPECT_NE(page.find("<span class=\"badge sev-critical\">critical</span>"), std::string::npos);
  EXPECT_NE(page.find("1 finding (1 critical) in 1 file; 1 error"), std::string::npos);
  EXPECT_NE(page.find("<code>Dockerfile:2</code>: root-user"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"loc\">4:3</td>"), std::string::npos);
}

}  // namespace
}  // namespace vern
