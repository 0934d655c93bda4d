-- spectralnorm: the same algorithm as ../shared/bench/spectralnorm.go (power iteration,
-- a leaf entry(i, j) called O(n^2) times per multiply, a hand-written Newton square root),
-- same output. Arrays are 0-based like the Go slices; Go's integer division s*(s+1)/2 is
-- Lua's // on integers.
local function entry(i, j)
  local s = i + j
  return 1.0 / (s * (s + 1) // 2 + i + 1)
end

local function mulA(out, inp, n)
  for i = 0, n - 1 do
    local acc = 0.0
    for j = 0, n - 1 do acc = acc + entry(i, j) * inp[j] end
    out[i] = acc
  end
end

local function mulAt(out, inp, n)
  for i = 0, n - 1 do
    local acc = 0.0
    for j = 0, n - 1 do acc = acc + entry(j, i) * inp[j] end
    out[i] = acc
  end
end

local function mulAtA(out, inp, tmp, n)
  mulA(tmp, inp, n)
  mulAt(out, tmp, n)
end

local function sqrt(v)
  if v <= 0 then return 0 end
  local g = v
  if g < 1 then g = 1 end
  while true do
    local n = 0.5 * (g + v / g)
    if n >= g then return g end
    g = n
  end
end

local n = 1000
local u, v, tmp = {}, {}, {}
for i = 0, n - 1 do u[i] = 1.0; v[i] = 0.0; tmp[i] = 0.0 end
for _ = 1, 10 do
  mulAtA(v, u, tmp, n)
  mulAtA(u, v, tmp, n)
end
local uv, vv = 0.0, 0.0
for i = 0, n - 1 do
  uv = uv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
io.write(string.format("%.9f\n", sqrt(uv / vv)))
