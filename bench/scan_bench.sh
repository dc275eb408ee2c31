#!/usr/bin/env bash
# Kubernetes/Compose scanning speed: `vern scan` at 1 and 2 threads next to a
# libyaml parse-only baseline over the same files, at two corpus sizes (to see
# whether peak RSS grows with the corpus), and next to dclint (npm) on the
# Compose part, in one run. Prints markdown tables.
# Usage: bench/scan_bench.sh [VERN_BINARY] [SMALL_N] [LARGE_N]
# DCLINT=path uses an installed dclint; otherwise it is installed with npm
# into a temporary folder. DCLINT_FILES (default 300) Compose files go to one
# dclint process, DCLINT_EACH (default 20) to one process each. REPEAT
# (default 3): each command runs that many times and the fastest run is kept;
# the scan commands and the baselines take turns, one run each per round.
set -euo pipefail
cd "$(dirname "$0")/.."
vern=${1:-build/vern}
small=${2:-20000}
large=${3:-100000}
repeat=${REPEAT:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2046  # pkg-config prints several words on purpose
cc -O2 -o "$work/yaml_parse_baseline" bench/yaml_parse_baseline.c $(pkg-config --cflags --libs yaml-0.1)

lint=${DCLINT:-}
if [[ -z $lint ]]; then
  (cd "$work" && npm install --silent --no-audit --no-fund --prefix "$work/npm" dclint >/dev/null)
  lint=$work/npm/node_modules/.bin/dclint
fi

# "wall cpu rss_kib" of a command (cpu = user + sys; the fastest of $repeat
# runs), output discarded. The machine may be shared: wall times carry the
# load, CPU times much less so.
measure() {
  local best="" i
  for ((i = 0; i < repeat; ++i)); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
    local line
    line=$(tail -n 1 "$work/time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }')
    if [[ -z $best ]] || (($(echo "${line%% *} < ${best%% *}" | bc -l))); then best=$line; fi
  done
  echo "$best"
}

# One run of a command: "wall cpu rss_kib", output discarded.
run_once() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

# The fastest of several "wall cpu rss" lines (by wall), read from stdin.
fastest() { sort -n -k1,1 | head -n 1; }

# The median of numbers, one per line on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

corpus_stats() {  # dir -> "files bytes" of the .yaml/.yml files under it
  find "$1" -type f \( -name '*.yaml' -o -name '*.yml' \) -printf '%s\n' |
    awk '{ n++; b += $1 } END { printf "%d %d\n", n, b }'
}

header() {  # title of the last column
  echo "| what | files | MB | wall | CPU | files/s | MB/s | peak RSS | $1 |"
  echo "|---|---|---|---|---|---|---|---|---|"
}

# A table row. The last column compares files/s (by wall and by CPU time)
# with another row given as "files wall cpu": this row's over that one's, or
# that one's over this row's when the sixth argument is "inverse".
row() {  # name files bytes "wall cpu rss" ["files wall cpu" [inverse]]
  local wall cpu rss bfiles bwall bcpu ratio="" mb a b
  read -r wall cpu rss <<<"$4"
  mb=$(echo "$3 / 1048576" | bc -l)
  if [[ -n ${5:-} ]]; then
    read -r bfiles bwall bcpu _ <<<"$5"
    a=$(echo "($2 / $wall) / ($bfiles / $bwall)" | bc -l)
    b=$(echo "($2 / $cpu) / ($bfiles / $bcpu)" | bc -l)
    if [[ ${6:-} == inverse ]]; then
      a=$(echo "1 / $a" | bc -l)
      b=$(echo "1 / $b" | bc -l)
    fi
    ratio=$(printf '%.2f× / %.2f×' "$a" "$b")
  fi
  printf '| %-40s | %6d | %6.1f | %7.2f s | %7.2f s | %7.0f | %6.1f | %4d MiB | %s |\n' \
    "$1" "$2" "$mb" "$wall" "$cpu" "$(echo "$2 / $wall" | bc -l)" "$(echo "$mb / $wall" | bc -l)" \
    $((rss / 1024)) "$ratio"
}

scan_table() {  # corpus dir, label
  local dir=$1 files bytes base j1 j2
  read -r files bytes <<<"$(corpus_stats "$dir")"
  cat "$(find "$dir" -type f | head -n 1)" >/dev/null
  "$work/yaml_parse_baseline" "$dir" >/dev/null  # warm the page cache for every row
  # The commands take turns, round after round, so a change in the machine's
  # speed during the run (it is shared) falls on all of them alike; each row
  # shows its fastest run, and the ratios to the baseline are also given as
  # the median of the ratios within each round.
  local i b p o t r1=() r2=() bases=() pairs=() ones=() twos=()
  for ((i = 0; i < repeat; ++i)); do
    b=$(run_once "$work/yaml_parse_baseline" "$dir")
    # What two cores give this machine: two baselines at once, each over the
    # whole corpus (twice the files in the time of the slower one).
    p=$(run_once bash -c '"$0" "$1" & "$0" "$1"; wait' "$work/yaml_parse_baseline" "$dir")
    o=$(run_once "$vern" scan -j 1 --format json "$dir")
    t=$(run_once "$vern" scan -j 2 --format json "$dir")
    bases+=("$b") pairs+=("$p") ones+=("$o") twos+=("$t")
    r1+=("$(echo "${b%% *} / ${o%% *}" | bc -l)")
    r2+=("$(echo "${b%% *} / ${t%% *}" | bc -l)")
  done
  base=$(printf '%s\n' "${bases[@]}" | fastest)
  pair=$(printf '%s\n' "${pairs[@]}" | fastest)
  j1=$(printf '%s\n' "${ones[@]}" | fastest)
  j2=$(printf '%s\n' "${twos[@]}" | fastest)
  echo
  echo "$2"
  echo
  header "files/s vs the baseline (wall / CPU)"
  row "libyaml parse only (1 thread)" "$files" "$bytes" "$base"
  row "libyaml parse only, 2 processes at once" "$((2 * files))" "$((2 * bytes))" "$pair" \
    "$files $base"
  row "vern scan -j 1 --format json" "$files" "$bytes" "$j1" "$files $base"
  row "vern scan -j 2 --format json" "$files" "$bytes" "$j2" "$files $base"
  echo
  printf 'Median over the %d rounds of the baseline'"'"'s wall time over vern'"'"'s in the same round: %.2f× at -j 1, %.2f× at -j 2.\n' \
    "$repeat" "$(printf '%s\n' "${r1[@]}" | median)" "$(printf '%s\n' "${r2[@]}" | median)"
}

python3 bench/gen_manifests.py "$work/small" --files "$small"
scan_table "$work/small" "Corpus of $small files:"

# The Compose part of the small corpus against dclint.
mapfile -t compose < <(find "$work/small/compose" -type f | sort)
read -r cfiles cbytes <<<"$(corpus_stats "$work/small/compose")"
vern_compose=$(measure "$vern" scan -j 1 --format json "$work/small/compose")
batch=("${compose[@]:0:${DCLINT_FILES:-300}}")
each=("${compose[@]:0:${DCLINT_EACH:-20}}")
batch_bytes=$(cat "${batch[@]}" | wc -c)
each_bytes=$(cat "${each[@]}" | wc -c)
repeat=1 # dclint is slow enough that one run is what there is time for
lint_batch=$(measure "$lint" -f json "${batch[@]}")
# One process per file, as a pre-commit hook or a per-file CI step runs it.
lint_each=$(measure bash -c 'for f in "$@"; do "$0" -f json "$f"; done' "$lint" "${each[@]}")
repeat=${REPEAT:-3}
echo
echo "Compose files of that corpus, against dclint $("$lint" --version 2>/dev/null || echo '?'):"
echo
header "vern's files/s over this row's (wall / CPU)"
row "vern scan -j 1 --format json" "$cfiles" "$cbytes" "$vern_compose"
row "dclint -f json, one process for all files" "${#batch[@]}" "$batch_bytes" "$lint_batch" \
  "$cfiles $vern_compose" inverse
row "dclint -f json, one process per file" "${#each[@]}" "$each_bytes" "$lint_each" \
  "$cfiles $vern_compose" inverse

rm -rf "$work/small"
python3 bench/gen_manifests.py "$work/large" --files "$large"
scan_table "$work/large" "Corpus of $large files:"
