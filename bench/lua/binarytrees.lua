-- binarytrees: the same algorithm as ../shared/bench/binarytrees.go (complete binary trees
-- of two-field nodes, a stretch tree, many short-lived trees, one long-lived tree), same
-- output. A node is a table {left, right}; a leaf has no children, as Go's &Tree{}.
local function make(depth)
  if depth <= 0 then return {} end
  return { make(depth - 1), make(depth - 1) }
end

local function count(t)
  if t[1] == nil then return 1 end
  return 1 + count(t[1]) + count(t[2])
end

local minDepth = 4
local maxDepth = 16

local big = make(maxDepth + 1)
io.write(string.format("stretch depth %d nodes %d\n", maxDepth + 1, count(big)))
big = nil

local keep = make(maxDepth)

local all = 0
for d = minDepth, maxDepth, 2 do
  local rounds = 1 << (maxDepth - d + 2)
  local nodes = 0
  for _ = 1, rounds do
    nodes = nodes + count(make(d))
  end
  all = all + nodes
  io.write(string.format("depth %d rounds %d nodes %d\n", d, rounds, nodes))
end
io.write(string.format("kept depth %d nodes %d\n", maxDepth, count(keep)))
print("total " .. all)
