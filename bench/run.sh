#!/usr/bin/env bash
# bench/run.sh — run benchmark programs natively (real Go) and under gosub, side by side.
#
# Usage:
#   bench/run.sh [-n RUNS] [--shared DIR] [NAME ...]
#       Runs every DIR/*.go (default DIR: bench/programs; only NAME... when given).
#       For each program: builds the native binary with real Go, checks both outputs
#       (against DIR/NAME.out when present, else against the native output), then runs
#       native, gosub and (when bench/lua/NAME.lua exists) Lua 5.4 alternately RUNS times
#       (default 5) and prints a markdown table: the median CPU time (user+sys, from
#       wait4 in bench/rusage.c; wall time without a C compiler) of each side, the ratios
#       gosub/native, lua/native and gosub/lua, and the peak RSS (max over the runs). A
#       program gosub cannot run is reported with the first line of its error and left out
#       of the timing; a Lua port that prints something else is noted and left out.
#   bench/run.sh --shared ../shared/bench
#       The same for the shared benchmark set (Lua ports: fib, fannkuch, nbody,
#       spectralnorm, binarytrees).
#
# Environment: GO (default: VENV/bin/go at the repo root, then /work/VENV/bin/go, then `go`
# on PATH); CARGO_TARGET_DIR (where gosub is built, in release); BENCH_TIMEOUT (seconds per
# gosub run, default 300). gosub is built with `cargo build --release` first.
# CPU times and peak RSS need a C compiler (cc) to build bench/rusage.c, and the Lua
# column Lua 5.4 (LUA, default `lua5.4` on PATH; Debian package `lua5.4`, installed with
# apt-get when missing and running as root); otherwise wall times, `-` for RSS, no Lua.
# The last line is the geometric mean of the gosub/native ratios.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
dir="$here/programs"
runs=5
names=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) shift; runs=$1 ;;
        -n*) runs=${1#-n} ;;
        --shared) shift; dir=$(cd "$1" && pwd) ;;
        -h | --help) sed -n '2,/^set -e/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) names+=("${1%.go}") ;;
    esac
    shift
done

find_go() {
    if [ -n "${GO:-}" ]; then echo "$GO"; return; fi
    local c
    for c in "$root/VENV/bin/go" /work/VENV/bin/go; do
        if [ -x "$c" ]; then echo "$c"; return; fi
    done
    command -v go || { echo "bench/run.sh: no Go toolchain (set GO=/path/to/go)" >&2; exit 127; }
}
GO=$(find_go)
export GOCACHE=${GOCACHE:-${TMPDIR:-/tmp}/gosub-bench-gocache}
export GOTOOLCHAIN=local GOFLAGS= GO111MODULE=off CGO_ENABLED=0

# Lua 5.4 runs the ports in bench/lua/NAME.lua side by side (Debian: apt-get install lua5.4).
LUA=${LUA:-$(command -v lua5.4 || true)}
if [ -z "$LUA" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Lua 5.4 (apt-get install lua5.4)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lua5.4 </dev/null >&2 || true
    LUA=$(command -v lua5.4 || true)
fi

echo "building gosub (release)..." >&2
(cd "$root" && cargo build --release -q) >&2
target=$(cd "$root" && cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
GOSUB="$target/release/gosub"

if [ ${#names[@]} -eq 0 ]; then
    for f in "$dir"/*.go; do names+=("$(basename "$f" .go)"); done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gosub-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
timebin="$tmp/rusage"
cc -O2 -o "$timebin" "$here/rusage.c" 2>"$tmp/cc.err" || timebin=""

# run_timed OUTFILE CMD...: runs CMD with stdout to OUTFILE; prints "MS RSS_KB STATUS", MS
# being the CPU time (user+sys, from bench/rusage.c) in milliseconds with microsecond
# digits, or the wall time without it.
run_timed() {
    local out=$1 t0 t1 rc=0 rss=- ms=
    shift
    t0=$(date +%s%N)
    if [ -n "$timebin" ]; then
        rm -f "$tmp/rss"
        "$timebin" "$tmp/rss" "$@" >"$out" 2>"$tmp/stderr" </dev/null || rc=$?
        read -r ms rss < "$tmp/rss" || true
        case "$rss" in '' | *[!0-9]*) rss=- ;; esac
    else
        "$@" >"$out" 2>"$tmp/stderr" </dev/null || rc=$?
    fi
    t1=$(date +%s%N)
    [ -n "$ms" ] || ms=$(((t1 - t0) / 1000000))
    echo "$ms $rss $rc"
}

median_ms() { tr ' ' '\n' | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
max_of() { tr ' ' '\n' | grep -v '^-$' | sort -n | tail -n1; }
fmt_s() { awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }'; }
fmt_mb() { if [ -z "$1" ] || [ "$1" = - ]; then echo -; else awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; fi; }

echo "# $(date -u +%Y-%m-%d) — $(basename "$dir") — $runs runs each — $("$GO" version | cut -d' ' -f3) vs gosub $("$GOSUB" version | cut -d' ' -f2)"
echo "# $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//')"
echo
what="CPU seconds (user+sys)"
[ -n "$timebin" ] || what="wall seconds (no C compiler for bench/rusage.c: $(head -n1 "$tmp/cc.err"))"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); times are $what; lua: ${LUA:-none}"
echo
echo "| program | native median (s) | gosub median (s) | gosub/native | lua median (s) | lua/native | gosub/lua | native peak RSS (MB) | gosub peak RSS (MB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
notes=() logs=()
for name in "${names[@]}"; do
    src="$dir/$name.go"
    if [ ! -f "$src" ]; then echo "bench/run.sh: no such program: $src" >&2; exit 2; fi
    if ! (cd "$dir" && "$GO" build -o "$tmp/$name" "$src") 2>"$tmp/build.err"; then
        echo "| $name | go build fails | | | | | | | |"
        notes+=("$name: go build: $(head -n1 "$tmp/build.err")")
        continue
    fi
    # Correctness (and warm-up) run of each side.
    read -r _ _ nrc < <(run_timed "$tmp/native.out" "$tmp/$name")
    expected="$tmp/native.out"
    if [ -f "$dir/$name.out" ]; then
        expected="$dir/$name.out"
        if ! cmp -s "$expected" "$tmp/native.out"; then notes+=("$name: native output differs from $name.out"); fi
    fi
    read -r _ _ grc < <(cd "$dir" && run_timed "$tmp/gosub.out" timeout "${BENCH_TIMEOUT:-300}" "$GOSUB" run "$name.go")
    if [ "$grc" != 0 ] || ! cmp -s "$expected" "$tmp/gosub.out"; then
        why="exit status $grc"
        [ "$grc" = 124 ] && why="timed out after ${BENCH_TIMEOUT:-300} s"
        [ "$grc" = 0 ] && why="wrong output"
        first=$(grep -m1 . "$tmp/stderr" || true)
        echo "| $name | | gosub fails | | | | | | |"
        notes+=("$name: gosub $why${first:+: $first}")
        continue
    fi
    [ "$nrc" = 0 ] || notes+=("$name: native exit status $nrc")
    # The Lua port, when there is one and it prints the same.
    port="$here/lua/$name.lua"
    lua=""
    if [ -n "$LUA" ] && [ -f "$port" ]; then
        read -r _ _ lrc < <(run_timed "$tmp/lua.out" "$LUA" "$port")
        if [ "$lrc" = 0 ] && cmp -s "$expected" "$tmp/lua.out"; then
            lua=1
        else
            notes+=("$name: the Lua port's output differs (exit status $lrc)")
        fi
    fi
    nt=() gt=() lt=() nr=() gr=()
    for ((i = 0; i < runs; i++)); do
        read -r ms rss _ < <(run_timed "$tmp/n.out" "$tmp/$name")
        nt+=("$ms") nr+=("$rss")
        read -r ms rss _ < <(cd "$dir" && run_timed "$tmp/g.out" "$GOSUB" run "$name.go")
        gt+=("$ms") gr+=("$rss")
        if [ -n "$lua" ]; then
            read -r ms _ _ < <(run_timed "$tmp/l.out" "$LUA" "$port")
            lt+=("$ms")
        fi
    done
    nm=$(echo "${nt[*]}" | median_ms)
    gm=$(echo "${gt[*]}" | median_ms)
    ratio=$(awk -v a="$gm" -v b="$nm" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
    [ "$ratio" = - ] || logs+=("$(awk -v a="$gm" -v b="$nm" 'BEGIN { print log(a / b) }')")
    lcols="| - | - | -"
    if [ -n "$lua" ]; then
        lm=$(echo "${lt[*]}" | median_ms)
        lcols="| $(fmt_s "$lm") | $(awk -v a="$lm" -v b="$nm" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }') | $(awk -v a="$gm" -v b="$lm" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
    fi
    echo "| $name | $(fmt_s "$nm") | $(fmt_s "$gm") | $ratio $lcols | $(fmt_mb "$(echo "${nr[*]}" | max_of)") | $(fmt_mb "$(echo "${gr[*]}" | max_of)") |"
done
if [ ${#logs[@]} -gt 0 ]; then
    echo
    echo "geometric mean of gosub/native over ${#logs[@]} programs: $(printf '%s\n' "${logs[@]}" | awk '{ s += $1 } END { printf "%.2f", exp(s / NR) }')"
fi
if [ ${#notes[@]} -gt 0 ]; then
    echo
    for n in "${notes[@]}"; do echo "- $n"; done
fi
