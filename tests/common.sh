# tests/common.sh — sourced by the test scripts (stdapi.sh, pprof.sh, memreport.sh) from
# the repository root: how they find real Go and gosub.

# Sets GO: $GO, else VENV/bin/go at the root, else go on PATH.
find_go() {
    GO=${GO:-}
    if [ -z "$GO" ]; then
        if [ -x "$root/VENV/bin/go" ]; then GO="$root/VENV/bin/go"; else GO=go; fi
    fi
}

# Sets GOSUB: $GOSUB, else the debug gosub, built as `cargo test` builds it (honouring
# CARGO_TARGET_DIR).
find_gosub() {
    if [ -z "${GOSUB:-}" ]; then
        cargo build -q --bin gosub
        GOSUB="${CARGO_TARGET_DIR:-$root/target}/debug/gosub"
    fi
}
