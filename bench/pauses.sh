#!/usr/bin/env bash
# bench/pauses.sh — collection pauses (issue 17), with incremental marking on and off side
# by side: for each program and mode, the number of collections, the longest and the
# 99th-percentile pause in wall time and in the collecting thread's CPU time, the longest
# mark step (CPU), the total GC time (pauses plus mark steps, CPU), the run's wall and CPU
# time, from gosub's gctrace (`GOSUBDEBUG=gctrace=1`); next to it native Go's longest
# stop-the-world pause (the larger of the two STW phases of each line of
# `GODEBUG=gctrace=1`).
#
# Programs: bench/pauses/live_heap.go (a live heap of small objects, LIVE MiB, while it
# allocates garbage) and, with --shared DIR, DIR/binarytrees.go. Modes: `on` (the default
# collector) and `off` (`GOSUBGC=incremental=off`: stop-the-world major collections).
# Usage: bench/pauses.sh [--live MIB] [--shared DIR]   (default: 256 MiB live)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
live=256 shared=""
while [ $# -gt 0 ]; do
    case "$1" in
        --live) live=$2; shift 2 ;;
        --shared) shared=$2; shift 2 ;;
        *) echo "usage: bench/pauses.sh [--live MIB] [--shared DIR]" >&2; exit 2 ;;
    esac
done
go=${GO:-}
[ -z "$go" ] && { [ -x VENV/bin/go ] && go=$PWD/VENV/bin/go || go=go; }
go=$(command -v "$go")
cargo build --release -q
gosub=${CARGO_TARGET_DIR:-target}/release/gosub
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

progs=("bench/pauses/live_heap.go $live")
[ -n "$shared" ] && progs+=("$shared/binarytrees.go")

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| program | incremental | collections | longest pause (wall / cpu) | p99 pause (wall / cpu) | longest mark step (cpu) | GC total (cpu) | run (wall / cpu) | native Go longest STW |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n'
for p in "${progs[@]}"; do
    read -r file arg <<<"$p"
    name=$(basename "$file" .go)
    cp "$file" "$tmp/native.go"
    (cd "$tmp" && "$go" build -o native native.go)
    GODEBUG=gctrace=1 "$tmp/native" ${arg:+"$arg"} >"$tmp/nout" 2>"$tmp/ntrace"
    for mode in on off; do
        start=$(date +%s.%N)
        GOSUBGC=incremental=$mode GOSUBDEBUG=gctrace=1 /usr/bin/time -f '%U %S' -o "$tmp/time" \
            "$gosub" run "$file" ${arg:+"$arg"} >"$tmp/out" 2>"$tmp/trace"
        end=$(date +%s.%N)
        cmp -s "$tmp/out" "$tmp/nout" || echo "($name, incremental $mode: gosub's output differs from Go's)" >&2
        python3 - "$tmp/trace" "$tmp/ntrace" "$name${arg:+ ($arg MiB)}" "$mode" "$start" "$end" "$tmp/time" <<'PY'
import re, sys
trace, ntrace, name, mode, start, end, tfile = sys.argv[1:8]
text = open(trace).read()
pauses = [(float(w), float(c)) for w, c in
          re.findall(r"pause ([0-9.]+)ms \(cpu ([0-9.]+)ms\)", text)]
step_cpu = [float(c) for c in re.findall(r"longest step [0-9.]+ms \(cpu ([0-9.]+)ms\)", text)]
steps_total = sum(float(c) for c in re.findall(r"\), steps [0-9.]+ms \(cpu ([0-9.]+)ms\)", text))
native = []
for line in open(ntrace):
    m = re.search(r": ([0-9.]+)\+[0-9.]+\+([0-9.]+) ms clock", line)
    if m:
        native.append(max(float(m.group(1)), float(m.group(2))))
def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else 0.0
w = [p[0] for p in pauses]
c = [p[1] for p in pauses]
u, s = open(tfile).read().split()[-2:]
print(f"| {name} | {mode} | {len(pauses)} | {max(w, default=0):.2f} / {max(c, default=0):.2f} ms "
      f"| {pct(w, .99):.2f} / {pct(c, .99):.2f} ms | {max(step_cpu, default=0):.2f} ms "
      f"| {sum(c) + steps_total:.0f} ms | {float(end) - float(start):.2f} / {float(u) + float(s):.2f} s "
      f"| {max(native, default=0):.2f} ms ({len(native)} gcs) |")
PY
    done
done
