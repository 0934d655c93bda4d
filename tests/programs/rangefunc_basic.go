package main

import "fmt"

// Range over functions (Go 1.23): iterators of zero, one and two values.

type Seq func(yield func(int) bool)

type Seq2 func(yield func(string, int) bool)

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func times(n int) func(func() bool) {
	return func(yield func() bool) {
		for range n {
			if !yield() {
				return
			}
		}
	}
}

func words() Seq2 {
	return func(yield func(string, int) bool) {
		for i, w := range []string{"alpha", "beta", "gamma"} {
			if !yield(w, i*10) {
				return
			}
		}
	}
}

type List struct {
	items []int
}

func (l *List) All(yield func(int) bool) {
	for _, x := range l.items {
		if !yield(x) {
			return
		}
	}
}

func (s Seq) Sum() int {
	t := 0
	for x := range s {
		t += x
	}
	return t
}

func main() {
	for i := range count(3) {
		fmt.Println("count", i)
	}
	n := 0
	for range times(4) {
		n++
	}
	fmt.Println("times", n)
	for w, v := range words() {
		fmt.Println(w, v)
	}
	for w := range words() {
		fmt.Print(w, " ")
	}
	fmt.Println()
	for _, v := range words() {
		fmt.Print(v, " ")
	}
	fmt.Println()

	// A method value and a method expression's function as iterators.
	l := &List{items: []int{5, 6, 7}}
	for x := range l.All {
		fmt.Println("item", x)
	}
	for x := range Seq(count(5)) {
		fmt.Print(x)
	}
	fmt.Println()
	fmt.Println("sum", Seq(count(5)).Sum())

	// A function literal as the range expression.
	for x := range func(yield func(float64) bool) {
		_ = yield(1.5) && yield(2.5)
	} {
		fmt.Println("lit", x)
	}

	// Assignment forms: any addressable (or map) operand, evaluated per iteration.
	var k string
	var v int
	for k, v = range words() {
	}
	fmt.Println("last", k, v)
	m := map[string]int{}
	arr := [3]int{}
	i := 0
	for k, arr[i] = range words() {
		m[k] = arr[i]
		i++
	}
	fmt.Println(m, arr)
	var any1 any
	for any1 = range count(2) {
	}
	fmt.Printf("%T %v\n", any1, any1)

	// A nil iterator panics like any call of a nil function.
	defer func() { fmt.Println("recovered:", recover()) }()
	var nilSeq Seq
	for x := range nilSeq {
		fmt.Println(x)
	}
}
