#!/usr/bin/env python3
"""Writes a benchmark corpus of Kubernetes manifests and Compose files.

Usage: bench/gen_manifests.py OUT_DIR [--files N] [--compose-share F] [--seed S]

The files are deterministic for a seed and look like real ones: multi-document
manifests that bundle a Namespace, a workload (Deployment, StatefulSet,
DaemonSet, CronJob or bare Pod), its Service, ConfigMap and NetworkPolicy; and
Compose files that share settings through `x-` anchors and `<<:` merge keys.
Roughly half of the settings are hardened and half insecure (root users,
privileged containers, host mounts, literal secrets, missing limits, ...), and
each file is between 1 and 10 KB.

Layout: OUT_DIR/k8s/NNN/app-NNNNN.yaml and OUT_DIR/compose/NNN/NNNNN/docker-compose.yml
(or compose.yaml), 1,000 files per NNN folder.
"""
import argparse
import os
import random

IMAGES = ["nginx:1.25", "nginx", "redis:7.2", "postgres:16", "mysql:8.0", "mongo:7",
          "registry.example.com/shop/api:3.4.1", "ghcr.io/acme/worker:v2", "busybox:latest",
          "gcr.io/distroless/static@sha256:" + "ab" * 32, "quay.io/prometheus/node-exporter:v1.7.0",
          "elasticsearch:8.11.1", "registry.example.com/shop/web@sha256:" + "c3" * 32]
DB_IMAGES = ["postgres:16", "mysql:8.0", "redis:7.2", "mongo:7", "mariadb:11"]
APP_WORDS = ["api", "web", "worker", "billing", "search", "auth", "cart", "gateway", "metrics",
             "ingest", "notifier", "report", "scheduler", "cache", "frontend"]
TEAMS = ["payments", "platform", "data", "growth", "infra", "identity"]
ENV_NAMES = ["LOG_LEVEL", "PORT", "DB_HOST", "DB_PASSWORD", "API_TOKEN", "FEATURE_FLAGS",
             "REDIS_URL", "AWS_SECRET_ACCESS_KEY", "TZ", "JAVA_OPTS", "CACHE_TTL", "SMTP_HOST"]
CAPS = ["NET_BIND_SERVICE", "SYS_ADMIN", "NET_ADMIN", "CHOWN", "SYS_PTRACE", "ALL"]


def chance(rng, p):
    return rng.random() < p


def env_value(rng, name):
    if name == "PORT":
        return str(rng.choice([8080, 3000, 80]))
    if name == "REDIS_URL":
        return rng.choice(["redis://cache:6379/0", "redis://:s3cr3t@cache:6379/0"])
    if "PASSWORD" in name or "TOKEN" in name or "SECRET" in name:
        return "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(20))
    return rng.choice(["info", "debug", "db.internal", "Europe/Berlin", "-Xmx512m", "300",
                       "smtp.example.com", "new-checkout,dark-mode"])


# --- Kubernetes -------------------------------------------------------------

def labels(ind, app, team):
    return (f"{ind}labels:\n{ind}  app.kubernetes.io/name: {app}\n"
            f"{ind}  app.kubernetes.io/part-of: shop\n{ind}  team: {team}\n")


def k8s_container(rng, ind, name, hardened):
    out = [f"{ind}- name: {name}\n", f"{ind}  image: {rng.choice(IMAGES)}\n",
           f"{ind}  imagePullPolicy: {rng.choice(['IfNotPresent', 'Always'])}\n"]
    port = rng.choice([8080, 80, 443, 5432, 6379, 9090, 3000])
    out.append(f"{ind}  ports:\n{ind}    - name: http\n{ind}      containerPort: {port}\n"
               f"{ind}      protocol: TCP\n")
    if chance(rng, 0.1):
        out.append(f"{ind}      hostPort: {port}\n")
    out.append(f"{ind}  env:\n")
    for n in rng.sample(ENV_NAMES, rng.randrange(2, 7)):
        if chance(rng, 0.4 if hardened else 0.1):
            out.append(f"{ind}    - name: {n}\n{ind}      valueFrom:\n{ind}        secretKeyRef:\n"
                       f"{ind}          name: {name}-secrets\n{ind}          key: {n.lower()}\n")
        else:
            out.append(f'{ind}    - name: {n}\n{ind}      value: "{env_value(rng, n)}"\n')
    if hardened or chance(rng, 0.5):
        lim = "" if not hardened and chance(rng, 0.5) else (
            f"{ind}    limits:\n{ind}      cpu: {rng.choice(['250m', '500m', '1'])}\n"
            f"{ind}      memory: {rng.choice(['128Mi', '512Mi', '1Gi'])}\n")
        out.append(f"{ind}  resources:\n{ind}    requests:\n{ind}      cpu: 100m\n"
                   f"{ind}      memory: 64Mi\n{lim}")
    if chance(rng, 0.6):
        out.append(f"{ind}  readinessProbe:\n{ind}    httpGet:\n{ind}      path: /healthz\n"
                   f"{ind}      port: http\n{ind}    initialDelaySeconds: 5\n"
                   f"{ind}    periodSeconds: 10\n")
    if hardened:
        out.append(f"{ind}  securityContext:\n{ind}    runAsNonRoot: true\n"
                   f"{ind}    runAsUser: {rng.choice([10001, 65532, 1000])}\n"
                   f"{ind}    allowPrivilegeEscalation: false\n"
                   f"{ind}    readOnlyRootFilesystem: true\n"
                   f"{ind}    capabilities:\n{ind}      drop: [\"ALL\"]\n"
                   f"{ind}    seccompProfile:\n{ind}      type: RuntimeDefault\n")
    elif chance(rng, 0.7):
        sc = [f"{ind}  securityContext:\n"]
        if chance(rng, 0.4):
            sc.append(f"{ind}    privileged: true\n")
        if chance(rng, 0.5):
            sc.append(f"{ind}    runAsUser: 0\n")
        if chance(rng, 0.5):
            sc.append(f"{ind}    capabilities:\n{ind}      add:\n")
            for c in rng.sample(CAPS, 2):
                sc.append(f"{ind}        - {c}\n")
        if chance(rng, 0.3):
            sc.append(f"{ind}    seccompProfile:\n{ind}      type: Unconfined\n")
        if len(sc) == 1:
            sc.append(f"{ind}    allowPrivilegeEscalation: true\n")
        out.extend(sc)
    out.append(f"{ind}  volumeMounts:\n{ind}    - name: config\n"
               f"{ind}      mountPath: /etc/{name}\n{ind}      readOnly: true\n")
    if not hardened and chance(rng, 0.4):
        out.append(f"{ind}    - name: host\n{ind}      mountPath: /host\n")
    return "".join(out)


def pod_spec(rng, ind, app, hardened):
    out = [f"{ind}serviceAccountName: {app}\n"]
    if hardened or chance(rng, 0.3):
        out.append(f"{ind}automountServiceAccountToken: false\n")
    if not hardened:
        for key in ("hostNetwork", "hostPID", "hostIPC"):
            if chance(rng, 0.12):
                out.append(f"{ind}{key}: true\n")
    if hardened:
        out.append(f"{ind}securityContext:\n{ind}  runAsNonRoot: true\n"
                   f"{ind}  fsGroup: 10001\n{ind}  seccompProfile:\n"
                   f"{ind}    type: RuntimeDefault\n")
    if chance(rng, 0.3):
        out.append(f"{ind}initContainers:\n")
        out.append(k8s_container(rng, ind + "  ", "init-migrate", hardened))
    out.append(f"{ind}containers:\n")
    for i in range(rng.randrange(1, 4)):
        out.append(k8s_container(rng, ind + "  ", app if i == 0 else f"{app}-side{i}", hardened))
    out.append(f"{ind}volumes:\n{ind}  - name: config\n{ind}    configMap:\n"
               f"{ind}      name: {app}-config\n")
    if not hardened and chance(rng, 0.4):
        path = rng.choice(["/var/run/docker.sock", "/etc", "/var/log", "/", "/srv/data"])
        out.append(f"{ind}  - name: host\n{ind}    hostPath:\n{ind}      path: {path}\n")
    if chance(rng, 0.3):
        out.append(f"{ind}tolerations:\n{ind}  - key: dedicated\n{ind}    operator: Equal\n"
                   f"{ind}    value: {rng.choice(TEAMS)}\n{ind}    effect: NoSchedule\n")
    return "".join(out)


def workload(rng, ns, app, team, hardened):
    kind = rng.choices(["Deployment", "StatefulSet", "DaemonSet", "CronJob", "Pod",
                        "Job"], [40, 15, 10, 15, 10, 5])[0]
    api = {"Deployment": "apps/v1", "StatefulSet": "apps/v1", "DaemonSet": "apps/v1",
           "CronJob": "batch/v1", "Pod": "v1", "Job": "batch/v1"}[kind]
    if chance(rng, 0.05):
        api = {"Deployment": "extensions/v1beta1", "CronJob": "batch/v1beta1"}.get(kind, api)
    head = (f"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: {app}\n  namespace: {ns}\n"
            + labels("  ", app, team))
    if chance(rng, 0.3):
        head += ("  annotations:\n    deploy.example.com/revision: \""
                 f"{rng.randrange(1, 999)}\"\n    owner: {team}@example.com\n")
    if kind == "Pod":
        return head + "spec:\n" + pod_spec(rng, "  ", app, hardened)
    template = ("  template:\n    metadata:\n" + labels("      ", app, team)
                + "    spec:\n" + pod_spec(rng, "      ", app, hardened))
    selector = f"  selector:\n    matchLabels:\n      app.kubernetes.io/name: {app}\n"
    if kind == "CronJob":
        tpl = template.replace("\n", "\n    ").rstrip(" ")
        return (head + f"spec:\n  schedule: \"{rng.randrange(60)} */{rng.randrange(1, 12)} * * *\"\n"
                "  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      backoffLimit: 2\n"
                "    " + tpl.replace("spec:\n", "spec:\n          restartPolicy: OnFailure\n", 1))
    if kind == "Job":
        return head + "spec:\n  backoffLimit: 3\n" + template
    extra = ""
    if kind == "Deployment":
        extra = (f"  replicas: {rng.randrange(1, 6)}\n  strategy:\n    type: RollingUpdate\n"
                 "    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n")
    elif kind == "StatefulSet":
        extra = (f"  replicas: 3\n  serviceName: {app}\n  volumeClaimTemplates:\n"
                 "    - metadata:\n        name: data\n      spec:\n"
                 "        accessModes: [\"ReadWriteOnce\"]\n        resources:\n"
                 "          requests:\n            storage: 10Gi\n")
    return head + "spec:\n" + extra + selector + template


def namespace(rng, ns, team):
    out = f"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n  labels:\n    team: {team}\n"
    level = rng.choice(["restricted", "restricted", "baseline", None])
    if level:
        out += f"    pod-security.kubernetes.io/enforce: {level}\n"
    return out


def network_policy(rng, ns, app):
    if chance(rng, 0.5):
        return (f"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
                f"  name: default-deny\n  namespace: {ns}\nspec:\n  podSelector: {{}}\n"
                "  policyTypes:\n    - Ingress\n    - Egress\n")
    return (f"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
            f"  name: {app}-ingress\n  namespace: {ns}\nspec:\n  podSelector:\n"
            f"    matchLabels:\n      app.kubernetes.io/name: {app}\n  policyTypes:\n"
            "    - Ingress\n  ingress:\n    - from:\n        - namespaceSelector:\n"
            "            matchLabels:\n              kubernetes.io/metadata.name: ingress\n"
            "      ports:\n        - protocol: TCP\n          port: 8080\n")


def service(rng, ns, app):
    return (f"apiVersion: v1\nkind: Service\nmetadata:\n  name: {app}\n  namespace: {ns}\n"
            f"spec:\n  type: {rng.choice(['ClusterIP', 'NodePort'])}\n  selector:\n"
            f"    app.kubernetes.io/name: {app}\n  ports:\n    - name: http\n      port: 80\n"
            "      targetPort: http\n")


def config_map(rng, ns, app):
    lines = "".join(f"  {k.lower()}: \"{env_value(rng, k)}\"\n" for k in rng.sample(ENV_NAMES, 4))
    return (f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {app}-config\n"
            f"  namespace: {ns}\ndata:\n{lines}  app.properties: |\n"
            "    server.port=8080\n    management.endpoints.web.exposure.include=health\n")


def k8s_file(rng, target):
    team = rng.choice(TEAMS)
    ns = f"{team}-{rng.choice(['prod', 'staging', 'dev'])}"
    docs = []
    if chance(rng, 0.3):
        docs.append(namespace(rng, ns, team))
    size = 0
    while True:
        app = f"{rng.choice(APP_WORDS)}-{rng.randrange(100)}"
        hardened = chance(rng, 0.5)
        group = [workload(rng, ns, app, team, hardened)]
        if chance(rng, 0.6):
            group.append(service(rng, ns, app))
        if chance(rng, 0.4):
            group.append(config_map(rng, ns, app))
        if chance(rng, 0.4):
            group.append(network_policy(rng, ns, app))
        grown = size + sum(len(d) for d in group)
        if docs and grown > 10000:
            break
        docs.extend(group)
        size = grown
        if size >= target:
            break
    head = "# Managed by the platform team; do not edit by hand.\n" if chance(rng, 0.3) else ""
    return head + "".join(("---\n" if i or chance(rng, 0.5) else "") + d
                          for i, d in enumerate(docs))


# --- Compose ----------------------------------------------------------------

def compose_service(rng, name, hardened, anchors):
    out = [f"  {name}:\n"]
    if anchors and chance(rng, 0.7):
        out.append(f"    <<: *{rng.choice(anchors)}\n")
    is_db = chance(rng, 0.25)
    image = rng.choice(DB_IMAGES if is_db else IMAGES)
    out.append(f"    image: {image}\n")
    if not is_db and chance(rng, 0.3):
        out.append("    build:\n      context: .\n      dockerfile: Dockerfile\n      args:\n"
                   "        - BUILD_DATE\n")
    if chance(rng, 0.6):
        ports = []
        for _ in range(rng.randrange(1, 3)):
            p = 5432 if is_db else rng.choice([80, 8080, 3000, 443])
            ports.append(rng.choice([f'"{p}:{p}"', f'"127.0.0.1:{p}:{p}"', f'"{p}"',
                                     f'"{p + 10000}:{p}"']))
        out.append("    ports:\n" + "".join(f"      - {p}\n" for p in ports))
    if chance(rng, 0.8):
        out.append("    environment:\n")
        for n in rng.sample(ENV_NAMES, rng.randrange(2, 6)):
            v = "${" + n + "}" if hardened and chance(rng, 0.6) else env_value(rng, n)
            out.append(f"      {n}: \"{v}\"\n")
    if hardened:
        out.append(f"    user: \"{rng.choice(['10001', '10001:10001', 'app'])}\"\n"
                   "    read_only: true\n    cap_drop:\n      - ALL\n"
                   "    security_opt:\n      - no-new-privileges:true\n"
                   f"    mem_limit: {rng.choice(['256m', '512m', '1g'])}\n"
                   "    cpus: 0.5\n    pids_limit: 200\n    networks:\n      - backend\n"
                   "    tmpfs:\n      - /tmp\n")
    else:
        if chance(rng, 0.3):
            out.append(f"    user: {rng.choice(['root', '0', '0:0'])}\n")
        if chance(rng, 0.25):
            out.append("    privileged: true\n")
        if chance(rng, 0.3):
            out.append(f"    cap_add:\n      - {rng.choice(CAPS)}\n")
        if chance(rng, 0.2):
            out.append(f"    network_mode: {rng.choice(['host', 'bridge'])}\n")
        if chance(rng, 0.15):
            out.append("    pid: host\n")
        if chance(rng, 0.2):
            out.append("    security_opt:\n      - seccomp:unconfined\n")
        if chance(rng, 0.5):
            out.append("    deploy:\n      resources:\n        limits:\n"
                       f"          memory: {rng.choice(['512M', '1G'])}\n")
    vols = []
    if chance(rng, 0.6):
        vols.append(f"{name}-data:/var/lib/{name}")
    if not hardened and chance(rng, 0.4):
        vols.append(rng.choice(["/var/run/docker.sock:/var/run/docker.sock", "/etc:/host/etc:ro",
                                "/:/rootfs:ro", "./config:/etc/app:ro"]))
    if vols:
        out.append("    volumes:\n" + "".join(f"      - {v}\n" for v in vols))
    if chance(rng, 0.5):
        out.append("    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/\"]\n"
                   "      interval: 30s\n      timeout: 5s\n      retries: 3\n")
    if chance(rng, 0.4):
        out.append("    depends_on:\n      - db\n")
    if chance(rng, 0.3):
        out.append("    command: [\"/app/start\", \"--port\", \"8080\"]\n")
    return "".join(out), f"{name}-data" if vols and vols[0].startswith(name) else None


def compose_file(rng, target):
    out = []
    if chance(rng, 0.3):
        out.append(f"version: \"{rng.choice(['3.8', '3.9', '2.4'])}\"\n")
    anchors = []
    if chance(rng, 0.7):
        out.append("x-logging: &logging\n  driver: json-file\n  options:\n"
                   "    max-size: \"10m\"\n    max-file: \"3\"\n")
        out.append("x-defaults: &defaults\n  restart: unless-stopped\n  logging: *logging\n"
                   "  init: true\n")
        anchors.append("defaults")
        if chance(rng, 0.5):
            out.append("x-hardened: &hardened\n  read_only: true\n  cap_drop: [ALL]\n"
                       "  security_opt: [\"no-new-privileges:true\"]\n  user: \"10001\"\n")
            anchors.append("hardened")
    out.append("services:\n")
    size = sum(len(s) for s in out)
    named = []
    for i in range(40):
        name = "db" if i == 1 else f"{rng.choice(APP_WORDS)}{i}"
        text, volume = compose_service(rng, name, chance(rng, 0.5), anchors)
        if named and size + len(text) > 9500:
            break
        out.append(text)
        named.append(volume)
        size += len(text)
        if size >= target:
            break
    vols = [v for v in named if v]
    if vols:
        out.append("volumes:\n" + "".join(f"  {v}:\n" for v in vols))
    out.append("networks:\n  backend:\n")
    if chance(rng, 0.5):
        out.append("    internal: true\n")
    if chance(rng, 0.3):
        out.append("  frontend:\n    driver: bridge\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--compose-share", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n_compose = int(args.files * args.compose_share)
    for i in range(args.files - n_compose):
        d = os.path.join(args.out, "k8s", f"{i // 1000:03d}")
        os.makedirs(d, exist_ok=True)
        # Sizes skew small, as in real repositories: most files hold one app.
        target = int(min(10000, max(1000, rng.lognormvariate(8.0, 0.6))))
        with open(os.path.join(d, f"app-{i:05d}.yaml"), "w") as f:
            f.write(k8s_file(rng, target))
    for i in range(n_compose):
        d = os.path.join(args.out, "compose", f"{i // 1000:03d}", f"{i:05d}")
        os.makedirs(d, exist_ok=True)
        target = int(min(9000, max(1000, rng.lognormvariate(7.8, 0.6))))
        name = "compose.yaml" if i % 3 == 0 else "docker-compose.yml"
        with open(os.path.join(d, name), "w") as f:
            f.write(compose_file(rng, target))


if __name__ == "__main__":
    main()
