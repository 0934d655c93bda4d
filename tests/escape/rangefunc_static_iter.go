package main

// When the iterator is a known function whose yield parameter does not escape, the body
// closure stays in the frame and so do the variables it captures.

func upTo(yield func(int) bool) {
	for i := 0; i < 4; i++ {
		if !yield(i) {
			return
		}
	}
}

func pairs(yield func(int, *int) bool) {
	v := 7
	yield(1, &v)
}

func sum() int {
	t := 0
	for x := range upTo {
		t += x
	}
	return t
}

var g *int

func keep() {
	for _, p := range pairs {
		g = p
	}
}

func main() {
	println(sum())
	keep()
}
