#!/usr/bin/env bash
# tests/stdapi.sh — how much of Go 1.26's standard library API gosub has.
#
# Usage: tests/stdapi.sh [--min PERCENT] [--missing]
#   For each package of issue 12's list (PACKAGES below), lists the exported top-level
#   identifiers real Go has (tests/stdapi/list.go run with $GO) and asks `gosub check`
#   whether each exists (a reference `_ = p.X`, or `var _ *p.T` for a type, that is not
#   `undefined`). Prints one line per package, `have/total`, the names missing with
#   --missing, then the total. With --min, exits 1 when the total share is below PERCENT.
# Environment: GO (default VENV/bin/go, else go on PATH); GOSUB (default: build and use
# the debug gosub, as `cargo test` builds it, honouring CARGO_TARGET_DIR).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

PACKAGES=(bufio bytes container/heap container/list container/ring errors fmt io io/fs
    math math/bits math/cmplx math/rand math/rand/v2 os runtime runtime/debug sort strconv
    strings sync sync/atomic text/tabwriter time unicode unicode/utf16 unicode/utf8)

min="" show_missing=""
while [ $# -gt 0 ]; do
    case "$1" in
        --min) min=$2; shift 2 ;;
        --missing) show_missing=1; shift ;;
        *) echo "usage: tests/stdapi.sh [--min PERCENT] [--missing]" >&2; exit 2 ;;
    esac
done

. "$root/tests/common.sh"
find_go
find_gosub

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root/tests/stdapi" && "$GO" run list.go "${PACKAGES[@]}") >"$work/ids"

have_all=0 total_all=0
for pkg in "${PACKAGES[@]}"; do
    mapfile -t ids < <(awk -v p="$pkg" '$1 == p { print $2 " " $3 }' "$work/ids")
    n=${#ids[@]} missing=()
    # Batches of 8 references: gosub reports up to 10 errors per file, as gc does.
    for ((i = 0; i < n; i += 8)); do
        {
            echo "package main"
            echo "import p \"$pkg\""
            echo "func main() {"
            for ((j = i; j < i + 8 && j < n; j++)); do
                read -r kind name <<<"${ids[$j]}"
                case $kind in type*) echo "var _ *p.$name" ;; *) echo "_ = p.$name" ;; esac
            done
            echo "}"
        } >"$work/p.go"
        out=$("$GOSUB" check "$work/p.go" 2>&1 || true)
        for ((j = i; j < i + 8 && j < n; j++)); do
            read -r kind name <<<"${ids[$j]}"
            if grep -q "undefined: [a-z0-9]*\.$name\$" <<<"$out" ||
                grep -q "could not import\|not in std\|cannot find package" <<<"$out"; then
                missing+=("$name")
            fi
        done
    done
    have=$((n - ${#missing[@]}))
    have_all=$((have_all + have)) total_all=$((total_all + n))
    printf '%-16s %4d/%-4d\n' "$pkg" "$have" "$n"
    if [ -n "$show_missing" ] && [ ${#missing[@]} -gt 0 ]; then
        echo "${missing[*]}" | fold -s -w 96 | sed 's/^/    missing: /'
    fi
done
pct=$(awk -v h="$have_all" -v t="$total_all" 'BEGIN { printf "%.1f", 100 * h / t }')
echo "total            $have_all/$total_all ($pct%)"
if [ -n "$min" ] && awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p < m) }'; then
    echo "below the required $min%" >&2
    exit 1
fi
