#!/usr/bin/env bash
# tests/escape/gen.sh — regenerates NAME.m.txt and NAME.mm.txt beside each NAME.go from
# real Go's `go build -gcflags='-m -l'` and `-gcflags='-m -m -l'` (escape analysis without
# inlining; -m -m adds the flows), with paths normalized to the bare file name. GO defaults to /work/VENV/bin/go (Go 1.26.6). Usage: gen.sh [FILE.go...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
go=${GO:-/work/VENV/bin/go}
export GOCACHE=${GOCACHE:-/tmp/gocache} GOFLAGS=-mod=mod GO111MODULE=off
cd "$here"
files=("$@"); [ ${#files[@]} -eq 0 ] && files=(*.go)
tmp=$(mktemp -d)
for f in "${files[@]}"; do
    n=${f%.go}
    cp "$f" "$tmp/$f"
    (cd "$tmp" && "$go" build -gcflags='-m -l' -o "$tmp/bin" "$f" 2>&1) \
        | grep -v '^#' | sed -e 's|^\./||' -e "s|^$tmp/||" > "$n.m.txt"
    (cd "$tmp" && "$go" build -gcflags='-m -m -l' -o "$tmp/bin" "$f" 2>&1) \
        | grep -v '^#' | sed -e 's|\./||g' -e "s|$tmp/||g" > "$n.mm.txt"
    rm -f "$tmp/$f"
done
rm -rf "$tmp"
