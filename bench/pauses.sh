#!/usr/bin/env bash
# bench/pauses.sh — collection pauses (issue 17): for each program, the number of
# collections, the longest and the 99th-percentile pause in wall time and in the collecting
# thread's CPU time, the total pause, and the run's wall time, from gosub's gctrace
# (`GOSUBDEBUG=gctrace=1`); next to it native Go's longest stop-the-world pause (the
# larger of the two STW phases of each line of `GODEBUG=gctrace=1`).
#
# Programs: bench/pauses/live_heap.go (a live heap of small objects, LIVE MiB, while it
# allocates garbage) and, with --shared DIR, DIR/binarytrees.go.
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
printf '| program | collections | longest (wall / cpu) | p99 (wall / cpu) | total pause (wall / cpu) | run (wall) | native Go longest STW |\n|---|---:|---:|---:|---:|---:|---:|\n'
for p in "${progs[@]}"; do
    read -r file arg <<<"$p"
    name=$(basename "$file" .go)
    start=$(date +%s.%N)
    GOSUBDEBUG=gctrace=1 "$gosub" run "$file" ${arg:+"$arg"} >"$tmp/out" 2>"$tmp/trace"
    end=$(date +%s.%N)
    cp "$file" "$tmp/native.go"
    (cd "$tmp" && "$go" build -o native native.go)
    GODEBUG=gctrace=1 "$tmp/native" ${arg:+"$arg"} >"$tmp/nout" 2>"$tmp/ntrace"
    cmp -s "$tmp/out" "$tmp/nout" || echo "($name: gosub's output differs from Go's)" >&2
    python3 - "$tmp/trace" "$tmp/ntrace" "$name${arg:+ ($arg MiB)}" "$start" "$end" <<'PY'
import re, sys
trace, ntrace, name, start, end = sys.argv[1:6]
pauses = [(float(w), float(c)) for w, c in
          re.findall(r"pause ([0-9.]+)ms \(cpu ([0-9.]+)ms\)", open(trace).read())]
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
print(f"| {name} | {len(pauses)} | {max(w, default=0):.2f} / {max(c, default=0):.2f} ms "
      f"| {pct(w, .99):.2f} / {pct(c, .99):.2f} ms | {sum(w):.0f} / {sum(c):.0f} ms "
      f"| {float(end) - float(start):.2f} s | {max(native, default=0):.2f} ms ({len(native)} gcs) |")
PY
done
