#!/usr/bin/env bash
# tests/oracle.sh — check gosub's snapshots of tests/programs/*.go against real Go.
#
# Usage:
#   tests/oracle.sh [--require-snapshots] [-j N] [NAME.go ...]
#       Build and run every tests/programs/*.go (or only the files given) with
#       real Go, normalize the transcript, and compare it with the insta
#       snapshot tests/snapshots/programs__NAME.snap (normalized the same way).
#       A program reads its sibling NAME.stdin on standard input when there
#       is one, else /dev/null (tests/programs.rs feeds gosub the same).
#       Prints `ok NAME` / `DIFF NAME` (+ unified diff, `-` = snapshot,
#       `+` = Go) / `skip NAME (no snapshot)`, then
#       `N passed, M failed, K skipped`.  Exit status is non-zero when a
#       snapshot differs, or (with --require-snapshots) when one is missing.
#   tests/oracle.sh --print NAME.go ...
#       Just print the normalized Go transcript of each program.
#   tests/oracle.sh --normalize [FILE]
#       Normalize a transcript (or an insta .snap file; its header is dropped)
#       read from FILE or stdin.  The same function is used on both sides.
#
# Transcript format (what gosub's snapshot body must contain):
#   exit: N
#   --- stdout
#   <stdout bytes>
#   --- stderr
#   <stderr, normalized>
# When stdout is non-empty and does not end in a newline, a newline is added
# before `--- stderr`.  Trailing newlines at the very end are ignored when
# comparing (insta trims them too).
#
# Normalization of stderr (function normalize_stderr):
#   * a line `# command-line-arguments` is dropped (go build's header);
#   * a leading `./` is stripped from positions `./NAME.go:L:C: ...` (also
#     when indented, as in `\t./NAME.go:5:6: other declaration of x`);
#   * lines `[signal SIG...` (nil dereference, Go-only) are dropped;
#   * lines `runtime: sp=...` (stack addresses) are dropped;
#   * after a line `fatal error: stack overflow` everything is replaced by
#     a single line `[traceback elided]`;
#   * after a `panic: ` / `fatal error: ` line, the first line
#     `goroutine N ...[...]:` is kept and everything after it is replaced
#     by a single line `[traceback elided]`; an id other than 1 becomes `N`
#     (Go hands out goroutine ids from per-P caches, so they vary).
#   Everything else is kept byte for byte.
#
# Environment: GO (default: /work/VENV/bin/go, else VENV/bin/go at the repo
# root, else `go` on PATH), GOCACHE (default: a cache under $TMPDIR),
# ORACLE_JOBS (parallel builds, default 2), ORACLE_SNAPSHOTS (snapshot dir,
# default tests/snapshots), ORACLE_TIMEOUT (seconds per run,
# default 120).
set -u -o pipefail
export LC_ALL=C

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
programs_dir="$script_dir/programs"
snapshots_dir="${ORACLE_SNAPSHOTS:-$script_dir/snapshots}"

normalize_stderr() {
    awk '
    BEGIN { done = 0; seen = 0 }
    done { next }
    $0 == "# command-line-arguments" { next }
    /^\[signal SIG/ { next }
    /^runtime: sp=/ { next }
    {
        if (match($0, /^[ \t]*\.\/[^ :]+\.go:[0-9]+/)) {
            i = index($0, "./"); $0 = substr($0, 1, i - 1) substr($0, i + 2)
        }
        if ($0 == "fatal error: stack overflow") {
            print; print "[traceback elided]"; done = 1; next
        }
        if (seen && $0 ~ /^goroutine [0-9]+ .*\]:$/) {
            # Goroutine ids other than 1 depend on per-P id caches in Go.
            if ($0 !~ /^goroutine 1 /) { sub(/^goroutine [0-9]+ /, "goroutine N ") }
            print; print "[traceback elided]"; done = 1; next
        }
        if ($0 ~ /^panic: / || $0 ~ /^fatal error: /) { seen = 1 }
        print
    }'
}

# normalize_transcript: stdin = transcript (optionally with an insta header),
# stdout = normalized transcript without trailing newlines.
normalize_transcript() {
    local body
    body=$(awk '
        NR == 1 && $0 == "---" { hdr = 1; next }
        hdr == 1 { if ($0 == "---") { hdr = 2 }; next }
        { print }')
    local head rest
    head=$(printf '%s\n' "$body" | awk '{ print } $0 == "--- stderr" { exit }')
    rest=$(printf '%s\n' "$body" | awk 'f { print } $0 == "--- stderr" { f = 1 }' | normalize_stderr)
    if [ -n "$rest" ]; then
        printf '%s\n%s\n' "$head" "$rest"
    else
        printf '%s\n' "$head"
    fi
}

find_go() {
    if [ -n "${GO:-}" ]; then echo "$GO"; return; fi
    local c
    for c in /work/VENV/bin/go "$repo_root/VENV/bin/go"; do
        if [ -x "$c" ]; then echo "$c"; return; fi
    done
    if command -v go >/dev/null 2>&1; then command -v go; return; fi
    echo "oracle.sh: no Go toolchain found (set GO=/path/to/go)" >&2
    exit 127
}

# run_one NAME.go OUTDIR: writes OUTDIR/NAME.raw (raw transcript)
run_one() {
    local src=$1 out=$2
    local name; name=$(basename "$src" .go)
    local bin="$out/bin/$name" so="$out/$name.stdout" se="$out/$name.stderr" rc
    local in=/dev/null
    if [ -f "$programs_dir/$name.stdin" ]; then in="$programs_dir/$name.stdin"; fi
    cd "$programs_dir" || exit 1
    if "$GO" build -o "$bin" "./$name.go" >"$so" 2>"$se"; then
        : >"$so"
        if command -v timeout >/dev/null 2>&1; then
            timeout "${ORACLE_TIMEOUT:-120}" "$bin" <"$in" >"$so" 2>"$se"; rc=$?
        else
            "$bin" <"$in" >"$so" 2>"$se"; rc=$?
        fi
        rm -f "$bin"
    else
        rc=1
        # go build writes nothing useful to stdout; keep stderr only
        cat "$so" >>"$se"; : >"$so"
    fi
    {
        printf 'exit: %s\n--- stdout\n' "$rc"
        cat "$so"
        if [ -s "$so" ] && [ "$(tail -c1 "$so" | od -An -c | tr -d ' ')" != '\n' ]; then
            printf '\n'
        fi
        printf -- '--- stderr\n'
        cat "$se"
    } >"$out/$name.raw"
    rm -f "$so" "$se"
}

resolve_src() {
    local a=$1
    case "$a" in
        */*) ;;
        *) if [ ! -f "$a" ] && [ -f "$programs_dir/$a" ]; then a="$programs_dir/$a"; fi ;;
    esac
    case "$a" in *.go) ;; *) if [ -f "$programs_dir/$a.go" ]; then a="$programs_dir/$a.go"; fi ;; esac
    if [ ! -f "$a" ]; then echo "oracle.sh: no such program: $1" >&2; return 1; fi
    (cd "$(dirname "$a")" && echo "$(pwd)/$(basename "$a")")
}

main() {
    local mode=check require=0 jobs=${ORACLE_JOBS:-2}
    local -a files=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --print) mode=print ;;
            --normalize) mode=normalize ;;
            --require-snapshots) require=1 ;;
            -j) shift; jobs=$1 ;;
            -j*) jobs=${1#-j} ;;
            --_one) shift; GO=$(find_go); export GO; run_one "$1" "$2"; return ;;
            -h|--help) sed -n '2,/^set -u/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; return 0 ;;
            *) files+=("$1") ;;
        esac
        shift
    done

    if [ "$mode" = normalize ]; then
        if [ ${#files[@]} -gt 0 ]; then normalize_transcript <"${files[0]}"; else normalize_transcript; fi
        return 0
    fi

    GO=$(find_go) || exit 127
    export GO
    export GOCACHE=${GOCACHE:-${TMPDIR:-/tmp}/gosub-oracle-gocache}
    export GOTOOLCHAIN=local GOFLAGS= GO111MODULE=on GOWORK=off CGO_ENABLED=0

    local -a srcs=()
    local f s
    if [ ${#files[@]} -eq 0 ]; then
        for f in "$programs_dir"/*.go; do [ -e "$f" ] && srcs+=("$f"); done
    else
        for f in "${files[@]}"; do s=$(resolve_src "$f") || exit 2; srcs+=("$s"); done
    fi
    if [ ${#srcs[@]} -eq 0 ]; then echo "oracle.sh: no programs" >&2; exit 2; fi
    for s in "${srcs[@]}"; do
        if [ "$(dirname "$s")" != "$programs_dir" ]; then
            echo "oracle.sh: $s is not in $programs_dir" >&2; exit 2
        fi
    done

    tmp=""
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/gosub-oracle.XXXXXX") || exit 2
    trap '[ -n "$tmp" ] && rm -rf "$tmp"' EXIT
    trap 'exit 130' INT TERM
    mkdir -p "$tmp/bin"

    printf '%s\0' "${srcs[@]}" |
        xargs -0 -P "$jobs" -I{} bash "${BASH_SOURCE[0]}" --_one {} "$tmp"

    local name pass=0 fail=0 skip=0
    for s in "${srcs[@]}"; do
        name=$(basename "$s" .go)
        if [ ! -f "$tmp/$name.raw" ]; then
            echo "ERROR $name (oracle failed to run it)"; fail=$((fail + 1)); continue
        fi
        normalize_transcript <"$tmp/$name.raw" >"$tmp/$name.go.txt"
        if [ "$mode" = print ]; then
            [ ${#srcs[@]} -gt 1 ] && echo "=== $name"
            cat "$tmp/$name.go.txt"; echo
            continue
        fi
        local snap="$snapshots_dir/programs__$name.snap"
        if [ ! -f "$snap" ]; then
            echo "skip $name (no snapshot)"; skip=$((skip + 1)); continue
        fi
        normalize_transcript <"$snap" >"$tmp/$name.snap.txt"
        if cmp -s "$tmp/$name.snap.txt" "$tmp/$name.go.txt"; then
            echo "ok $name"; pass=$((pass + 1))
        else
            echo "DIFF $name"
            diff -u --label "snapshot/$name" --label "go/$name" "$tmp/$name.snap.txt" "$tmp/$name.go.txt"
            fail=$((fail + 1))
        fi
    done
    [ "$mode" = print ] && return 0
    echo "$pass passed, $fail failed, $skip skipped"
    if [ "$fail" -gt 0 ]; then return 1; fi
    if [ "$require" = 1 ] && [ "$skip" -gt 0 ]; then return 1; fi
    return 0
}

main "$@"
