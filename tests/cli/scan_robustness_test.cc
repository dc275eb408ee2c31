// End-to-end: `vern scan` on hostile and foreign inputs. Each broken file is an
// error with file:line:col and exit 2, the other files of the same scan are
// still reported, and nothing crashes. Files of other tools found in a walk are
// skipped quietly; named explicitly, they are "not a recognised format".
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli/scan_fixtures.h"

namespace vern {
namespace {

using nlohmann::json;
using testing::vern_scan;
using testing::vern_scan_json;

const json* error_for(const json& doc, const std::string& file_suffix) {
  for (const json& e : doc["errors"]) {
    if (e["file"].get<std::string>().ends_with(file_suffix)) return &e;
  }
  return nullptr;
}

// The files a scan of `dir` reports findings in; the scan must have no errors.
std::set<std::string> files_with_findings(const std::string& dir) {
  int code = 0;
  json doc = vern_scan_json({dir}, code);
  EXPECT_TRUE(doc["errors"].empty()) << doc["errors"].dump();
  std::set<std::string> files;
  for (const auto& f : doc["findings"]) files.insert(f["file"].get<std::string>());
  return files;
}

TEST(ScanRobustness, BrokenFilesAreErrorsAndTheOthersAreStillReported) {
  testing::ScratchDir dir;
  std::string manifest_head = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n";
  dir.write("deep.yaml",
            manifest_head + "  k: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  dir.write("huge-scalar.yaml", manifest_head + "  k: " + std::string(10u << 20, 'x') + "\n");

  int code = -1;
  json doc = vern_scan_json({"robust", dir.path()}, code);
  EXPECT_EQ(code, 2);

  struct Expected {
    const char* file;
    int line;
    int column;
    const char* message;
  };
  for (const Expected& x : {
           Expected{"robust/invalid.yaml", 6, 5, "YAML syntax error"},
           Expected{"robust/shape.yaml", 6, 15, "containers must be a list, not a scalar"},
           Expected{"robust/alias-bomb.yaml", 12, 16, "alias bomb"},
           Expected{"/deep.yaml", 6, 260, "nesting deeper than 256 levels"},
           Expected{"/huge-scalar.yaml", 6, 6, "exceeds the limit"},
       }) {
    const json* e = error_for(doc, x.file);
    ASSERT_NE(e, nullptr) << x.file << " in " << doc["errors"].dump();
    EXPECT_EQ((*e)["line"], x.line) << x.file;
    EXPECT_EQ((*e)["column"], x.column) << x.file;
    EXPECT_NE((*e)["message"].get<std::string>().find(x.message), std::string::npos)
        << (*e)["message"];
  }
  EXPECT_EQ(doc["errors"].size(), 5u) << doc["errors"].dump();
  EXPECT_EQ(doc["summary"]["errors"], 5);
  // good.yaml beside them is fully checked.
  auto good = testing::rules_at(doc, "robust/good.yaml");
  EXPECT_NE(std::find(good.begin(), good.end(), std::pair<std::string, int>{"privileged", 10}),
            good.end());
  // What shape.yaml did say correctly is still checked.
  auto shape = testing::rules_at(doc, "robust/shape.yaml");
  EXPECT_FALSE(shape.empty());
}

TEST(ScanRobustness, BrokenFilesWithSeveralWorkers) {
  auto one = vern_scan({"--format", "json", "--jobs", "1", "robust", "text", "low"});
  auto four = vern_scan({"--format", "json", "--jobs", "4", "robust", "text", "low"});
  EXPECT_EQ(one.exit_code, 2);
  EXPECT_EQ(four.exit_code, 2);
  EXPECT_EQ(one.out, four.out);  // same order whatever the number of threads
}

TEST(ScanRobustness, ForeignFilesInAWalkAreSkippedQuietly) {
  int code = -1;
  json doc = vern_scan_json({"skip"}, code);
  EXPECT_EQ(code, 1);  // the one real finding of skip/compose.yaml
  EXPECT_TRUE(doc["errors"].empty()) << doc["errors"].dump();
  ASSERT_EQ(doc["findings"].size(), 1u) << doc["findings"].dump();
  EXPECT_EQ(doc["findings"][0]["file"], "skip/compose.yaml");
  EXPECT_EQ(doc["findings"][0]["rule"], "image-not-pinned");
}

TEST(ScanRobustness, AnUnrecognisedFileNamedExplicitlyIsAnError) {
  for (const char* file : {"skip/mkdocs.yml", "skip/chart/values.yaml"}) {
    auto r = vern_scan({file});
    EXPECT_EQ(r.exit_code, 2) << file;
    EXPECT_EQ(r.out, std::string(file) +
                         ": error: not a recognised format\nno findings in 0 files; 1 error\n");
  }
}

TEST(ScanRobustness, AComposeFileWithoutServicesNamedExplicitlyIsComposeButNotInAWalk) {
  testing::ScratchDir dir;
  std::string named_file = dir.write("shared/volumes.yaml", R"(version: "3.8"
volumes:
  data:
    driver: local
networks:
  backend:
    internal: true
x-note: shared by the other files
)");
  std::string other_file =
      dir.write("shared/other.yaml", "version: 1\nvolumes: [a, b]\nowner: ops\n");
  auto named = vern_scan({"-q", named_file});
  EXPECT_EQ(named.exit_code, 0) << named.out;
  EXPECT_EQ(named.out, "no findings in 1 file\n");
  auto other = vern_scan({"-q", other_file});
  EXPECT_EQ(other.exit_code, 2) << other.out;
  auto walked = vern_scan({"-q", dir.path() + "/shared"});
  EXPECT_EQ(walked.exit_code, 0) << walked.out;
  EXPECT_EQ(walked.out, "no findings in 0 files\n");
}

TEST(ScanRobustness, AHelmTemplateNamedExplicitlyIsNotRecognisedAtItsFirstAction) {
  auto r = vern_scan({"-q", "skip/chart/templates/deployment.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("skip/chart/templates/deployment.yaml:4:9: error: not a recognised format "
                       "(a Helm template: render it first, e.g. helm template)"),
            std::string::npos)
      << r.out;
}

TEST(ScanRobustness, HelmTemplatesThatParseAsYamlAreSkippedInAWalk) {
  // `name: {{ include ... }}` parses (as a mapping); the file is still a template.
  testing::ScratchDir dir;
  dir.write("chart/templates/deployment.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:latest"
          securityContext: {privileged: true}
)");
  // A rendered manifest with another tool's Go template in a value is still read.
  dir.write("rules.yaml", R"(apiVersion: v1
kind: Pod
metadata:
  name: alerting
  annotations:
    summary: "{{ $labels.instance }} is down"
    title: '{{ template "slack.default.title" . }}'
spec:
  containers:
    - name: app
      image: app:1
      securityContext: {privileged: true}
)");
  EXPECT_EQ(files_with_findings(dir.path()), std::set<std::string>{dir.path() + "/rules.yaml"});
}

TEST(ScanRobustness, KustomizePatchesAreSkippedInAWalkAndNamedWhenExplicit) {
  // A patch holds only what it changes: checked alone, it would be reported
  // for every setting its base has.
  testing::ScratchDir dir;
  dir.write("overlay/kustomization.yaml", R"(apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../base
  - extra.yaml
patchesStrategicMerge:
  - ./memory.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: inline}
patches:
  - path: patches/replicas.yaml
    target: {kind: Deployment}
)");
  const std::string patch = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          resources: {limits: {memory: 512Mi}}
)";
  dir.write("overlay/memory.yaml", patch);
  dir.write("overlay/patches/replicas.yaml", patch);
  // Not listed as a patch: a manifest like any other.
  dir.write("overlay/extra.yaml", R"(apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: app
      image: app:1
      securityContext: {privileged: true}
)");
  EXPECT_EQ(files_with_findings(dir.path()),
            std::set<std::string>{dir.path() + "/overlay/extra.yaml"});

  auto r = vern_scan({"-q", dir.path() + "/overlay/patches/replicas.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("replicas.yaml:1:1: error: not a recognised format (a kustomize patch"),
            std::string::npos)
      << r.out;
}

// Files waiting to be reported keep their folder open; however many threads
// run, the scan must stay within the descriptor limit it was given.
TEST(ScanRobustness, ManyFoldersWithManyThreadsStayWithinTheDescriptorLimit) {
  testing::ScratchDir dir;
  // Files that take longer to check than their folders take to list, so
  // that queued files pile up.
  std::string services = "services:\n";
  for (int s = 0; s < 60; ++s) {
    services += "  web" + std::to_string(s) + ":\n    image: nginx\n    privileged: true\n";
  }
  for (int i = 0; i < 120; ++i) dir.write("f" + std::to_string(i) + "/compose.yaml", services);
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
  rlimit low = saved;
  low.rlim_cur = std::min<rlim_t>(saved.rlim_cur, 100);
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);  // the child process inherits it
  int code = -1;
  json doc = vern_scan_json({"--jobs", "16", dir.path()}, code);
  ::setrlimit(RLIMIT_NOFILE, &saved);
  EXPECT_TRUE(doc["errors"].empty()) << doc["errors"].dump(1);
  EXPECT_EQ(doc["summary"]["files"], 120);
}

TEST(ScanRobustness, EmptyAndBinaryFilesDoNotCrash) {
  testing::ScratchDir dir;
  dir.write("empty.yaml", "");
  dir.write("compose.yaml", "");
  dir.write("nul.yaml", std::string("apiVersion: v1\nkind: Pod\0\xff\xfe", 27));
  dir.write("docs.yaml", "---\n---\n...\n");
  auto r = vern_scan({"--format", "json", dir.path()});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << r.exit_code << r.err;
  EXPECT_FALSE(json::parse(r.out, nullptr, false).is_discarded()) << r.out;
}

}  // namespace
}  // namespace vern
