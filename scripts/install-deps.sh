#!/usr/bin/env bash
# Installs every Debian package vern needs to build, test, fuzz and benchmark.
# Idempotent: packages already present are skipped, so CI pays only for what is missing.
set -euo pipefail

build_pkgs=(cmake g++ make pkg-config libgtest-dev libgmock-dev libbenchmark-dev
  libyaml-dev nlohmann-json3-dev libssl-dev libsqlite3-dev libarchive-dev
  libzstd-dev zlib1g-dev libmimalloc-dev clang libclang-rt-14-dev)
test_pkgs=(python3-jsonschema python3-rfc3987 docker.io busybox-static debootstrap skopeo rpm
  iproute2 ca-certificates)

want=("${build_pkgs[@]}")
if [[ "${1:-}" != "--build-only" ]]; then
  want+=("${test_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
