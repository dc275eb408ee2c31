// Rules over translated Kubernetes manifests: the spellings where the model
// and the rules must agree (pod-level inheritance, container overrides,
// lower-case capabilities, annotations, hostPath sockets).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "rules/catalog.h"
#include "sources/kubernetes/translate.h"

namespace vern {
namespace {

std::vector<Finding> findings(std::string_view slug, std::string_view manifest) {
  Translation t = translate_kubernetes("pod.yaml", manifest);
  for (const Error& e : t.errors) ADD_FAILURE() << e.to_string();
  const Rule* rule = find_rule(slug);
  EXPECT_NE(rule, nullptr) << slug;
  FindingList out;
  if (rule) rule->check(t.inventory, RuleOptions{}, out);
  return out.findings();
}

std::vector<std::string> messages(std::string_view slug, std::string_view manifest) {
  std::vector<std::string> out;
  for (const Finding& f : findings(slug, manifest)) out.push_back(f.message);
  return out;
}

constexpr std::string_view k_pod_non_root = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: nginx:1.25
    - name: sidecar
      image: envoy:1.29
      securityContext:
        runAsNonRoot: false
    - name: zero
      image: busybox:1.36
      securityContext:
        runAsUser: 0
)";

TEST(TranslatedKubernetes, RootUserFollowsPodInheritanceAndContainerOverrides) {
  EXPECT_EQ(messages("root-user", k_pod_non_root),
            (std::vector<std::string>{
                "container \"sidecar\" may run as root: sets runAsNonRoot: false and no runAsUser",
                "container \"zero\" sets runAsUser: 0 (root)",
            }));
}

TEST(TranslatedKubernetes, RootUserPointsAtTheContainerWhenNothingIsSet) {
  auto found = findings("root-user", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.25
)");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where.line, 10);
  EXPECT_EQ(found[0].object, "Deployment prod/web container app");
  EXPECT_EQ(found[0].file, "pod.yaml");
}

TEST(TranslatedKubernetes, PodRunAsUserIsInheritedButContainerZeroWins) {
  EXPECT_EQ(messages("root-user", R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  securityContext: {runAsUser: 1000}
  initContainers:
    - name: setup
      image: busybox:1.36
      securityContext: {runAsUser: 0}
  containers:
    - name: app
      image: nginx:1.25
)"),
            (std::vector<std::string>{"init container \"setup\" sets runAsUser: 0 (root)"}));
}

constexpr std::string_view k_capabilities = R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: lower
      image: nginx:1.25
      securityContext:
        capabilities:
          drop: [all]
          add: [cap_sys_admin, net_bind_service]
    - name: partial
      image: nginx:1.25
      securityContext:
        capabilities:
          drop: [NET_RAW]
)";

TEST(TranslatedKubernetes, CapabilityNamesAreCaseInsensitive) {
  EXPECT_EQ(
      messages("capabilities-not-dropped", k_capabilities),
      (std::vector<std::string>{"container \"partial\" drops some capabilities but not ALL"}));
  auto added = findings("dangerous-capability", k_capabilities);
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].message, "container \"lower\" adds capability SYS_ADMIN");
  EXPECT_EQ(added[0].severity, Severity::critical);
  EXPECT_EQ(added[0].where.line, 11);
}

TEST(TranslatedKubernetes, CapabilitiesNotDroppedPointsAtTheDropListOrTheCapabilitiesKey) {
  auto partial = findings("capabilities-not-dropped", k_capabilities);
  ASSERT_EQ(partial.size(), 1u);
  EXPECT_EQ(partial[0].where.line, 16);  // drop: [NET_RAW]
  EXPECT_EQ(partial[0].where.column, 18);
  constexpr std::string_view empty = R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: app
      image: nginx:1.25
      securityContext:
        runAsNonRoot: true
        capabilities:
)";
  auto found = findings("capabilities-not-dropped", empty);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where.line, 10);  // capabilities:, not securityContext:
}

TEST(TranslatedKubernetes, SeccompFromPodFieldAndAnnotations) {
  constexpr std::string_view manifest = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.seccomp.security.alpha.kubernetes.io/legacy: unconfined
spec:
  securityContext:
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: app
      image: nginx:1.25
    - name: legacy
      image: nginx:1.25
)";
  EXPECT_EQ(
      messages("seccomp-unconfined", manifest),
      (std::vector<std::string>{"container \"legacy\" runs with seccomp profile Unconfined"}));
  auto missing = findings("seccomp-unconfined", R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: app
      image: nginx:1.25
)");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].severity, Severity::medium);
}

TEST(TranslatedKubernetes, AnUnknownPodSeccompTypeIsReportedAtItsValueForEachContainer) {
  constexpr std::string_view manifest = R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  securityContext:
    seccompProfile:
      type: runtime/default
  containers:
    - name: app
      image: nginx:1.25
    - name: own
      image: nginx:1.25
      securityContext:
        seccompProfile: {type: RuntimeDefault}
)";
  std::vector<Finding> found = findings("seccomp-unconfined", manifest);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "container \"app\" sets seccomp profile type \"runtime/default\", which is not "
            "RuntimeDefault, Localhost or Unconfined; restricted requires RuntimeDefault or "
            "Localhost");
  EXPECT_EQ(found[0].where.line, 7);
  EXPECT_EQ(found[0].severity, Severity::medium);
}

TEST(TranslatedKubernetes, AWindowsPodIsNotAskedForLinuxOnlySettings) {
  constexpr std::string_view manifest = R"(apiVersion: v1
kind: Pod
metadata: {name: iis}
spec:
  os: {name: windows}
  containers:
    - name: web
      image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
)";
  constexpr std::string_view linux_only[] = {"capabilities-not-dropped", "privilege-escalation",
                                             "seccomp-unconfined", "writable-root-filesystem"};
  for (std::string_view slug : linux_only) EXPECT_TRUE(findings(slug, manifest).empty()) << slug;
  EXPECT_EQ(findings("root-user", manifest).size(), 1u);
  std::string linux_pod(manifest);
  linux_pod.replace(linux_pod.find("windows}"), 7, "linux");
  for (std::string_view slug : linux_only) EXPECT_EQ(findings(slug, linux_pod).size(), 1u) << slug;
}

TEST(TranslatedKubernetes, HostPathSocketIsReportedOnceAsSocket) {
  constexpr std::string_view manifest = R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: app
      image: nginx:1.25
  volumes:
    - name: docker
      hostPath: {path: /var/run/docker.sock}
    - name: runfolder
      hostPath: {path: /var/run/}
    - name: config
      hostPath: {path: /etc/kubernetes}
    - name: cache
    - name: shared
      nfs: {server: nas, path: /export}
)";
  EXPECT_EQ(
      messages("container-socket-mount", manifest),
      (std::vector<std::string>{
          "volume \"docker\" mounts the container engine socket /var/run/docker.sock",
          "volume \"runfolder\" mounts /var/run/, a folder that holds container engine sockets",
      }));
  EXPECT_EQ(messages("sensitive-host-mount", manifest),
            (std::vector<std::string>{"volume \"config\" mounts host path /etc/kubernetes"}));
  EXPECT_EQ(messages("disallowed-volume-type", manifest),
            (std::vector<std::string>{
                "volume \"docker\" has type hostPath",
                "volume \"runfolder\" has type hostPath",
                "volume \"config\" has type hostPath",
                "volume \"shared\" has type nfs",
            }));
}

TEST(TranslatedKubernetes, PersistentVolumeOnAHostPathIsAMountOfIt) {
  constexpr std::string_view manifest = R"(apiVersion: v1
kind: PersistentVolume
metadata: {name: root}
spec:
  capacity: {storage: 1Gi}
  hostPath:
    path: /
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: sock}
spec:
  hostPath: {path: /run/containerd/containerd.sock, type: Socket}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: data}
spec:
  hostPath: {path: /mnt/data}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: nfs}
spec:
  nfs: {server: nas, path: /etc}
)";
  auto sensitive = findings("sensitive-host-mount", manifest);
  ASSERT_EQ(sensitive.size(), 1u);
  EXPECT_EQ(sensitive[0].message,
            "PersistentVolume \"root\" is host path /, mounted by every pod that claims it");
  EXPECT_EQ(sensitive[0].object, "PersistentVolume root");
  EXPECT_EQ(sensitive[0].where.line, 7);  // the path
  EXPECT_EQ(sensitive[0].where.column, 11);
  EXPECT_EQ(messages("container-socket-mount", manifest),
            (std::vector<std::string>{"PersistentVolume \"sock\" is host path "
                                      "/run/containerd/containerd.sock, mounted by every pod "
                                      "that claims it"}));
}

TEST(TranslatedKubernetes, PrivilegedPortPointsAtTheContainerPort) {
  constexpr std::string_view manifest = R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: app
      image: nginx:1.25
      ports:
        - name: http
          containerPort: 80
        - containerPort: 443
          hostPort: 8443
)";
  auto found = findings("privileged-port", manifest);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].where.line, 10);
  EXPECT_EQ(found[0].where.column, 26);
  EXPECT_EQ(found[1].where.line, 11);
  // host-port stays at the hostPort it reports.
  auto host = findings("host-port", manifest);
  ASSERT_EQ(host.size(), 1u);
  EXPECT_EQ(host[0].where.line, 12);
}

TEST(TranslatedKubernetes, SecretsFromValueButNotValueFrom) {
  constexpr std::string_view manifest = R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: app
      image: nginx:1.25
      env:
        - name: DB_PASSWORD
          value: hunter2
        - name: API_TOKEN
          valueFrom:
            secretKeyRef: {name: api, key: token}
        - name: CACHE_URL
          value: redis://default:pw@cache:6379
)";
  auto found = findings("secret-in-env", manifest);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message,
            "container \"app\": environment variable DB_PASSWORD holds a literal value");
  EXPECT_EQ(found[1].message,
            "container \"app\": environment variable CACHE_URL holds a URL with a password");
  for (const Finding& f : found) {
    EXPECT_EQ(f.message.find("hunter2"), std::string::npos);
    EXPECT_EQ(f.message.find("pw@"), std::string::npos);
  }
}

TEST(TranslatedKubernetes, APlaceholderLeftForTemplatingIsNoLiteralSecret) {
  constexpr std::string_view manifest = R"y(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: app
      image: nginx:1.25
      env:
        - name: CLIENT_SECRET
          value: ${CLIENT_SECRET}
        - name: DB_PASSWORD
          value: "$(DB_PASSWORD_FROM_SECRET)"
        - name: API_TOKEN
          value: prefix-${TOKEN}
        - name: SESSION_SECRET
          value: ${1}
)y";
  EXPECT_EQ(messages("secret-in-env", manifest),
            (std::vector<std::string>{
                "container \"app\": environment variable API_TOKEN holds a literal value",
                "container \"app\": environment variable SESSION_SECRET holds a literal value"}));
}

TEST(TranslatedKubernetes, ImagesOfEveryContainerRole) {
  constexpr std::string_view manifest = R"(apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      initContainers:
        - name: wait
          image: busybox
      containers:
        - name: run
          image: example/migrate:2.0
        - name: noimage
)";
  EXPECT_EQ(messages("image-latest-tag", manifest),
            (std::vector<std::string>{
                "init container \"wait\": image \"busybox\" has no tag (implies latest)"}));
  EXPECT_EQ(messages("image-not-pinned", manifest).size(), 2u);
}

TEST(TranslatedKubernetes, ImageVolumeReferencesAreCheckedAtTheirLine) {
  constexpr std::string_view manifest = R"(apiVersion: v1
kind: Pod
metadata: {name: tools}
spec:
  containers:
    - name: app
      image: example/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
  volumes:
    - name: kit
      image:
        reference: quay.io/tools/kit:latest
        pullPolicy: IfNotPresent
    - name: models
      image:
        reference: example/models:2.1
    - name: broken
      image: {}
)";
  std::vector<Finding> latest = findings("image-latest-tag", manifest);
  ASSERT_EQ(latest.size(), 1u);
  EXPECT_EQ(latest[0].message,
            "volume \"kit\": image \"quay.io/tools/kit:latest\" uses tag latest");
  EXPECT_EQ(latest[0].where.line, 11);
  EXPECT_EQ(latest[0].where.column, 20);
  EXPECT_EQ(messages("image-not-pinned", manifest),
            (std::vector<std::string>{
                "volume \"kit\": image \"quay.io/tools/kit:latest\" is not pinned by digest",
                "volume \"models\": image \"example/models:2.1\" is not pinned by digest"}));
}

}  // namespace
}  // namespace vern
