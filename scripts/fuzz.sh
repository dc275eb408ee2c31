#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and either replays their committed
# corpora (`replay`, used by CI) or fuzzes each for SECONDS (`run SECONDS`).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-replay}
CC=clang CXX=clang++ scripts/build.sh build-fuzz -DVERN_FUZZ=ON -DVERN_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
shopt -s nullglob
for bin in build-fuzz/fuzz/fuzz_*; do
  name=$(basename "$bin")
  corpus=fuzz/corpus/${name#fuzz_}
  mkdir -p "$corpus"
  if [[ $mode == replay ]]; then
    echo "-- $name: replaying $(ls "$corpus" | wc -l) inputs"
    "$bin" -runs=0 "$corpus"/ 2>&1 | tail -1
  else
    secs=${2:-60}
    work=$(mktemp -d)
    # A target may have a dictionary of its format's keywords: fuzz/<name>.dict.
    dict=()
    if [[ -f fuzz/${name#fuzz_}.dict ]]; then dict=(-dict="fuzz/${name#fuzz_}.dict"); fi
    "$bin" -max_total_time="$secs" -max_len=65536 "${dict[@]}" "$work" "$corpus" 2>&1 |
      grep -E '^(#|Done)' | tail -2
    rm -rf "$work"
  fi
done
