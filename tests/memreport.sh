#!/usr/bin/env bash
# tests/memreport.sh — the memory report's HTML page, checked in a real browser.
#
# Writes the report of tests/memreport/trees.go (`gosub run --memreport`), then:
# 1. parses each of its SVG charts with an XML parser (well-formed, a <title> per
#    collection's hover target);
# 2. renders the page in headless Chromium to a PNG: the page must load without console
#    errors, and the timeline's part of the picture must not be blank (its stacked areas
#    are the only coloured pixels there: text and grid lines are grey).
# Environment: GOSUB (default: build and use the debug gosub, honouring CARGO_TARGET_DIR);
# CHROMIUM (default: chromium on PATH).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

. "$root/tests/common.sh"
find_gosub
CHROMIUM=${CHROMIUM:-chromium}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$GOSUB" run --memreport="$work/report.html" tests/memreport/trees.go >"$work/out"
echo "report: $(wc -c <"$work/report.html") bytes"

python3 - "$work/report.html" <<'PY'
import re, sys
import xml.etree.ElementTree as ET
page = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r"<svg.*?</svg>", page, re.S)
assert len(svgs) == 2, f"want 2 charts, got {len(svgs)}"
ns = "{http://www.w3.org/2000/svg}"
timeline = ET.fromstring(svgs[0])
ET.fromstring(svgs[1])
titles = [t.text for t in timeline.iter(ns + "title")]
gcs = page.count('<rect class="gc"')
assert len(titles) == gcs > 0, (len(titles), gcs)
assert any("(runtime.GC)" in t for t in titles), titles
print(f"ok   SVG: 2 charts parse as XML; {len(titles)} collection tooltips")
PY

# Headless Chromium, as root in a sandbox-less container, with no network chatter.
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
    --window-size=1100,1300 --screenshot="$work/page.png" "file://$work/report.html" \
    >"$work/chromium.log" 2>&1 || { cat "$work/chromium.log"; exit 1; }
if grep -E 'CONSOLE|Uncaught|Failed to load|ERR_FILE' "$work/chromium.log"; then
    echo "FAIL the page logged errors in the browser"
    exit 1
fi
echo "ok   Chromium loaded the page without console errors"

python3 - "$work/page.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype, interlace)
bpp = 3 if ctype == 2 else 4
raw = zlib.decompress(idat)
stride = w * bpp
rows, prev, i = [], bytearray(stride), 0
for _ in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b, c = prev[x], prev[x - bpp] if x >= bpp else 0
        if f == 1:
            line[x] = (line[x] + a) & 255
        elif f == 2:
            line[x] = (line[x] + b) & 255
        elif f == 3:
            line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line)
    prev = line
# The timeline sits below the title and summary, in the page's first 700 pixel rows.
coloured = total = 0
for y in range(120, min(h, 700)):
    r = rows[y]
    for x in range(0, stride, bpp):
        total += 1
        if max(r[x:x + 3]) - min(r[x:x + 3]) > 40:
            coloured += 1
share = coloured / total
print(f"ok   screenshot {w}x{h}: {100 * share:.1f}% of the timeline's part is coloured")
assert share > 0.02, "the chart area is blank"
PY
