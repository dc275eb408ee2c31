#include <gtest/gtest.h>

#include "sources/kubernetes/translate.h"

namespace vern {
namespace {

const char* k_deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: unconfined
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      initContainers:
        - name: init
          image: busybox
      containers:
        - name: app
          image: nginx:1.25
          securityContext:
            runAsNonRoot: false
            capabilities:
              drop: [all]
              add: ["NET_ADMIN"]
          ports:
            - containerPort: 80
              hostPort: 8080
          env:
            - name: DB_PASSWORD
              value: hunter2
            - name: TOKEN
              valueFrom:
                secretKeyRef: {name: s, key: k}
          resources:
            limits:
              memory: 128Mi
      volumes:
        - name: sock
          hostPath:
            path: /var/run/docker.sock
        - name: scratch
)";

TEST(KubernetesTranslator, DeploymentBecomesOneWorkloadWithAllContainers) {
  Translation t = translate_kubernetes("deploy.yaml", k_deployment);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  ASSERT_EQ(t.inventory.workloads.size(), 1u);
  const Workload& w = t.inventory.workloads[0];
  EXPECT_EQ(w.label(), "Deployment prod/web");
  ASSERT_EQ(w.containers.size(), 2u);
  EXPECT_EQ(w.containers[0].role, ContainerRole::init);
  EXPECT_EQ(w.containers[1].name, "app");
  EXPECT_EQ(w.service_account, "default");
  EXPECT_EQ(w.pod_spec_where.line, 11);
}

TEST(KubernetesTranslator, ContainersOutsideThePodTemplateAreAnErrorAtTheirKey) {
  Translation t = translate_kubernetes("deploy.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  containers:
    - name: web
      image: nginx:latest
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 1 * * *"
  jobTemplate:
    spec:
      containers: [{name: job, image: busybox}]
)");
  EXPECT_TRUE(t.inventory.workloads.empty());
  ASSERT_EQ(t.errors.size(), 2u);
  EXPECT_EQ(t.errors[0].message,
            "Deployment has containers outside its pod template: they belong under "
            "spec.template.spec, so none of them is checked");
  EXPECT_EQ(t.errors[0].line, 6);
  EXPECT_EQ(t.errors[0].column, 3);
  EXPECT_NE(t.errors[1].message.find("spec.jobTemplate.spec.template.spec"), std::string::npos);
  EXPECT_EQ(t.errors[1].line, 17);
}

TEST(KubernetesTranslator, AWorkloadWithoutATemplateIsAQuietPatch) {
  Translation t = translate_kubernetes("patch.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
)");
  EXPECT_TRUE(t.errors.empty());
  EXPECT_TRUE(t.inventory.workloads.empty());
}

TEST(KubernetesTranslator, AZeroLimitInAnyUnitIsNoLimitWrittenOut) {
  const char* text = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      resources:
        limits: {memory: 0Mi, cpu: "0.0"}
    - name: b
      image: b:1
      resources:
        limits: {memory: 10Mi, cpu: 100m}
)";
  Translation t = translate_kubernetes("pod.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  const auto& c = t.inventory.workloads.at(0).containers;
  ASSERT_EQ(c.size(), 2u);
  EXPECT_TRUE(c[0].resources.memory_limit.is_absent());
  EXPECT_EQ(c[0].resources.memory_limit.value, "0Mi");
  EXPECT_EQ(c[0].resources.memory_limit.where.line, 9);
  EXPECT_TRUE(c[0].resources.cpu_limit.is_absent());
  EXPECT_TRUE(c[1].resources.memory_limit.is("10Mi"));
  EXPECT_TRUE(c[1].resources.cpu_limit.is("100m"));
}

TEST(KubernetesTranslator, PodLevelLimitsBoundTheContainersWithoutTheirOwn) {
  const char* text = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  resources:
    limits: {cpu: "1", memory: 200Mi}
  containers:
    - name: own
      image: a:1
      resources: {limits: {memory: 50Mi}}
    - name: shared
      image: b:1
)";
  Translation t = translate_kubernetes("pod.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  const auto& c = t.inventory.workloads.at(0).containers;
  ASSERT_EQ(c.size(), 2u);
  EXPECT_TRUE(c[0].resources.memory_limit.is("50Mi"));
  EXPECT_TRUE(c[0].resources.cpu_limit.is("1"));
  EXPECT_TRUE(c[1].resources.memory_limit.is("200Mi"));
  EXPECT_EQ(c[1].resources.memory_limit.where.line, 6);
}

TEST(KubernetesTranslator, AWrongPodLevelValueIsOneErrorHoweverManyContainersInheritIt) {
  const char* text = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: username}
  containers:
    - {name: a, image: a:1}
    - {name: b, image: b:1}
    - name: c
      image: c:1
      resources:
        requests:
          - memory: 64Mi
)";
  Translation t = translate_kubernetes("pod.yaml", text);
  ASSERT_EQ(t.errors.size(), 2u);
  EXPECT_EQ(t.errors[0].message, "runAsUser must be an integer, not 'username'");
  EXPECT_EQ(t.errors[0].line, 5);
  EXPECT_EQ(t.errors[1].message, "resources.requests must be a mapping, not a list");
  EXPECT_EQ(t.errors[1].line, 13);
  EXPECT_EQ(t.inventory.workloads.at(0).containers.size(), 3u);
}

TEST(KubernetesTranslator, DeploymentConfigAndKnativeServicesAreWorkloads) {
  const char* text = R"(apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata: {name: legacy, namespace: shop}
spec:
  template:
    spec:
      containers: [{name: app, image: app:1}]
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: hello}
spec:
  template:
    spec:
      containers: [{image: hello:1}]
---
apiVersion: serving.knative.dev/v1
kind: Configuration
metadata: {name: conf}
spec:
  template:
    spec:
      containers: [{image: conf:1}]
---
apiVersion: serving.knative.dev/v1
kind: Revision
metadata: {name: rev, namespace: shop}
spec:
  containers: [{image: rev:1}]
  volumes: [{name: data, hostPath: {path: /var/data}}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports: [{port: 80}]
)";
  Translation t = translate_kubernetes("apps.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  ASSERT_EQ(t.inventory.workloads.size(), 4u);
  EXPECT_EQ(t.inventory.workloads[0].label(), "DeploymentConfig shop/legacy");
  EXPECT_EQ(t.inventory.workloads[1].label(), "Service default/hello");
  EXPECT_EQ(t.inventory.workloads[1].containers.size(), 1u);
  EXPECT_EQ(t.inventory.workloads[2].label(), "Configuration default/conf");
  // A Revision's spec is a pod spec, as a Pod's is.
  const Workload& rev = t.inventory.workloads[3];
  EXPECT_EQ(rev.label(), "Revision shop/rev");
  ASSERT_EQ(rev.containers.size(), 1u);
  ASSERT_EQ(rev.volumes.size(), 1u);
  EXPECT_TRUE(rev.volumes[0].host_path.is("/var/data"));
}

TEST(KubernetesTranslator, KedaScaledJobAndKruiseCloneSetAreWorkloads) {
  const char* text = R"(apiVersion: keda.sh/v1alpha1
kind: ScaledJob
metadata: {name: worker, namespace: jobs}
spec:
  jobTargetRef:
    template:
      spec:
        containers: [{name: w, image: busybox:1}]
---
apiVersion: apps.kruise.io/v1alpha1
kind: CloneSet
metadata: {name: web}
spec:
  template:
    spec:
      hostNetwork: true
      containers: [{name: web, image: nginx:1}]
---
apiVersion: example.com/v1
kind: ScaledJob
metadata: {name: other}
spec:
  jobTargetRef:
    template:
      spec:
        containers: [{name: x, image: x:1}]
)";
  Translation t = translate_kubernetes("apps.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  ASSERT_EQ(t.inventory.workloads.size(), 2u);
  EXPECT_EQ(t.inventory.workloads[0].label(), "ScaledJob jobs/worker");
  EXPECT_EQ(t.inventory.workloads[0].containers.at(0).name, "w");
  EXPECT_EQ(t.inventory.workloads[0].pod_spec_where.line, 7);
  EXPECT_EQ(t.inventory.workloads[1].label(), "CloneSet default/web");
  EXPECT_TRUE(t.inventory.workloads[1].host_network.is(true));
}

TEST(KubernetesTranslator, ArgoRolloutIsAWorkload) {
  const char* text = R"(apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web, namespace: shop}
spec:
  strategy: {canary: {steps: [{setWeight: 20}]}}
  template:
    spec:
      containers: [{name: app, image: app:1}]
)";
  Translation t = translate_kubernetes("rollout.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  ASSERT_EQ(t.inventory.workloads.size(), 1u);
  EXPECT_EQ(t.inventory.workloads[0].label(), "Rollout shop/web");
}

TEST(KubernetesTranslator, ArgoWorkflowTemplatesThatRunPodsAreWorkloads) {
  const char* text = R"yaml(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: hello, namespace: ci}
spec:
  serviceAccountName: runner
  hostNetwork: true
  securityContext: {runAsNonRoot: true}
  volumes: [{name: docker, hostPath: {path: /var/run/docker.sock}}]
  templates:
    - name: main
      steps: [[{name: say, template: say}]]
    - name: say
      container: {image: "docker/whalesay:latest"}
      sidecars: [{name: proxy, image: "envoy:1"}]
    - name: build
      securityContext: {runAsUser: 0}
      serviceAccountName: builder
      script: {image: "python:3.12", source: "print(1)"}
    - name: set
      containerSet:
        containers: [{name: a, image: "a:1"}, {name: b, image: "b:1"}]
---
apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata: {name: nightly}
spec:
  schedule: "0 1 * * *"
  workflowSpec:
    templates: [{name: job, container: {image: "job:1"}}]
)yaml";
  Translation t = translate_kubernetes("workflow.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  const auto& ws = t.inventory.workloads;
  ASSERT_EQ(ws.size(), 4u);  // `main` only runs steps: no pod of its own
  EXPECT_EQ(ws[0].label(), "Workflow ci/hello");
  ASSERT_EQ(ws[0].containers.size(), 2u);
  EXPECT_EQ(ws[0].containers[0].name, "say");  // Argo's "main", named after its template
  EXPECT_EQ(ws[0].containers[1].name, "proxy");
  EXPECT_TRUE(ws[0].containers[0].run_as_non_root.is(true));  // from the workflow
  EXPECT_TRUE(ws[0].host_network.is(true));
  EXPECT_EQ(ws[0].service_account, "runner");
  ASSERT_EQ(ws[0].volumes.size(), 1u);
  EXPECT_TRUE(ws[0].volumes[0].host_path.is("/var/run/docker.sock"));
  // A template's own securityContext replaces the workflow's.
  EXPECT_FALSE(ws[1].containers[0].run_as_non_root.is(true));
  EXPECT_TRUE(ws[1].containers[0].run_as_user.is(0));
  EXPECT_EQ(ws[1].service_account, "builder");
  EXPECT_EQ(ws[2].containers.size(), 2u);
  EXPECT_EQ(ws[3].label(), "CronWorkflow default/nightly");
}

TEST(KubernetesTranslator, DependentVariableReferencesAreNotLiteralValues) {
  const char* text = R"yaml(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: app
      image: app:1
      env:
        - name: DB_PASSWORD
          valueFrom: {secretKeyRef: {name: db, key: password}}
        - name: DATABASE_URL
          value: "postgresql://app:$(DB_PASSWORD)@db:5432/app"
        - name: REDIS_PASSWORD
          value: $(DB_PASSWORD)
        - name: LITERAL_PASSWORD
          value: "$$(NOT_A_REFERENCE)"
        - name: API_TOKEN
          value: "$(unclosed"
)yaml";
  Translation t = translate_kubernetes("pod.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  const auto& env = t.inventory.workloads.at(0).containers.at(0).env;
  ASSERT_EQ(env.size(), 5u);
  EXPECT_TRUE(env[1].value.is_dynamic());
  EXPECT_TRUE(env[2].value.is_dynamic());
  EXPECT_TRUE(env[3].value.is_literal());
  EXPECT_TRUE(env[4].value.is_literal());
}

TEST(KubernetesTranslator, PersistentVolumeKeepsItsHostOrLocalPath) {
  const char* text = R"(apiVersion: v1
kind: PersistentVolume
metadata:
  name: local
  annotations: {vern.dev/ignore: sensitive-host-mount}
spec:
  hostPath: {path: /etc}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: cloud}
spec:
  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: node-disk}
spec:
  local:
    path: /var/lib/docker
)";
  Translation t = translate_kubernetes("pv.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].to_string();
  ASSERT_EQ(t.inventory.persistent_volumes.size(), 3u);
  // A `local` volume's path is a host path as well.
  EXPECT_TRUE(t.inventory.persistent_volumes[2].host_path.is("/var/lib/docker"));
  EXPECT_EQ(t.inventory.persistent_volumes[2].host_path.where.line, 20);
  const PersistentVolume& local = t.inventory.persistent_volumes[0];
  EXPECT_TRUE(local.host_path.is("/etc"));
  EXPECT_EQ(local.host_path.where.line, 7);
  EXPECT_EQ(local.suppressed, std::vector<std::string>{"sensitive-host-mount"});
  EXPECT_TRUE(t.inventory.persistent_volumes[1].host_path.is_absent());
}

TEST(KubernetesTranslator, ContainerSecurityContextOverridesPod) {
  Translation t = translate_kubernetes("deploy.yaml", k_deployment);
  const Workload& w = t.inventory.workloads[0];
  const Container& init = w.containers[0];
  const Container& app = w.containers[1];
  EXPECT_TRUE(init.run_as_non_root.is(true));
  EXPECT_EQ(init.run_as_non_root.where.line, 13);
  EXPECT_TRUE(app.run_as_non_root.is(false));
  EXPECT_TRUE(init.seccomp.is(k_profile_runtime_default));
  EXPECT_TRUE(app.apparmor.is(k_profile_unconfined));
  EXPECT_TRUE(init.apparmor.is_absent());
  // An absent setting points at the container entry.
  EXPECT_EQ(init.privileged.where, init.where);
  EXPECT_EQ(init.where.line, 17);
}

TEST(KubernetesTranslator, CapabilitiesPortsEnvAndLimits) {
  Translation t = translate_kubernetes("deploy.yaml", k_deployment);
  const Container& app = t.inventory.workloads[0].containers[1];
  ASSERT_EQ(app.caps.drop.size(), 1u);
  EXPECT_EQ(app.caps.drop[0].value, "all");
  ASSERT_EQ(app.caps.add.size(), 1u);
  EXPECT_EQ(app.caps.add[0].where.line, 26);
  ASSERT_EQ(app.ports.size(), 1u);
  EXPECT_TRUE(app.ports[0].k8s_host_port);
  EXPECT_EQ(app.ports[0].container_first, 80);
  EXPECT_EQ(app.ports[0].host_first, 8080);
  ASSERT_EQ(app.env.size(), 2u);
  EXPECT_TRUE(app.env[0].value.is("hunter2"));
  EXPECT_TRUE(app.env[1].value.is_dynamic());
  EXPECT_TRUE(app.resources.memory_limit.is("128Mi"));
  EXPECT_TRUE(app.resources.cpu_limit.is_absent());
}

TEST(KubernetesTranslator, VolumesKeepTypeAndHostPathAndDefaultToEmptyDir) {
  Translation t = translate_kubernetes("deploy.yaml", k_deployment);
  const Workload& w = t.inventory.workloads[0];
  ASSERT_EQ(w.volumes.size(), 2u);
  EXPECT_EQ(w.volumes[0].type, "hostPath");
  EXPECT_TRUE(w.volumes[0].host_path.is("/var/run/docker.sock"));
  EXPECT_EQ(w.volumes[1].type, "emptyDir");
}

TEST(KubernetesTranslator, CronJobListAndPolicyObjects) {
  const char* text = R"(apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1beta1
    kind: CronJob
    metadata: {name: nightly}
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              containers: [{name: job, image: "alpine:3"}]
  - apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: deny, namespace: default}
    spec:
      podSelector: {}
      policyTypes: [Ingress, Egress]
---
apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
    pod-security.kubernetes.io/enforce: baseline
)";
  Translation t = translate_kubernetes("list.yaml", text);
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.inventory.workloads.size(), 1u);
  EXPECT_EQ(t.inventory.workloads[0].kind, "CronJob");
  EXPECT_EQ(t.inventory.workloads[0].ns, "default");
  ASSERT_EQ(t.inventory.network_policies.size(), 1u);
  EXPECT_TRUE(t.inventory.network_policies[0].default_deny());
  ASSERT_EQ(t.inventory.namespaces.size(), 1u);
  EXPECT_TRUE(t.inventory.namespaces[0].enforce_level.is("baseline"));
  EXPECT_EQ(t.inventory.kube_objects.size(), 3u);
}

TEST(KubernetesTranslator, ANetworkPolicyWithoutAPodSelectorSelectsEveryPod) {
  const char* text = R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
)";
  Translation t = translate_kubernetes("np.yaml", text);
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.inventory.network_policies.size(), 2u);
  EXPECT_TRUE(t.inventory.network_policies[0].default_deny());
  EXPECT_FALSE(t.inventory.network_policies[1].default_deny());
}

TEST(KubernetesTranslator, AnObjectWithOnlyAGenerateNameIsKnownByIt) {
  const char* text = R"(apiVersion: batch/v1
kind: Job
metadata: {generateName: migrate-}
spec:
  template:
    spec:
      containers: [{name: m, image: x}]
)";
  Translation t = translate_kubernetes("job.yaml", text);
  ASSERT_EQ(t.inventory.workloads.size(), 1u);
  EXPECT_EQ(t.inventory.workloads[0].name, "migrate-");
}

TEST(KubernetesTranslator, ACustomKindWithAPodTemplateIsAWorkload) {
  const char* text = R"(apiVersion: example.com/v1
kind: MyWorkload
metadata: {name: w, namespace: apps}
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: c
        image: x:1
        securityContext: {privileged: true}
---
apiVersion: example.com/v1
kind: Other
metadata: {name: o}
spec:
  template: "not a pod template"
---
apiVersion: example.com/v1
kind: Another
metadata: {name: a}
spec:
  template:
    spec:
      containers: "not a list"
)";
  Translation t = translate_kubernetes("custom.yaml", text);
  EXPECT_TRUE(t.errors.empty()) << t.errors[0].message;
  ASSERT_EQ(t.inventory.workloads.size(), 1u);
  const Workload& w = t.inventory.workloads[0];
  EXPECT_EQ(w.kind, "MyWorkload");
  EXPECT_EQ(w.ns, "apps");
  ASSERT_EQ(w.containers.size(), 1u);
  EXPECT_TRUE(w.containers[0].privileged.is(true));
  EXPECT_EQ(w.containers[0].privileged.where.line, 11);
}

TEST(KubernetesTranslator, AVolumeEveryContainerMountsReadOnlyIsReadOnly) {
  const char* text = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  volumes:
  - {name: sock, hostPath: {path: /var/run/docker.sock}}
  - {name: data, hostPath: {path: /data}}
  - {name: unused, emptyDir: {}}
  initContainers:
  - {name: i, image: x, volumeMounts: [{name: data, mountPath: /d, readOnly: true}]}
  containers:
  - name: a
    image: x
    volumeMounts:
    - {name: sock, mountPath: /s, readOnly: true}
    - {name: data, mountPath: /d}
)";
  Translation t = translate_kubernetes("pod.yaml", text);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].message;
  const auto& v = t.inventory.workloads.at(0).volumes;
  ASSERT_EQ(v.size(), 3u);
  EXPECT_TRUE(v[0].read_only);
  EXPECT_FALSE(v[1].read_only);  // one container writes to it
  EXPECT_FALSE(v[2].read_only);
}

TEST(KubernetesTranslator, ANegativeRunAsUserIsAnErrorNotANonRootUser) {
  const char* text = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: -5}
  containers: [{name: a, image: x}]
)";
  Translation t = translate_kubernetes("pod.yaml", text);
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].to_string(), "pod.yaml:5:32: runAsUser must be 0 or more, not -5");
  EXPECT_TRUE(t.inventory.workloads.at(0).containers.at(0).run_as_user.is_absent());
}

TEST(KubernetesTranslator, ClusterScopedKindsHaveNoNamespace) {
  const char* text = R"(apiVersion: storage.k8s.io/v1beta1
kind: CSIDriver
metadata: {name: ebs.csi.aws.com}
---
apiVersion: apiregistration.k8s.io/v1beta1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io, namespace: kube-system}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
)";
  Translation t = translate_kubernetes("objects.yaml", text);
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.inventory.kube_objects.size(), 3u);
  EXPECT_EQ(t.inventory.kube_objects[0].ns, "");
  EXPECT_EQ(t.inventory.kube_objects[1].ns, "");
  EXPECT_EQ(t.inventory.kube_objects[2].ns, "default");
}

TEST(KubernetesTranslator, WrongShapeIsAnErrorWithPositionAndTheRestIsKept) {
  const char* text = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: "not a list"
---
apiVersion: v1
kind: Pod
metadata: {name: q}
spec:
  hostNetwork: true
  containers: [{name: c, image: x}]
)";
  Translation t = translate_kubernetes("pods.yaml", text);
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].to_string(), "pods.yaml:5:15: containers must be a list, not a scalar");
  ASSERT_EQ(t.inventory.workloads.size(), 2u);
  EXPECT_TRUE(t.inventory.workloads[1].host_network.is(true));
}

TEST(KubernetesTranslator, ADocumentThatDoesNotParseHidesNoneOfTheOthers) {
  const char* text = R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: x}]
---
apiVersion: v1
kind: Pod
metadata: {name: broken}
spec:
  containers:
  - name: b
    image: [x
---
apiVersion: v1
kind: Pod
metadata: {name: q}
spec:
  hostPID: true
  containers: [{name: c, image: x}]
)";
  Translation t = translate_kubernetes("pods.yaml", text);
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].file, "pods.yaml");
  EXPECT_NE(t.errors[0].message.find("YAML syntax error"), std::string::npos);
  ASSERT_EQ(t.inventory.workloads.size(), 2u);
  EXPECT_EQ(t.inventory.workloads[0].name, "p");
  EXPECT_EQ(t.inventory.workloads[1].name, "q");
  EXPECT_TRUE(t.inventory.workloads[1].host_pid.is(true));
  EXPECT_EQ(t.inventory.workloads[1].host_pid.where.line, 19);
}

TEST(KubernetesTranslator, DeprecatedSeccompAnnotationsCount) {
  const char* text = R"(apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
    container.seccomp.security.alpha.kubernetes.io/b: unconfined
spec:
  containers: [{name: a, image: x}, {name: b, image: x}]
)";
  Translation t = translate_kubernetes("p.yaml", text);
  const Workload& w = t.inventory.workloads[0];
  EXPECT_TRUE(w.containers[0].seccomp.is(k_profile_runtime_default));
  EXPECT_TRUE(w.containers[1].seccomp.is(k_profile_unconfined));
}

TEST(KubernetesTranslator, ProfileAnnotationsOfAControllerAreReadFromItsPodTemplateOnly) {
  const char* text = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
    container.apparmor.security.beta.kubernetes.io/a: unconfined
spec:
  template:
    metadata:
      annotations:
        container.seccomp.security.alpha.kubernetes.io/b: runtime/default
    spec:
      containers: [{name: a, image: x}, {name: b, image: x}]
)";
  Translation t = translate_kubernetes("d.yaml", text);
  ASSERT_EQ(t.inventory.workloads.size(), 1u);
  const Workload& w = t.inventory.workloads[0];
  EXPECT_TRUE(w.containers[0].seccomp.is_absent());
  EXPECT_TRUE(w.containers[0].apparmor.is_absent());
  EXPECT_TRUE(w.containers[1].seccomp.is(k_profile_runtime_default));
  EXPECT_EQ(w.containers[1].seccomp.where.line, 12);
}

TEST(KubernetesTranslator, NotKubernetesIsNotRecognised) {
  Translation t = translate_kubernetes("ci.yaml", "stages: [build]\nbuild:\n  script: make\n");
  EXPECT_FALSE(t.recognised);
  EXPECT_TRUE(t.errors.empty());
}

TEST(KubernetesTranslator, IgnoreAnnotationBecomesInlineSuppressions) {
  const char* text = R"(apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    vern.dev/ignore: "root-user, host-network"
spec:
  containers: [{name: a, image: x}]
)";
  Translation t = translate_kubernetes("p.yaml", text);
  const Workload& w = t.inventory.workloads[0];
  ASSERT_EQ(w.suppressions.size(), 2u);
  EXPECT_EQ(w.suppressions[1].rule, "host-network");
}

}  // namespace
}  // namespace vern
