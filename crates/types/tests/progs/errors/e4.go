package main

func f(a int, b string) {}

func main() {
	f()
	f(1, 2)
	f("x", "y", 3)
	var s []int
	s.x()
	undefinedFn()
	var f2 float64 = 1
	_ = f2 % 2
	_ = "a" - "b"
	_ = len(5)
	var ch <-chan int
	ch <- 1
	close(ch)
}
