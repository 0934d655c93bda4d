// Whole function bodies inlined at their calls (crates/compile/src/inline_body.rs):
// parameters as fresh variables per call, named results, early returns from loops,
// variadic arguments, escaping parameters, frame objects, evaluation order, recursion,
// runtime.Caller and the traceback of a panic two inlined calls deep.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

type pair struct{ a, b int }

type Counter struct{ n int }

func (c *Counter) Add(k int) { c.n += k }

type Wrapped struct {
	Counter
	name string
}

type Tree struct {
	Left, Right *Tree
	V           int
}

func (t *Tree) Sum() int {
	if t == nil {
		return 0
	}
	return t.V + t.Left.Sum() + t.Right.Sum()
}

var total int

func bump(k int) { total += k }

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func firstOver(xs []int, limit int) (int, bool) {
	for i, x := range xs {
		if x <= limit {
			continue
		}
		return i, true
	}
	return -1, false
}

func sum(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func double(x int) int {
	x *= 2 // the parameter is the callee's own variable
	return x
}

func addrOf(x int) *int { return &x }

func viaFrame(i int) int {
	p := &pair{i, i + 1}
	return p.a * p.b
}

func kind(v any) string {
	switch v.(type) {
	case int:
		return "int"
	case string:
		return "string"
	}
	return "other"
}

var seq int

func next() int {
	seq++
	return seq
}

func sub(a, b int) int { return a - b }

func where() int {
	_, _, line, _ := runtime.Caller(0)
	return line
}

func callerName() string {
	pc, _, line, _ := runtime.Caller(0)
	return fmt.Sprint(runtime.FuncForPC(pc).Name(), ":", line)
}

func mustPositive(n int) int {
	if n < 0 {
		panic(errors.New("negative"))
	}
	return n
}

func safe(n int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	return mustPositive(n), nil
}

func (c *Counter) Get() int { return c.n }

func bumpN(p *int) int {
	*p += 100
	return *p
}

// Its named result escapes (a pointer to it is kept): it lives in a heap cell, copied back
// into the result when the inlined body ends.
var lastRes *int

func cell(k int) (r int) {
	lastRes = &r
	r = k * 3
	return
}

// Named results start at zero at every call, also in a loop.
func countDown(k int) (n int, odd bool) {
	for k > 0 {
		n++
		k--
	}
	if n%2 == 1 {
		odd = true
	}
	return
}

func classify(xs []int) (small, big int) {
	for _, x := range xs {
		switch {
		case x < 0:
			continue
		case x > 100:
			big++
			if big > 2 {
				break
			}
		default:
			small++
		}
	}
	return
}

func inc(x int) int {
	x++
	return x
}

func read(c *Counter) int { return c.Get() }

func main() {
	c := &Counter{}
	for i := 1; i <= 4; i++ {
		c.Add(i)
	}
	w := &Wrapped{name: "w"}
	w.Add(5)
	w.Add(6)
	fmt.Println(c.n, w.n, w.name)

	for i := 0; i < 3; i++ {
		bump(i * 10)
	}
	fmt.Println("total", total)

	q, r := divmod(-17, 5)
	fmt.Println(q, r)

	i, ok := firstOver([]int{1, 5, 9, 12}, 8)
	j, ok2 := firstOver(nil, 0)
	fmt.Println(i, ok, j, ok2)

	nums := []int{4, 5}
	fmt.Println(sum(), sum(1, 2, 3), sum(nums...))

	x := 21
	fmt.Println(double(x), x)

	var ptrs []*int
	for k := 0; k < 3; k++ {
		ptrs = append(ptrs, addrOf(k))
	}
	*ptrs[0] = 100
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2], ptrs[0] != ptrs[1])

	acc := 0
	for k := 0; k < 4; k++ {
		acc += viaFrame(k)
	}
	fmt.Println("frame objects", acc)

	fmt.Println(kind(1), kind("s"), kind(2.5))

	// Arguments are evaluated left to right before the body runs.
	fmt.Println(sub(next(), next()), seq)

	// Loops in the caller around an inlined body with its own loop and early return.
	found := 0
	for k := 0; k < 5; k++ {
		if k == 3 {
			continue
		}
		if _, ok := firstOver([]int{k, k * 4}, 6); ok {
			found++
		}
	}
	fmt.Println("found", found)

	t := &Tree{V: 1, Left: &Tree{V: 2}, Right: &Tree{V: 3, Left: &Tree{V: 4}}}
	fmt.Println("tree", t.Sum())

	fmt.Println("line", where(), callerName())
	f := func(n int) int { return double(n) + 1 }
	fmt.Println(f(5))

	v, err := safe(3)
	fmt.Println(v, err)
	v, err = safe(-3)
	fmt.Println(v, err)

	var b strings.Builder
	for k := 0; k < 5; k++ {
		b.WriteByte('a' + byte(k))
		b.WriteString("-")
	}
	fmt.Println(b.String(), strings.HasPrefix(b.String(), "a-b"), b.Len())

	// Arguments of a method call read before the body: c.Add sees bumpN's effect on c.n,
	// and bumpN's argument is evaluated before c.Add's body runs.
	c.n = 1
	c.Add(bumpN(&c.n))
	fmt.Println("add after bump", c.n)

	fmt.Println(inc(inc(inc(1))), cell(4), *lastRes, cell(5), *lastRes)
	for k := 0; k < 3; k++ {
		n, odd := countDown(k)
		fmt.Print(n, odd, " ")
	}
	fmt.Println()
	nums = []int{-1, 5, 200, 300, 400, 500, 7}
	for k := 0; k < 2; k++ {
		s, b := classify(nums)
		fmt.Println("classify", s, b)
	}

	var nc *Counter
	fmt.Println(read(c))
	fmt.Println(read(nc))
}
