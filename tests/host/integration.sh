#!/usr/bin/env bash
# Integration test of `vern host` against a real Docker daemon: imports a
# busybox rootfs (Debian's busybox-static, no registry), starts containers with
# known settings and asserts the exact container findings of each, and none for
# the hardened one. Needs DOCKER_HOST pointing at a daemon the tests may use
# (scripts/dockerd-test.sh start); exits 77 (skipped) without one.
#
# usage: integration.sh VERN_BINARY
set -euo pipefail
vern=$1
if [[ -z ${DOCKER_HOST:-} ]] || ! docker version >/dev/null 2>&1; then
  echo "SKIP: no Docker daemon reachable (start one with scripts/dockerd-test.sh start" \
    "and export the DOCKER_HOST it prints)"
  exit 77
fi
sock=${DOCKER_HOST#unix://}
busybox=/bin/busybox
[[ -x $busybox ]] || { echo "SKIP: $busybox missing (apt-get install busybox-static)"; exit 77; }

work=$(mktemp -d)
names=(vh-privileged vh-capadd vh-socket vh-public vh-db vh-secret vh-nolimits vh-hardened)
cleanup() {
  docker rm -f "${names[@]}" >/dev/null 2>&1 || true
  docker network rm vh-internal vh-public >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
cleanup
work=$(mktemp -d)

image=vern-test/host-busybox:1.0
if ! docker image inspect "$image" >/dev/null 2>&1; then
  mkdir -p "$work/rootfs/bin" "$work/rootfs/etc" "$work/rootfs/tmp"
  cp "$busybox" "$work/rootfs/bin/busybox"
  for a in sh sleep; do ln -s busybox "$work/rootfs/bin/$a"; done
  printf 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/tmp:/bin/sh\n' >"$work/rootfs/etc/passwd"
  printf 'root:x:0:\napp:x:1000:\n' >"$work/rootfs/etc/group"
  tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
  docker import "$work/rootfs.tar" "$image" >/dev/null
fi
docker network create --internal vh-internal >/dev/null
docker network create vh-public >/dev/null

run() { docker run -d --name "$@" "$image" /bin/sleep 600 >/dev/null; }
# Privileged containers need every capability in the sandbox's bounding set;
# where the host refuses to start one it stays created, and --all checks it.
docker create --name vh-privileged --privileged "$image" /bin/sleep 600 >/dev/null
docker start vh-privileged >/dev/null 2>&1 || echo "note: the host cannot start privileged containers; checking it created"
run vh-capadd --cap-add SYS_ADMIN
run vh-socket -v "$sock:/var/run/docker.sock"
run vh-public --network vh-public -p 8081:8080
run vh-db --network vh-public -p 5432:5432
run vh-secret -e DB_PASSWORD=integration-secret-value
run vh-nolimits
run vh-hardened --read-only --cap-drop ALL --security-opt no-new-privileges --user 1000 \
  -m 64m --cpus 0.5 --pids-limit 64 -p 127.0.0.1:8080:8080 --network vh-internal

set +e
"$vern" host --all --format json --fail-on none >"$work/out.json" 2>"$work/err.txt"
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  echo "FAIL: vern host exited $rc"; cat "$work/err.txt"; exit 1
fi
if grep -q integration-secret-value "$work/out.json"; then
  echo "FAIL: the secret's value is in the report"; exit 1
fi

python3 - "$work/out.json" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
by = {}
for f in report["findings"]:
    obj = f["object"]
    if obj.startswith("container vh-"):
        name = obj.split()[1]
        by.setdefault(name, collections.Counter())[f["rule"]] += 1
base = {"root-user", "privilege-escalation", "capabilities-not-dropped",
        "writable-root-filesystem", "no-memory-limit", "no-cpu-limit", "no-pids-limit"}
expected = {
    "vh-privileged": base | {"privileged"},
    "vh-capadd": base | {"dangerous-capability"},
    "vh-socket": base | {"container-socket-mount"},
    "vh-public": base | {"port-all-interfaces"},
    "vh-db": base | {"exposed-database-port"},
    "vh-secret": base | {"secret-in-env"},
    "vh-nolimits": base,
    "vh-hardened": set(),
}
ok = True
for name, want in expected.items():
    got = by.get(name, collections.Counter())
    # Exactly these rules, each reported once for the container.
    if got != collections.Counter(want):
        ok = False
        print(f"FAIL {name}: missing {sorted(want - set(got))}, unexpected "
              f"{sorted(set(got) - want)}, repeated {sorted(r for r, n in got.items() if n > 1)}")
    else:
        print(f"ok   {name}: {sorted(got)}")
# CIS Docker Benchmark 1.6 controls, in the properties and in the message.
cis = {"privileged": "5.5", "dangerous-capability": "5.4", "capabilities-not-dropped": "5.4",
       "container-socket-mount": "5.32", "port-all-interfaces": "5.14",
       "writable-root-filesystem": "5.13", "no-memory-limit": "5.11", "no-cpu-limit": "5.12",
       "no-pids-limit": "5.29", "privilege-escalation": "5.26", "root-user": "4.1",
       "secret-in-env": "4.10"}
for f in report["findings"]:
    assert f["object"], f  # every finding names its object
    if not f["object"].startswith("container vh-"):
        continue
    # Container findings carry name and short id.
    assert "(" in f["object"] and ")" in f["object"], f["object"]
    want = cis.get(f["rule"])
    if want is None:
        continue
    got = (f.get("properties") or {}).get("cis")
    if got != want or f"(CIS {want})" not in f["message"]:
        ok = False
        print(f"FAIL {f['object']} {f['rule']}: cis {got!r}, message {f['message']!r}")
sys.exit(0 if ok else 1)
PY

# The text report opens with the host facts: versions from the daemon, and the
# virtualization verdict followed by its evidence.
"$vern" host --no-color --fail-on none >"$work/out.txt"
grep -q "^  docker [0-9].*, runc .*containers checked" "$work/out.txt" ||
  { echo "FAIL: no daemon versions in the text report"; cat "$work/out.txt"; exit 1; }
grep -A1 "^  virtualization: " "$work/out.txt" | grep -q "^    - " ||
  { echo "FAIL: no virtualization verdict with evidence"; cat "$work/out.txt"; exit 1; }
echo "PASS"
