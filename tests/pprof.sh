#!/usr/bin/env bash
# tests/pprof.sh — gosub's heap profiles, read by real Go's `go tool pprof`.
#
# 1. tests/pprof/heap.go writes its heap profile with runtime/pprof.WriteHeapProfile under
#    real Go and under gosub; for each of the four sample types, main.alloc's flat value
#    must be the same in both, and the expected one (1,000 objects of 64 bytes allocated,
#    100 in use after runtime.GC).
# 2. `gosub run --memprofile=FILE` on the same program: the profile written at exit has
#    the same allocations.
# Environment: GO (default VENV/bin/go, else go on PATH); GOSUB (default: build and use
# the debug gosub, as `cargo test` builds it, honouring CARGO_TARGET_DIR).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

. "$root/tests/common.sh"
find_go
find_gosub
export GOCACHE=${GOCACHE:-${TMPDIR:-/tmp}/gosub-oracle-gocache}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prog="$root/tests/pprof/heap.go"
(cd "$work" && "$GO" run "$prog" "$work/go.pb.gz" >"$work/go.out")
"$GOSUB" run --memprofile="$work/exit.pb.gz" "$prog" "$work/gosub.pb.gz" >"$work/gosub.out"
diff "$work/go.out" "$work/gosub.out"

# flat FILE INDEX: main.alloc's flat value (Go marks it `(inline)`); bytes in bytes.
flat() {
    local unit=()
    [[ $2 == *_space ]] && unit=(-unit=B)
    "$GO" tool pprof -top "${unit[@]}" -sample_index="$2" "$1" 2>/dev/null |
        awk '$6 == "main.alloc" { print $1 }'
}

fail=0
check() { # check NAME WANT GOT
    if [ "$2" = "$3" ]; then
        echo "ok   $1: $3"
    else
        echo "FAIL $1: want '$2', got '$3'"
        fail=1
    fi
}
declare -A want=([alloc_objects]=1000 [alloc_space]=64000B [inuse_objects]=100 [inuse_space]=6400B)
for s in alloc_objects alloc_space inuse_objects inuse_space; do
    check "go $s" "${want[$s]}" "$(flat "$work/go.pb.gz" $s)"
    check "gosub $s" "${want[$s]}" "$(flat "$work/gosub.pb.gz" $s)"
done
# At exit the kept nodes are still in use: the same allocations, as of the last collection.
for s in alloc_objects alloc_space inuse_objects inuse_space; do
    check "gosub --memprofile $s" "${want[$s]}" "$(flat "$work/exit.pb.gz" $s)"
done
exit $fail
