#!/usr/bin/env bash
# tests/compare.sh — run tests/programs/*.go (or the files given) with gosub and with real
# Go, and report which transcripts differ (a development aid; the snapshot test and
# tests/oracle.sh are the checks CI runs). GOSUB defaults to target/release/gosub.
set -u
here=$(cd "$(dirname "$0")" && pwd)
gosub=${GOSUB:-$here/../target/release/gosub}
cache=${ORACLE_CACHE:-/tmp/oracle}
mkdir -p "$cache"
cd "$here/programs"
pass=0; fail=0; failed=()
files=("$@"); [ ${#files[@]} -eq 0 ] && files=(*.go)
for f in "${files[@]}"; do
    n=${f%.go}
    [ -s "$cache/$n.txt" ] || "$here/oracle.sh" --print "$f" > "$cache/$n.txt" 2>/dev/null
    out=$(mktemp); err=$(mktemp)
    timeout 20 "$gosub" run "$f" >"$out" 2>"$err" </dev/null; code=$?
    { printf 'exit: %s\n--- stdout\n' "$code"; cat "$out"; [ -s "$out" ] && [ "$(tail -c1 "$out" | od -An -c | tr -d ' ')" != '\n' ] && echo; echo '--- stderr'; cat "$err"; } | "$here/oracle.sh" --normalize > "$cache/$n.gosub.txt"
    rm -f "$out" "$err"
    if [ "$(cat "$cache/$n.txt")" = "$(cat "$cache/$n.gosub.txt")" ]; then pass=$((pass+1)); else fail=$((fail+1)); failed+=("$n"); fi
done
for n in "${failed[@]}"; do echo "DIFF $n"; done
echo "$pass passed, $fail failed"
