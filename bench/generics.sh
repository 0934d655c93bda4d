#!/usr/bin/env bash
# bench/generics.sh — the generics benchmark (issue 11): generic code against the same code
# written by hand for one type, both under gosub, and native Go, side by side in one run.
# Measures CPU seconds (user+sys, from wait4: bench/rusage.c) — the machine is shared, so wall time is not
# quoted — median of -n runs (default 3), runs interleaved so drift hits all sides alike.
#
# Pairs: generics_pipeline.go / mono_pipeline.go (Map/Filter/Sum over 1,000,000 ints, 20
# rounds) and generics_sort.go / mono_sort.go (slices.Sort of 1,000,000 ints against the same
# pdqsort written for []int). Usage: bench/generics.sh [-n RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=3
[ "${1:-}" = "-n" ] && n=$2
go=${GO:-}
[ -z "$go" ] && { [ -x VENV/bin/go ] && go=$PWD/VENV/bin/go || go=go; }
go=$(command -v "$go")
cargo build --release -q
gosub=${CARGO_TARGET_DIR:-target}/release/gosub
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/rusage" bench/rusage.c
cpu() { # prints user+sys seconds of one run of "$@"
    rm -f "$tmp/t"
    "$tmp/rusage" "$tmp/t" "$@" > "$tmp/out" 2>/dev/null
    awk '{printf "%.3f\n", $1 / 1000}' "$tmp/t"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| program | native Go | gosub generic | gosub by hand | generic / by hand | generic / native |\n|---|---|---|---|---|---|\n'
for pair in pipeline sort; do
    g=bench/programs/generics_$pair.go m=bench/programs/mono_$pair.go
    [ -f "$g" ] && [ -f "$m" ] || continue
    cp "$g" "$tmp/native.go"
    (cd "$tmp" && "$go" build -o native native.go)
    want=$("$tmp/native")
    [ "$("$gosub" run "$g")" = "$want" ] && [ "$("$gosub" run "$m")" = "$want" ] || {
        echo "| $pair | output differs | | | | |"; continue; }
    : > "$tmp/a"; : > "$tmp/b"; : > "$tmp/c"
    for _ in $(seq "$n"); do
        cpu "$tmp/native" >> "$tmp/a"
        cpu "$gosub" run "$g" >> "$tmp/b"
        cpu "$gosub" run "$m" >> "$tmp/c"
    done
    a=$(median < "$tmp/a") b=$(median < "$tmp/b") c=$(median < "$tmp/c")
    awk -v p="$pair" -v a="$a" -v b="$b" -v c="$c" \
        'BEGIN { printf "| %s | %s s | %s s | %s s | %.2fx | %.1fx |\n", p, a, b, c, b / c, b / a }'
done
