-- nbody: the same algorithm as ../shared/bench/nbody.go (five bodies, symplectic Euler
-- steps, a hand-written Newton square root), same output. Bodies are tables with the Go
-- struct's fields, reached through an array of them as Go reaches them through []*Body.
local pi = 3.141592653589793
local solarMass = 4 * pi * pi
local perYear = 365.24

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

local function body(x, y, z, vx, vy, vz, mass)
  return { x = x, y = y, z = z, vx = vx, vy = vy, vz = vz, mass = mass }
end

local function system()
  local bs = {
    body(0, 0, 0, 0, 0, 0, solarMass),
    body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
      1.66007664274403694e-03 * perYear, 7.69901118419740425e-03 * perYear, -6.90460016972063023e-05 * perYear,
      9.54791938424326609e-04 * solarMass),
    body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
      -2.76742510726862411e-03 * perYear, 4.99852801234917238e-03 * perYear, 2.30417297573763929e-05 * perYear,
      2.85885980666130812e-04 * solarMass),
    body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
      2.96460137564761618e-03 * perYear, 2.37847173959480950e-03 * perYear, -2.96589568540237556e-05 * perYear,
      4.36624404335156298e-05 * solarMass),
    body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
      2.68067772490389322e-03 * perYear, 1.62824170038242295e-03 * perYear, -9.51592254519715870e-05 * perYear,
      5.15138902046611451e-05 * solarMass),
  }
  local px, py, pz = 0.0, 0.0, 0.0
  for _, b in ipairs(bs) do
    px = px + b.vx * b.mass
    py = py + b.vy * b.mass
    pz = pz + b.vz * b.mass
  end
  bs[1].vx = -px / solarMass
  bs[1].vy = -py / solarMass
  bs[1].vz = -pz / solarMass
  return bs
end

local function energy(bs)
  local e = 0.0
  local n = #bs
  for i = 1, n do
    local a = bs[i]
    e = e + 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz)
    for j = i + 1, n do
      local b = bs[j]
      local dx = a.x - b.x
      local dy = a.y - b.y
      local dz = a.z - b.z
      e = e - a.mass * b.mass / sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end

local function step(bs, dt)
  local n = #bs
  for i = 1, n do
    local a = bs[i]
    for j = i + 1, n do
      local b = bs[j]
      local dx = a.x - b.x
      local dy = a.y - b.y
      local dz = a.z - b.z
      local d2 = dx * dx + dy * dy + dz * dz
      local mag = dt / (d2 * sqrt(d2))
      a.vx = a.vx - dx * b.mass * mag
      a.vy = a.vy - dy * b.mass * mag
      a.vz = a.vz - dz * b.mass * mag
      b.vx = b.vx + dx * a.mass * mag
      b.vy = b.vy + dy * a.mass * mag
      b.vz = b.vz + dz * a.mass * mag
    end
  end
  for _, b in ipairs(bs) do
    b.x = b.x + dt * b.vx
    b.y = b.y + dt * b.vy
    b.z = b.z + dt * b.vz
  end
end

local steps = 200000
local bs = system()
io.write(string.format("%.9f\n", energy(bs)))
for _ = 1, steps do step(bs, 0.01) end
io.write(string.format("%.9f\n", energy(bs)))
