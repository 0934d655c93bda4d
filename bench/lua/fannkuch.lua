-- fannkuch: the same algorithm as ../shared/bench/fannkuch.go (counting-array permutation
-- order, prefix reversals), same output. Arrays are 0-based tables like the Go slices.
local function fannkuch(n)
  local perm, work, count = {}, {}, {}
  for i = 0, n - 1 do perm[i] = i; work[i] = 0; count[i] = 0 end
  local maxFlips, checksum, index = 0, 0, 0
  local r = n
  while true do
    while r > 1 do
      count[r - 1] = r
      r = r - 1
    end
    if perm[0] ~= 0 then
      for i = 0, n - 1 do work[i] = perm[i] end
      local flips = 0
      local k = work[0]
      while k ~= 0 do
        local lo, hi = 0, k
        while lo < hi do
          work[lo], work[hi] = work[hi], work[lo]
          lo, hi = lo + 1, hi - 1
        end
        flips = flips + 1
        k = work[0]
      end
      if flips > maxFlips then maxFlips = flips end
      if index % 2 == 0 then
        checksum = checksum + flips
      else
        checksum = checksum - flips
      end
    end
    while true do
      if r == n then return checksum, maxFlips end
      local first = perm[0]
      for i = 0, r - 1 do perm[i] = perm[i + 1] end
      perm[r] = first
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
    index = index + 1
  end
end

local n = 9
local sum, flips = 0, 0
for _ = 1, 3 do
  local s, f = fannkuch(n)
  sum = sum + s
  flips = flips + f
end
io.write(string.format("checksum %d\nmax flips(%d) x3 %d\n", sum, n, flips))
