#!/usr/bin/env bash
# Dockerfile and script scanning speed: `vern scan` next to dockerfilelint
# (npm) on the same generated Dockerfiles, in one run.
# Usage: bench/dockerfile_bench.sh [VERN_BINARY] [N_DOCKERFILES]
# DOCKERFILELINT=path uses an installed dockerfilelint; otherwise it is
# installed with npm into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
vern=${1:-build/vern}
n=${2:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/gen_dockerfiles.py "$work/corpus" --dockerfiles "$n" --scripts $((n / 4))
cc -O2 -o "$work/read_baseline" bench/read_baseline.c
mapfile -t dockerfiles < <(find "$work/corpus/dockerfiles" -name Dockerfile | sort)

lint=${DOCKERFILELINT:-}
if [[ -z $lint ]]; then
  (cd "$work" && npm install --silent --no-audit --no-fund --prefix "$work/npm" dockerfilelint >/dev/null)
  lint=$work/npm/node_modules/.bin/dockerfilelint
fi

# "wall cpu" seconds of a command (cpu = user + sys), output discarded. The
# machine may be shared: compare CPU time across rows, wall only within a row.
measure() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time" | awk '{ printf "%s %.3f\n", $1, $2 + $3 }'
}

row() {  # name files "wall cpu"
  local wall cpu
  read -r wall cpu <<<"$3"
  printf '| %-46s | %5d | %7.2f s | %7.2f s | %8.0f |\n' "$1" "$2" "$wall" "$cpu" \
    "$(echo "$2 / $cpu" | bc -l)"
}

"$work/read_baseline" "$work/corpus/dockerfiles" >/dev/null  # warm the page cache
read_df=$(measure "$work/read_baseline" "$work/corpus/dockerfiles")
vern_df=$(measure "$vern" scan -j 1 --format json "$work/corpus/dockerfiles")
vern_df2=$(measure "$vern" scan -j 2 --format json "$work/corpus/dockerfiles")
vern_sh=$(measure "$vern" scan -j 1 --format json "$work/corpus/scripts")
lint_batch=$(measure "$lint" -o json "${dockerfiles[@]}")
# One process per file, as a pre-commit hook or a per-file CI step runs it.
sample=("${dockerfiles[@]:0:50}")
lint_each=$(measure bash -c 'for f in "$@"; do "$0" -o json "$f"; done' "$lint" "${sample[@]}")

echo "| what | files | wall | CPU | files per CPU second |"
echo "|---|---|---|---|---|"
row "read every file of the folder, nothing else" "$(find "$work/corpus/dockerfiles" -type f | wc -l)" "$read_df"
row "vern scan -j 1 (Dockerfiles)" "${#dockerfiles[@]}" "$vern_df"
row "vern scan -j 2 (Dockerfiles)" "${#dockerfiles[@]}" "$vern_df2"
row "dockerfilelint, one process for all files" "${#dockerfiles[@]}" "$lint_batch"
row "dockerfilelint, one process per file" "${#sample[@]}" "$lint_each"
row "vern scan -j 1 (deploy scripts)" "$((n / 4))" "$vern_sh"
