package main

// Range-over-func bodies are closures: variables they assign are captured by reference
// and move to the heap when the iterator is a function value (the body escapes), as do
// the loop's #state variables; an iteration variable whose address is kept moves too.

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

type Seq func(yield func(int) bool)

func (s Seq) Sum() int {
	t := 0
	for x := range s {
		t += x
	}
	return t
}

var sink *int

func main() {
	s := 0
	for x := range count(5) {
		s += x
	}
	println(s)
	var p *int
	for x := range count(3) {
		p = &x
	}
	sink = p
	println(Seq(count(4)).Sum())
}
