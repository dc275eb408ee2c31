#include "vulndb/cvss.h"

#include <gtest/gtest.h>

namespace vern::vulndb {
namespace {

struct Case {
  const char* vector;
  double score;
};

// Expected scores from an independent implementation of the FIRST calculators.
TEST(Cvss4Score, MatchesReferenceCalculator) {
  const Case cases[] = {
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0},
      {"CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.5},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", 5.3},
      {"CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:L/SI:N/SA:N", 1.0},
      {"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N", 1.0},
      {"CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N", 8.3},
      {"CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P", 7.3},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N", 5.3},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U/CR:L/IR:L/AR:L", 2.7},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S", 10.0},
      // Uses the MacroVector 210200 (5.4) and an x.x5 tie that rounds up.
      {"CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:H/VI:H/VA:L/SC:L/SI:N/SA:L", 7.3},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:H/VA:L/SC:H/SI:H/SA:H", 8.6},
  };
  for (const Case& c : cases) {
    auto r = cvss4_score(c.vector);
    ASSERT_TRUE(r.ok()) << c.vector << ": " << r.error().message;
    EXPECT_DOUBLE_EQ(r->score, c.score) << c.vector;
    EXPECT_EQ(r->version, "4.0");
  }
}

TEST(Cvss3Score, MatchesSpecificationEquations) {
  const Case cases[] = {
      {"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
      {"CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N", 6.5},
      {"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N", 5.4},
      {"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N", 4.7},
      {"CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0},
  };
  for (const Case& c : cases) {
    auto r = cvss3_score(c.vector);
    ASSERT_TRUE(r.ok()) << c.vector << ": " << r.error().message;
    EXPECT_DOUBLE_EQ(r->score, c.score) << c.vector;
  }
}

TEST(CvssScore, TemporalMetricsDoNotChangeTheV3BaseScore) {
  auto r = cvss_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:R");
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->score, 9.8);
}

TEST(CvssScore, RejectsMalformedVectors) {
  EXPECT_FALSE(cvss_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H").ok());           // no A
  EXPECT_FALSE(cvss_score("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").ok());  // repeated
  EXPECT_FALSE(cvss_score("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").ok());       // bad value
  EXPECT_FALSE(cvss_score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H").ok());   // no S*
  EXPECT_FALSE(cvss_score("AV:N/AC:L/Au:N/C:P/I:P/A:P").ok());                         // v2
  EXPECT_FALSE(cvss_score("").ok());
}

TEST(SeverityForScore, QualitativeRatingScale) {
  EXPECT_EQ(severity_for_score(9.0), VulnSeverity::critical);
  EXPECT_EQ(severity_for_score(8.9), VulnSeverity::high);
  EXPECT_EQ(severity_for_score(7.0), VulnSeverity::high);
  EXPECT_EQ(severity_for_score(6.9), VulnSeverity::medium);
  EXPECT_EQ(severity_for_score(4.0), VulnSeverity::medium);
  EXPECT_EQ(severity_for_score(3.9), VulnSeverity::low);
  EXPECT_EQ(severity_for_score(0.0), VulnSeverity::low);
}

}  // namespace
}  // namespace vern::vulndb
