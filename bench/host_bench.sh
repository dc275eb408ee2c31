#!/usr/bin/env bash
# Benchmark of `vern host`: wall time and Engine API calls with 10 and 100
# running containers, against a private daemon (scripts/dockerd-test.sh) fed
# with a busybox image imported from Debian's busybox-static.
#
# usage: bench/host_bench.sh [VERN_BINARY] [RUNS]   (default build/vern, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
vern=${1:-build/vern}
runs=${2:-5}
export VERN_DOCKERD_DIR=${VERN_DOCKERD_DIR:-/tmp/vern-dockerd-bench}
started=0
if [[ -z ${DOCKER_HOST:-} ]]; then
  eval "export $(scripts/dockerd-test.sh start)"
  started=1
fi
work=$(mktemp -d)
cleanup() {
  docker ps -aq --filter label=vern-bench | xargs -r docker rm -f >/dev/null 2>&1 || true
  rm -rf "$work"
  if ((started)); then scripts/dockerd-test.sh stop; fi
}
trap cleanup EXIT

image=vern-test/host-busybox:1.0
if ! docker image inspect "$image" >/dev/null 2>&1; then
  mkdir -p "$work/rootfs/bin"
  cp /bin/busybox "$work/rootfs/bin/busybox"
  ln -s busybox "$work/rootfs/bin/sleep"
  tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
  docker import "$work/rootfs.tar" "$image" >/dev/null
fi

# The image was imported here, so it has no registry digest: run it by its id,
# which is the digest of its config.
image_id=$(docker image inspect -f '{{.Id}}' "$image")
have=0
for n in 10 100; do
  while ((have < n)); do
    docker run -d --label vern-bench --network none --read-only --cap-drop ALL \
      --security-opt no-new-privileges --user 65534:65534 \
      --memory 16m --cpus 0.05 --pids-limit 8 "$image_id" /bin/sleep 3600 >/dev/null
    have=$((have + 1))
  done
  "$vern" host --format json --fail-on none >/dev/null 2>&1 || true  # warm-up
  times=()
  calls=""
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    "$vern" host --stats --format json --fail-on none 2>"$work/stats" >/dev/null || true
    t1=$(date +%s%N)
    calls=$(grep 'Engine API calls' "$work/stats" | awk '{print $3}')
    times+=("$(((t1 - t0) / 1000000))")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  running=$(docker ps -q | wc -l)
  echo "containers=$running runs=$runs median_ms=$median api_calls=$calls all_ms=${times[*]}"
done
