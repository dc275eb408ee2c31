#!/usr/bin/env bash
# Image scan benchmark: wall time and peak RSS of `vern image` on the Debian 12
# debootstrap image (docker-archive and OCI layout), next to the work a plain
# unpack does on the same layers in the same run: gzip -d alone, and
# gzip -d | tar -x into a scratch folder (tar -x alone for the plain layers of
# the docker archive).
# Usage: bench/image_bench.sh [VERN] [IMAGES]   (defaults: build/vern, build/test-images)
set -euo pipefail
cd "$(dirname "$0")/.."
vern=${1:-build/vern}
images=${2:-build/test-images}
runs=${RUNS:-3}
[[ -x $vern ]] || { echo "no vern binary at $vern (build first)"; exit 1; }
[[ -d $images/bookworm-oci ]] || scripts/make-test-images.sh "$images"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

oci=$images/bookworm-oci
docker=$images/bookworm.docker.tar
# The OCI layers, in manifest order, and the docker archive's layer paths.
mapfile -t oci_layers < <(python3 - "$oci" <<'PY'
import json, sys, os
d = sys.argv[1]
idx = json.load(open(os.path.join(d, "index.json")))
m = json.load(open(os.path.join(d, "blobs/sha256", idx["manifests"][0]["digest"][7:])))
for l in m["layers"]:
    print(os.path.join(d, "blobs/sha256", l["digest"][7:]))
PY
)
mkdir -p "$scratch/docker"
tar -xf "$docker" -C "$scratch/docker"
mapfile -t docker_layers < <(find "$scratch/docker" -name layer.tar | sort)

# Runs a command RUNS times; prints the median wall time and the largest peak RSS.
measure() {
  local label=$1
  shift
  local times=() rss=0
  for ((i = 0; i < runs; i++)); do
    rm -rf "$scratch/out" && mkdir -p "$scratch/out"
    /usr/bin/time -f '%e %M' -o "$scratch/time" "$@" >/dev/null 2>"$scratch/err" || true
    read -r t m < <(tail -1 "$scratch/time")
    times+=("$t")
    ((m > rss)) && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  printf '| %-44s | %7s s | %7d MiB |\n' "$label" "$median" "$((rss / 1024))"
}

gunzip_all() { for l in "$@"; do gzip -dc "$l"; done; }
gunzip_untar_all() { for l in "$@"; do gzip -dc "$l" | tar -x -C "$scratch/out"; done; }
untar_all() { for l in "$@"; do tar -x -C "$scratch/out" -f "$l"; done; }
export -f gunzip_all gunzip_untar_all untar_all
export scratch

echo "Debian 12 minbase: $(du -sh --apparent-size "$docker" | cut -f1) docker-archive," \
  "$(du -sh --apparent-size "$oci" | cut -f1) OCI layout; median of $runs runs"
echo
echo "| what | wall | peak RSS |"
echo "|---|---|---|"
measure "vern image (OCI layout, gzip layers)" "$vern" image "$oci" --format json
measure "gzip -d of the same layers" bash -c 'gunzip_all "$@"' _ "${oci_layers[@]}"
measure "gzip -d | tar -x of the same layers" bash -c 'gunzip_untar_all "$@"' _ "${oci_layers[@]}"
measure "vern image (docker-archive, plain layers)" "$vern" image "$docker" --format json
measure "tar -x of the same layers" bash -c 'untar_all "$@"' _ "${docker_layers[@]}"
measure "vern image --list-packages (OCI layout)" "$vern" image "$oci" --list-packages
