#!/usr/bin/env bash
# tests/escape/score.sh — compares `gosub build -m FILE.go` with the stored NAME.m.txt of
# every program here and prints precision and recall (a line matches when file, line,
# column and message are equal; lines are compared as multisets). -v prints differences.
# GOSUB defaults to target/release/gosub.
set -u
here=$(cd "$(dirname "$0")" && pwd)
gosub=${GOSUB:-$here/../../target/release/gosub}
verbose=0; [ "${1:-}" = "-v" ] && verbose=1
cd "$here"
tp=0; ngo=0; nexp=0
for f in *.go; do
    n=${f%.go}
    [ -f "$n.m.txt" ] || continue
    got=$("$gosub" build -m "$f" 2>&1 | sed -e 's|^.*/||' | sort)
    exp=$(sort "$n.m.txt")
    g=$(printf '%s\n' "$got" | grep -c . ); e=$(printf '%s\n' "$exp" | grep -c .)
    common=$(comm -12 <(printf '%s\n' "$got") <(printf '%s\n' "$exp") | grep -c .)
    tp=$((tp + common)); ngo=$((ngo + g)); nexp=$((nexp + e))
    if [ $verbose = 1 ] && [ "$got" != "$exp" ]; then
        echo "== $n"
        comm -3 <(printf '%s\n' "$exp") <(printf '%s\n' "$got") | sed -e 's/^\t/  gosub only: /' -e 's/^\([^ ]\)/  go only:    \1/'
    fi
done
awk -v tp=$tp -v g=$ngo -v e=$nexp 'BEGIN { printf "precision %.1f%% (%d/%d)  recall %.1f%% (%d/%d)\n", (g ? 100*tp/g : 100), tp, g, (e ? 100*tp/e : 100), tp, e }'
