package main

var sink any

// A channel of receive-only channels prints as chan (<-chan T), as gc prints the type.
func main() {
	c := make(chan (<-chan int), 1)
	sink = c
	d := new(chan (<-chan int))
	sink = d
	e := []chan (<-chan int){nil}
	sink = e
	var f any = (chan (<-chan int))(nil)
	sink = f
}
