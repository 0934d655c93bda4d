-- fib: the same algorithm as ../shared/bench/fib.go (naive doubly-recursive Fibonacci),
-- same output.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

print("fib(35) = " .. fib(35))
