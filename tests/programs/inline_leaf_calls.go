// Calls of small leaf functions (one `return` of operators on the parameters), which gosub
// compiles inline: argument evaluation order, NaN self-comparisons, nested helpers,
// generic helpers, recursion and panics in the arguments all behave as ordinary calls.
package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

func isNaN[T cmp.Ordered](x T) bool { return x != x }

func less[T cmp.Ordered](x, y T) bool { return (isNaN(x) && !isNaN(y)) || x < y }

func add(a, b int) int { return a + b }

func same(p, q *int) bool { return p == q }

func between(lo, x, hi int) bool { return lo <= x && x <= hi }

func notNeg(x float64) bool { return !(x < 0) }

var trace []string

func val(name string, v int) int {
	trace = append(trace, name)
	return v
}

// fact is recursive: never inlined, still right.
func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func main() {
	nan := math.NaN()
	fmt.Println(isNaN(nan), isNaN(1.5), isNaN(3), isNaN("x"))
	fmt.Println(less(nan, 1.0), less(1.0, nan), less(nan, nan), less(2, 3), less("b", "a"))
	fmt.Println(cmp.Less(nan, math.Inf(-1)), cmp.Compare(nan, nan), cmp.Compare(-0.0, 0.0))

	// Arguments run left to right, before the body.
	fmt.Println(add(val("a", 1), val("b", 2)), trace)
	p := &trace
	fmt.Println(add(len(*p), val("c", 3)), trace)

	a, b := 5, 5
	fmt.Println(same(&a, &a), same(&a, &b), between(1, 5, 9), between(1, 0, 9))
	fmt.Println(notNeg(nan), notNeg(-1), notNeg(0))

	if less(1, 2) && !less(2, 1) {
		fmt.Println("conditions: ok")
	}
	for i := 0; less(i, 3); i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()

	fs := []float64{3, nan, -1, math.Inf(1), 0, nan, -math.Inf(1)}
	slices.Sort(fs)
	fmt.Println(fs)
	ss := []string{"pear", "", "apple", "fig"}
	slices.Sort(ss)
	fmt.Println(ss, fact(10))

	defer func() { fmt.Println("recovered:", recover()) }()
	idx := []int{1, 2, 3}
	k := 7
	fmt.Println(add(idx[0], idx[k]))
}
